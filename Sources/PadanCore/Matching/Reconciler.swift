/// The pure stages of a run, in order: normalize (unit tree, people) → match (units, then people) →
/// judge (every rule of the registry) → decide SKP. Reading and writing are the callers' (PadanKit).
public struct Reconciler: Sendable {
    public let settings: ReconciliationSettings

    public init(settings: ReconciliationSettings) {
        self.settings = settings
    }

    /// Normalize: the unit forest with people counted per subtree.
    public func normalize(_ batch: Batch) -> UnorTree {
        UnorTree(units: batch.unors, employees: batch.employees)
    }

    /// Match: schools to units (§3), then people (§2).
    public func match(_ batch: Batch, tree: UnorTree) -> (UnitMap, Linkage) {
        let unitMap = UnorMatcher(threshold: settings.unorThreshold, margin: settings.unorMargin)
            .match(schools: batch.schools, tree: tree, crosswalk: batch.crosswalk)
        let linkage = PersonMatcher(nameThreshold: settings.nameThreshold, runDate: settings.runDate)
            .match(batch: batch) { employee in
                guard let unit = tree.index[employee.unorId] else { return false }
                return unitMap.school(ofUnit: unit, in: tree) != nil
            }
        return (unitMap, linkage)
    }

    /// Judge: every rule of the registry, sorted as `disparities.csv` is.
    public func judge(_ context: JudgementContext) -> [Disparity] {
        RuleRegistry.rules.flatMap { $0.findings(in: context) }.sorted(by: Disparity.outputOrder)
    }

    /// Decide SKP: every `pmm_skp` row skipped, blocked or eligible.
    public func decideSkp(_ context: JudgementContext, disparities: [Disparity]) -> [SkpDecision] {
        SkpEligibility(context: context, disparities: disparities).decide(context.batch.skp)
    }
}
