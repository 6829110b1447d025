import GRDB

/// A crosswalk proposal the BKD marked `TOLAK`: one row of the `rejected_proposal` table.
struct RejectedProposalRecord: Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "rejected_proposal"

    /// The table's columns.
    enum Columns {
        static let npsn = Column("npsn")
        static let unorID = Column("unor_id")
        static let decidedAt = Column("decided_at")
        static let sourceFile = Column("source_file")
    }

    /// The school and the rejected unit.
    var key: ProposalKey
    /// When the decision was read in, as the caller writes it.
    var decidedAt: String
    /// The decided `usulan_pemadanan.csv` it came from.
    var sourceFile: String

    init(key: ProposalKey, decidedAt: String, sourceFile: String) {
        self.key = key
        self.decidedAt = decidedAt
        self.sourceFile = sourceFile
    }

    init(row: Row) throws {
        key = ProposalKey(
            npsn: try row.decode(forColumn: Columns.npsn),
            unorID: try row.decode(forColumn: Columns.unorID)
        )
        decidedAt = try row.decode(forColumn: Columns.decidedAt)
        sourceFile = try row.decode(forColumn: Columns.sourceFile)
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.npsn] = key.npsn
        container[Columns.unorID] = key.unorID
        container[Columns.decidedAt] = decidedAt
        container[Columns.sourceFile] = sourceFile
    }
}
