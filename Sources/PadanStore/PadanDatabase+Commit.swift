import GRDB

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
        let run = commit.run
        return try write("menyimpan run \(run.runID)") { db in
            if try !StoredRun.filter(StoredRun.Columns.runID == run.runID).isEmpty(db) {
                throw StoreError.runExists(runID: run.runID)
            }
            try run.insert(db)
            try Self.record(commit.observations, by: run, in: db)
            let resolved = try Self.resolveUnobserved(by: run.runID, in: db)
            let newKeys = try Self.insert(payloadKeys: commit.payloadKeys, firstRun: run.runID, in: db)
            return RunCommit.Outcome(resolved: resolved, newPayloadKeys: newKeys)
        }
    }
}
