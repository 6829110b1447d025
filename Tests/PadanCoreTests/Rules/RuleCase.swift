import PadanCore
import PadanTestSupport
import Testing

/// One row of a rule's table: a person of `SmallRegion` and whether the rule flags them.
struct RuleCase: CustomTestStringConvertible, Sendable {
    var name: String
    var pair: SmallRegion.Pair
    var flagged: Bool
    var testDescription: String { name }

    init(_ name: String, flagged: Bool, _ change: (inout SmallRegion.Pair) -> Void = { _ in }) {
        self.name = name
        self.pair = .with(change)
        self.flagged = flagged
    }

    /// Runs the region with this person and checks `code` is raised for them (once) or not at all.
    @discardableResult
    func check(_ code: DisparityCode, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Disparity? {
        let run = SmallRegion.with(pair)
        let raised = run.findings(code).filter { $0.subject == .ptk && $0.ptkId == pair.ptkId }
        #expect(
            raised.count == (flagged ? 1 : 0), "\(name): \(run.codes(forPtk: pair.ptkId))",
            sourceLocation: sourceLocation)
        // The region itself is clean: nothing about anyone else of this code.
        #expect(
            run.findings(code).count == raised.count, "\(run.findings(code).map(\.nama))",
            sourceLocation: sourceLocation)
        return raised.first
    }
}
