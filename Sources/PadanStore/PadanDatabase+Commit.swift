import GRDB
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

    /// Payload keys inserted at once (4 MB of keys): nationally ten sweeps of the key table.
    static let keyBatch = 1 << 17
    /// Payload keys inserted at once while the key table is small enough for the page cache (``smallTable``).
    static let smallKeyBatch = 1 << 14
    /// Keys a key table holds within the 16 MiB page cache (about 60 bytes a key in its B-tree).
    static let smallTable = 1 << 18

    /// ``commit(_:)`` with its parts handed over as the run produces them, in one transaction all the same:
    /// the disparities (`observations()`, each made as it is stored) are recorded at once, then the
    /// payload keys chunk by chunk as `payloadKeys()` gives them (until it gives nil), then `run()` is called.
    /// Each may wait for its part (a nightly run writes its folder meanwhile). The transaction commits after
    /// `run()` returns; an error thrown by either leaves the store exactly as it was.
    ///
    /// The run's row comes last, so references to it are checked at the commit (`defer_foreign_keys`).
    @discardableResult
    package func commit(
        runID: String, asOf: String, observations: () -> any DisparityObservations,
        payloadKeys: () throws -> [PayloadKey]?, run: () throws -> StoredRun, keyBatch: Int = keyBatch
    ) throws(StoreError) -> RunCommit.Outcome {
        try write("menyimpan run \(runID)") { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            if try !StoredRun.filter(StoredRun.Columns.runID == runID).isEmpty(db) {
                throw StoreError.runExists(runID: runID)
            }
            try Self.record(observations(), runID: runID, asOf: asOf, in: db)
            let resolved = try Self.resolveUnobserved(by: runID, in: db)
            // Keys gathered into large batches, each inserted in key order: one sweep of the key table's B-tree
            // per batch instead of one per block of payload lines (random keys, each block visiting most of
            // the table's pages), so a small page cache holds what a sweep needs. While the table still fits
            // in the cache, small batches: a region's keys are then stored while its lines are written, not
            // all after them (at 10% scale the last batch was most of the record stage, on one core).
            var stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(PayloadKeyRecord.databaseTableName)") ?? 0
            var newKeys = 0
            var batch = [PayloadKey]()
            while let chunk = try payloadKeys() {
                batch += chunk
                let limit = stored + batch.count <= Self.smallTable ? min(keyBatch, Self.smallKeyBatch) : keyBatch
                if batch.count >= limit {
                    let inserted = try Self.insert(payloadKeys: batch, firstRun: runID, in: db)
                    newKeys += inserted
                    stored += inserted
                    batch.removeAll(keepingCapacity: true)
                }
            }
            newKeys += try Self.insert(payloadKeys: batch, firstRun: runID, in: db)
            let row = try run()
            guard row.runID == runID, row.asOf == asOf else {
                throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "run \(row.runID) bukan run \(runID)")
            }
            try row.insert(db)
            return RunCommit.Outcome(resolved: resolved, newPayloadKeys: newKeys)
        }
    }
}
