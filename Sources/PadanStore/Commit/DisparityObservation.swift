/// A disparity a run found open: what ``PadanDatabase/commit(_:)`` records about it.
package struct DisparityObservation: Sendable, Equatable {
    /// The stable id for the code and subject.
    package var disparityID: String
    /// The disparity code.
    package var code: String
    /// Priority 1 (most urgent) to 4.
    package var priority: Int
    /// The disparity's CSV row, kept so that a later `resolved.csv` can repeat it.
    package var rowJSON: String

    /// Creates an observation.
    package init(disparityID: String, code: String, priority: Int, rowJSON: String) {
        self.disparityID = disparityID
        self.code = code
        self.priority = priority
        self.rowJSON = rowJSON
    }
}
