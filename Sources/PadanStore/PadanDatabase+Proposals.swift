import GRDB

extension PadanDatabase {
    /// Every crosswalk proposal the BKD has rejected; such a proposal is not made again.
    package func rejectedProposals() throws(StoreError) -> Set<ProposalKey> {
        try read("membaca usulan pemadanan yang ditolak") { db in
            Set(try RejectedProposalRecord.fetchAll(db).map(\.key))
        }
    }

    /// Remembers proposals the BKD marked `TOLAK`, all or none. A proposal already remembered
    /// keeps its first decision's time and file.
    ///
    /// `beforeCommit` runs inside the same transaction after the rows are written; if it throws, nothing is
    /// stored (`padan pemadanan` replaces the crosswalk file there, so both happen or neither).
    package func rememberRejectedProposals(
        _ proposals: [ProposalKey], decidedAt: String, sourceFile: String,
        beforeCommit: () throws -> Void = {}
    ) throws(StoreError) {
        try write("mencatat usulan pemadanan yang ditolak") { db in
            for proposal in proposals {
                // Not INSERT OR IGNORE: that would also swallow a CHECK failure.
                let existing = RejectedProposalRecord.filter(
                    RejectedProposalRecord.Columns.npsn == proposal.npsn
                        && RejectedProposalRecord.Columns.unorID == proposal.unorID)
                if try existing.isEmpty(db) {
                    try RejectedProposalRecord(
                        key: proposal, decidedAt: decidedAt, sourceFile: sourceFile
                    ).insert(db)
                }
            }
            try beforeCommit()
        }
    }
}
