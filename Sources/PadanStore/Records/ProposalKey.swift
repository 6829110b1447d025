/// A crosswalk proposal, a school and the unit proposed for it.
package struct ProposalKey: Hashable, Sendable {
    /// The school's NPSN.
    package var npsn: String
    /// The proposed SIASN unit's id.
    package var unorID: String

    /// Creates a proposal key.
    package init(npsn: String, unorID: String) {
        self.npsn = npsn
        self.unorID = unorID
    }
}
