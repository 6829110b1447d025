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
        let unitMap = matchUnits(batch, tree: tree)
        var linkage = linkPeople(batch)
        searchCandidates(batch, linkage: &linkage)
        findMissing(batch, tree: tree, unitMap: unitMap, linkage: &linkage)
        return (unitMap, linkage)
    }

    /// Match, first part: schools to units (§3). `spread` runs the schools' own work over ranges of them.
    public func matchUnits(_ batch: Batch, tree: UnorTree, spread: Spread = .serial) -> UnitMap {
        UnorMatcher(threshold: settings.unorThreshold, margin: settings.unorMargin)
            .match(schools: batch.schools, tree: tree, crosswalk: batch.crosswalk, spread: spread)
    }

    /// Match, second part: people by exact NIP and their NIP problems (§2 steps 1 and 4).
    public func linkPeople(_ batch: Batch) -> Linkage {
        personMatcher.linkExactly(batch: batch)
    }

    /// Match, third part: candidates for the people not linked (§2 step 2), searched over ranges of them by
    /// `spread`.
    public func searchCandidates(_ batch: Batch, linkage: inout Linkage, spread: Spread = .serial) {
        personMatcher.searchCandidates(batch: batch, linkage: &linkage, spread: spread)
    }

    /// Match, last part: SIASN teachers missing from Dapodik (§2 step 3), searched over ranges of them by `spread`.
    public func findMissing(
        _ batch: Batch, tree: UnorTree, unitMap: UnitMap, linkage: inout Linkage, spread: Spread = .serial
    ) {
        personMatcher.findMissing(batch: batch, linkage: &linkage, spread: spread) { unorId in
            guard let unit = tree.index[unorId] else { return false }
            return unitMap.school(ofUnit: unit, in: tree) != nil
        }
    }

    var personMatcher: PersonMatcher { PersonMatcher(nameThreshold: settings.nameThreshold, runDate: settings.runDate) }

    /// Judge: every rule of the registry, sorted as `disparities.csv` is.
    public func judge(_ context: JudgementContext) -> [Disparity] {
        var parts = RuleRegistry.rules.map { $0.findings(in: context) }
        return context.finished(Disparity.joined(&parts))
    }

    /// Decide SKP: every `pmm_skp` row skipped, blocked or eligible.
    public func decideSkp(_ context: JudgementContext, disparities: [Disparity]) -> [SkpDecision] {
        SkpEligibility(context: context, disparities: disparities).decide(context.batch.skp)
    }
}
