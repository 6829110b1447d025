import GRDB

extension PadanDatabase {
    /// The disparities open as of the last committed run, by id.
    package func openDisparities() throws(StoreError) -> [String: StoredDisparity] {
        try read("membaca disparitas terbuka") { db in
            let request = StoredDisparity.filter(sql: "open = 1")
            var disparities: [String: StoredDisparity] = [:]
            disparities.reserveCapacity(try request.fetchCount(db))
            let cursor = try request.fetchCursor(db)
            while let disparity = try cursor.next() {
                disparities[disparity.disparityID] = disparity
            }
            return disparities
        }
    }

    /// The disparities the run `runID` found resolved and that have not come back since.
    package func disparities(resolvedIn runID: String) throws(StoreError) -> [StoredDisparity] {
        try read("membaca disparitas yang selesai pada run \(runID)") { db in
            try StoredDisparity
                .filter(sql: "open = 0 AND resolved_run = ?", arguments: [runID])
                .order(StoredDisparity.Columns.disparityID)
                .fetchAll(db)
        }
    }

    /// Upserts this run's observations; see ``commit(_:)`` for the rules.
    static func record(_ observations: any DisparityObservations, runID: String, asOf: String, in db: Database)
        throws
    {
        // `disparity.open` is the row before this run touched it, or within this run the row as
        // an earlier duplicate observation left it: either way an open row keeps first_seen.
        let upsert = try BulkInsert(
            sql: """
                INSERT INTO disparity (disparity_id, code, priority, first_seen_run,
                    first_seen_date, last_seen_run, open, row_json, resolved_run)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, NULL)
                ON CONFLICT (disparity_id) DO UPDATE SET
                    code = excluded.code,
                    priority = excluded.priority,
                    first_seen_run = CASE disparity.open
                        WHEN 1 THEN disparity.first_seen_run ELSE excluded.first_seen_run END,
                    first_seen_date = CASE disparity.open
                        WHEN 1 THEN disparity.first_seen_date ELSE excluded.first_seen_date END,
                    last_seen_run = excluded.last_seen_run,
                    open = 1,
                    row_json = excluded.row_json,
                    resolved_run = NULL
                """,
            in: db)
        try upsert.bind(4, runID)
        try upsert.bind(5, asOf)
        try upsert.bind(6, runID)
        // In key order, the index pages stay in cache; of duplicate ids the last observation is still
        // written last (positions break ties).
        let ids = observations.ids
        for i in ids.indices.sorted(by: { (ids[$0], $0) < (ids[$1], $1) }) {
            let observation = observations.observation(at: i)
            try upsert.bind(1, observation.disparityID)
            try upsert.bind(2, observation.code)
            try upsert.bind(3, observation.priority)
            try upsert.bind(7, observation.rowJSON)
            try upsert.step()
        }
    }

    /// Resolves every open disparity that run `runID` did not observe; returns how many.
    static func resolveUnobserved(by runID: String, in db: Database) throws -> Int {
        try db.execute(
            sql: """
                UPDATE disparity SET open = 0, resolved_run = ?
                WHERE open = 1 AND last_seen_run <> ?
                """,
            arguments: [runID, runID]
        )
        return db.changesCount
    }
}
