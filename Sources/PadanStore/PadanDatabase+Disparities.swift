import GRDB
import PadanCore

extension PadanDatabase {
    /// The disparities open as of the last committed run whose id passes `include` (all by default), by id.
    package func openDisparities(where include: (String) -> Bool = { _ in true }) throws(StoreError)
        -> [String: StoredDisparity]
    {
        try read("membaca disparitas terbuka") { db in
            var disparities: [String: StoredDisparity] = [:]
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT * FROM \(StoredDisparity.databaseTableName) WHERE open = 1")
            while let row = try cursor.next() {
                let id: String = try row.decode(forColumn: StoredDisparity.Columns.disparityID)
                if include(id) { disparities[id] = try StoredDisparity(row: row) }
            }
            return disparities
        }
    }

    /// The open disparities of `ids` (ids not open are left out), by id: a few rows found by their key, where
    /// ``openDisparities(where:)`` reads every open row (170,000 nationally, each with its JSON) to keep a few.
    package func openDisparities(ids: [String]) throws(StoreError) -> [String: StoredDisparity] {
        try read("membaca disparitas terbuka") { db in
            var disparities: [String: StoredDisparity] = [:]
            var start = 0
            // In batches within every SQLite's limit of bound values (999 before 3.32).
            while start < ids.count {
                let batch = Array(ids[start..<min(ids.count, start + 500)])
                start += batch.count
                let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
                let rows = try StoredDisparity.fetchAll(
                    db,
                    sql:
                        "SELECT * FROM \(StoredDisparity.databaseTableName) WHERE open = 1 AND disparity_id IN (\(marks))",
                    arguments: StatementArguments(batch))
                for row in rows { disparities[row.disparityID] = row }
            }
            return disparities
        }
    }

    /// When each disparity open as of the last committed run was first seen, by id: what a nightly run needs
    /// of every open disparity (the whole rows, CSV text included, were 120 MB more of a national second
    /// run's peak). The run ids and dates, a few distinct values, are shared between entries.
    package func openDisparitiesFirstSeen() throws(StoreError) -> [String: FirstSeen] {
        try read("membaca disparitas terbuka") { db in
            var firstSeen: [String: FirstSeen] = [:]
            firstSeen.reserveCapacity(try StoredDisparity.filter(sql: "open = 1").fetchCount(db))
            let shared = TextInterner()
            let cursor = try Row.fetchCursor(
                db,
                sql:
                    "SELECT disparity_id, first_seen_run, first_seen_date FROM \(StoredDisparity.databaseTableName) WHERE open = 1"
            )
            while let row = try cursor.next() {
                let id: String = try row.decode(atIndex: 0)
                firstSeen[id] = FirstSeen(
                    run: shared.string(try row.decode(atIndex: 1)), date: shared.string(try row.decode(atIndex: 2)))
            }
            return firstSeen
        }
    }

    /// The run and as-of date that opened a disparity.
    package struct FirstSeen: Sendable, Equatable {
        package var run: String
        /// `YYYY-MM-DD`.
        package var date: String

        package init(run: String, date: String) {
            self.run = run
            self.date = date
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
        // Observations made in that order jump about the run's findings: each is announced ahead.
        let order = byteOrder(observations.ids), steps = [ObservationLookahead.finding, .texts]
        for (k, i) in order.enumerated() {
            for step in steps where k + step.rawValue < order.count {
                observations.willObserve(order[k + step.rawValue], step)
            }
            let observation = observations.observation(at: i)
            try upsert.bind(1, observation.disparityID)
            try upsert.bind(2, observation.code)
            try upsert.bind(3, observation.priority)
            try upsert.bind(7, observation.rowJSON)
            try upsert.step()
        }
    }

    /// The positions of `ids` in the order of their UTF-8 bytes (SQLite's `BINARY` order), equal ids by position.
    ///
    /// Compared by their first 16 bytes as two integers, the whole texts only when those are equal: comparing the
    /// `String`s (16 hex digits, one more than fits in a small string) was a quarter of a second nationally.
    package static func byteOrder(_ ids: [String]) -> [Int] {
        let prefixes = ids.map { id in
            var id = id
            return id.withUTF8 { bytes in
                var high: UInt64 = 0, low: UInt64 = 0
                for k in 0..<16 {
                    let byte = k < bytes.count ? UInt64(bytes[k]) : 0
                    if k < 8 { high = high << 8 | byte } else { low = low << 8 | byte }
                }
                return (high, low)
            }
        }
        return ids.indices.sorted { a, b in
            if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
            if ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8) { return true }
            return !ids[b].utf8.lexicographicallyPrecedes(ids[a].utf8) && a < b
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
