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

/// The disparities a run observed, each made when it is stored: held whole, a national run's rows (each with
/// its CSV row as JSON) were over 100 MB beside the write stage's own.
package protocol DisparityObservations {
    /// Every observation's id, in observation order.
    var ids: [String] { get }
    /// Observation `i`.
    func observation(at i: Int) -> DisparityObservation
    /// Observation `i` is asked for `step.rawValue` observations from now (a hint, to load what it is made of).
    func willObserve(_ i: Int, _ step: ObservationLookahead)
}

extension DisparityObservations {
    package func willObserve(_ i: Int, _ step: ObservationLookahead) {}
}

/// The two hints ``PadanDatabase`` gives ahead of each observation it asks for, in id order (which jumps about the
/// run's findings): first to load the finding itself, then, once it is loaded, what it points to.
package enum ObservationLookahead: Int {
    /// Eight observations ahead: the finding's own memory.
    case finding = 8
    /// Four observations ahead: the texts it points to.
    case texts = 4
}

extension Array: DisparityObservations where Element == DisparityObservation {
    package var ids: [String] { map(\.disparityID) }
    package func observation(at i: Int) -> DisparityObservation { self[i] }
}
