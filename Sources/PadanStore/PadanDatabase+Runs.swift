import GRDB

extension PadanDatabase {
    /// The run committed last, the baseline of the next run; `nil` in a new store.
    package func lastRun() throws(StoreError) -> StoredRun? {
        try runs(last: 1).first
    }

    /// The committed runs, newest first: the last `count` of them, or all when `count` is `nil`.
    ///
    /// Runs are ordered by commit, which is the order their ids were taken in.
    package func runs(last count: Int?) throws(StoreError) -> [StoredRun] {
        try read("membaca daftar run") { db in
            var request = StoredRun.order(StoredRun.Columns.sequence.desc)
            if let count {
                request = request.limit(max(count, 0))
            }
            return try request.fetchAll(db)
        }
    }

    /// The run with this id, if the store has committed it.
    package func run(id runID: String) throws(StoreError) -> StoredRun? {
        try read("membaca run \(runID)") { db in
            try StoredRun.filter(StoredRun.Columns.runID == runID).fetchOne(db)
        }
    }
}
