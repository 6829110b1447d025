import PadanCore
import Testing

@testable import PadanKit

/// The judge runs the rules of linked people a slice of people at a time (``RunAnalysis/findings(of:in:slice:)``):
/// on the committed sample region, the same findings in the same order as each rule run whole.
struct RuleSlicesTests {
    static func context() throws -> JudgementContext {
        let pipeline = try PipelineFile.load(InputLoaderTests.pipeline)
        let loaded = try InputLoader(pipeline: pipeline, runDate: InputLoaderTests.runDate).load()
        let reconciler = Reconciler(settings: pipeline.settings(runDate: InputLoaderTests.runDate))
        let tree = reconciler.normalize(loaded.batch)
        let (unitMap, linkage) = reconciler.match(loaded.batch, tree: tree)
        return JudgementContext(
            batch: loaded.batch, tree: tree, unitMap: unitMap, linkage: linkage, settings: reconciler.settings)
    }

    /// Each finding as the fields a rule fills, in order.
    static func rows(_ parts: [[Disparity]]) -> [String] {
        parts.joined().map {
            [$0.code.rawValue, $0.subjectKey, $0.field, $0.dapodikValue, $0.siasnValue, $0.suggestion, $0.npsn]
                .joined(separator: "|")
        }
    }

    @Test(arguments: [0, 1, 3, 64, 1 << 40])
    func slicedRulesFindWhatWholeRulesFind(slice: Int) throws {
        let context = try Self.context()
        let rules = RuleRegistry.rules
        let whole = rules.map { $0.findings(in: context) }
        let pairedCodes = Set(rules.filter { $0.scope == .linkedPairs }.map(\.code))
        // The sample has findings of rules of linked people, spread over many people, for slices to cut.
        #expect(Set(whole.joined().map(\.code)).intersection(pairedCodes).count >= 3)
        #expect(context.linkedPairCount > 64)
        #expect(Self.rows(RunAnalysis.findings(of: rules, in: context, slice: slice)) == Self.rows(whole))
    }

    @Test func aRestrictedContextShowsItsRulesOnlyItsSlice() throws {
        let context = try Self.context()
        let rules = RuleRegistry.rules.filter { $0.scope == .linkedPairs }
        #expect(rules.count == 9)
        let count = context.linkedPairCount
        let none = context.restricted(toLinkedPairs: 0..<0)
        #expect(rules.allSatisfy { $0.findings(in: none).isEmpty })
        let halves = [0..<count / 2, count / 2..<count].map(context.restricted(toLinkedPairs:))
        for rule in rules {
            let whole = rule.findings(in: context)
            let parts = halves.map(rule.findings(in:))
            #expect(Self.rows(parts) == Self.rows([whole]), "\(rule.code)")
        }
    }
}
