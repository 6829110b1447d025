import GRDB
import GRDBSQLite
import PadanCore

extension PadanDatabase {
    /// Records a finished run in one transaction: its row, its disparities, its payload keys.
    ///
    /// - Every observed disparity becomes open with this run as its last run. One that was not
    ///   open gets this run and its as-of date as first seen, including one resolved earlier
    ///   that came back; one that was open keeps its first run and date.
    /// - Every disparity open before and not observed now is resolved by this run.
    /// - Every payload key not stored yet is stored with this run as its first run.
    ///
    /// Throws ``StoreError/runExists(runID:)`` if the run id is taken. On any failure the store
    /// is left exactly as it was.
    @discardableResult
    package func commit(_ commit: RunCommit) throws(StoreError) -> RunCommit.Outcome {
        var keys: [PayloadKey]? = commit.payloadKeys
        return try self.commit(
            runID: commit.run.runID, asOf: commit.run.asOf, observations: { commit.observations },
            payloadKeys: {
                defer { keys = nil }
                return keys
            }, run: { commit.run })
    }

    /// ``commit(_:)`` with its parts handed over as the run produces them, in one transaction all the same:
    /// the disparities (`observations()`, each made as it is stored) are recorded at once, then the
    /// payload keys chunk by chunk as `payloadKeys()` gives them (until it gives nil), then `run()` is called.
    /// Each may wait for its part (a nightly run writes its folder meanwhile). The transaction commits after
    /// `run()` returns; an error thrown by either leaves the store exactly as it was.
    ///
    /// Keys already stored are left out, and so are repeats within a chunk; a key is given in one chunk only
    /// (a run's delta, whose lines are each new once). The keys are stored a block at a time
    /// (``PayloadKeyBlockRecord``). `stored` is ``emittedPayloadKeys()`` as the caller read it while holding
    /// the ``StoreLock`` it still holds (nil: read here, when the first keys come).
    @discardableResult
    package func commit(
        runID: String, asOf: String, observations: () -> any DisparityObservations,
        payloadKeys: () throws -> [PayloadKey]?, run: () throws -> StoredRun, stored: PayloadKeyIndex? = nil
    ) throws(StoreError) -> RunCommit.Outcome {
        try write("menyimpan run \(runID)", checkingReferences: false) { db in
            if try !StoredRun.filter(StoredRun.Columns.runID == runID).isEmpty(db) {
                throw StoreError.runExists(runID: runID)
            }
            // The run's row first, completed when `run()` gives it: the rows that refer to it then find it as
            // they are added. Added last, it made SQLite search the disparity table (no index on its run
            // columns) for every row waiting for it, on the run's last step.
            try Self.placeholder(runID: runID, asOf: asOf).insert(db)
            try Self.record(observations(), runID: runID, asOf: asOf, in: db)
            let resolved = try Self.resolveUnobserved(by: runID, in: db)
            Self.writeAhead(db)
            var stored = stored
            var newKeys = 0
            var block = [PayloadKey]()
            while let chunk = try payloadKeys() {
                // Read at the first keys: a run with none reads nothing.
                let known = try stored ?? Self.storedPayloadKeys(in: db)
                stored = known
                block += known.isEmpty ? chunk : chunk.filter { !known.contains($0) }
                if block.count >= PayloadKeyBlockRecord.capacity {
                    newKeys += try Self.insert(block: block, firstRun: runID, in: db)
                    block.removeAll(keepingCapacity: true)
                }
            }
            newKeys += try Self.insert(block: block, firstRun: runID, in: db)
            // The transaction's pages on the disk now and after the disparities, while the run still writes its
            // folder: at the commit, only the run's row is left to write and sync (the final sync of a national
            // store's 130 MB was 0.09 s at the end of every run, with both cores idle).
            Self.writeAhead(db)
            let row = try run()
            guard row.runID == runID, row.asOf == asOf else {
                throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "run \(row.runID) bukan run \(runID)")
            }
            try Self.complete(row, in: db)
            return RunCommit.Outcome(resolved: resolved, newPayloadKeys: newKeys)
        }
    }

    /// Writes the open transaction's pages to the database file and waits for the disk to hold them, on the
    /// committing thread, so that the commit's own sync has little left. SQLite keeps its journal's promise
    /// (the journal is synced before a page of the file is overwritten, as when its cache spills), so a crash
    /// afterwards still rolls the transaction back. Best effort: a refusal (a lock not held) changes nothing.
    static func writeAhead(_ db: Database) {
        let connection = db.sqliteConnection
        guard sqlite3_db_cacheflush(connection) == SQLITE_OK else { return }
        var file: UnsafeMutablePointer<sqlite3_file>?
        guard sqlite3_file_control(connection, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK,
            let file, let sync = file.pointee.pMethods?.pointee.xSync
        else { return }
        _ = sync(file, SQLITE_SYNC_NORMAL)
    }

    /// The row a run's commit starts with: its id and as-of date, every other column a valid stand-in.
    static func placeholder(runID: String, asOf: String) -> StoredRun {
        StoredRun(
            runID: runID, pipeline: runID, startedAt: "", finishedAt: "", asOf: asOf, summaryJSON: "{}",
            counts: RunCounts(
                open: 0, new: 0, persisting: 0, resolved: 0, linked: 0, dapodikASN: 0, eligible: 0, blocked: 0,
                skipped: 0, delta: 0))
    }

    /// Sets every column of the run's placeholder row to `row`'s.
    static func complete(_ row: StoredRun, in db: Database) throws {
        let values = try row.databaseDictionary.filter { $0.key != StoredRun.Columns.runID.name }.sorted {
            $0.key < $1.key
        }
        try db.execute(
            sql:
                "UPDATE \(StoredRun.databaseTableName) SET \(values.map { "\($0.key) = ?" }.joined(separator: ", ")) WHERE run_id = ?",
            arguments: StatementArguments(values.map(\.value) + [row.runID.databaseValue]))
    }
}
