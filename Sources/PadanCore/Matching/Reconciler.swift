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

    /// Match, first part: schools to units (§3).
    /// `spread` runs the schools' own work over ranges of them (``UnorMatcher/Spread``).
    public func matchUnits(_ batch: Batch, tree: UnorTree, spread: UnorMatcher.Spread = UnorMatcher.serial) -> UnitMap {
        UnorMatcher(threshold: settings.unorThreshold, margin: settings.unorMargin)
            .match(schools: batch.schools, tree: tree, crosswalk: batch.crosswalk, spread: spread)
    }

    /// Match, second part: people by exact NIP and their NIP problems (§2 steps 1 and 4).
    public func linkPeople(_ batch: Batch) -> Linkage {
        personMatcher.linkExactly(batch: batch)
    }

    /// Match, third part: candidates for the people not linked (§2 step 2).
    public func searchCandidates(_ batch: Batch, linkage: inout Linkage) {
        personMatcher.searchCandidates(batch: batch, linkage: &linkage)
    }

    /// ``searchCandidates(_:linkage:)`` with the links' search spread by `spread` (given how many links and
    /// the search of a range of them, it returns the ranges' results in order).
    public func searchCandidates(
        _ batch: Batch, linkage: inout Linkage,
        spread: (Int, @Sendable (Range<Int>) -> [(link: Int, found: [Int])]) -> [[(link: Int, found: [Int])]]
    ) {
        let pool = personMatcher.candidatePool(batch: batch, linkage: linkage)
        let matcher = personMatcher, known = linkage
        let found = spread(linkage.links.count) { range in matcher.candidates(range, pool: pool, batch: batch, linkage: known) }
        PersonMatcher.apply(found.flatMap { $0 }, to: &linkage)
    }

    /// Match, last part: SIASN teachers missing from Dapodik (§2 step 3).
    public func findMissing(_ batch: Batch, tree: UnorTree, unitMap: UnitMap, linkage: inout Linkage) {
        personMatcher.findMissing(batch: batch, linkage: &linkage) {
            Self.isInSchoolUnit($0, tree: tree, unitMap: unitMap)
        }
    }

    /// ``findMissing(_:tree:unitMap:linkage:)`` for the SIASN people at `range` (`suggested`:
    /// ``PersonMatcher/suggested(_:)``), without setting them: the parts of the whole may be asked on several cores.
    public func missing(
        _ range: Range<Int>, of batch: Batch, tree: UnorTree, unitMap: UnitMap, linkage: Linkage, suggested: Set<Int>
    ) -> [Int] {
        PersonMatcher.missing(range, of: batch, linkage: linkage, suggested: suggested) {
            Self.isInSchoolUnit($0, tree: tree, unitMap: unitMap)
        }
    }

    /// Whether a SIASN unit is a school's unit or below one.
    static func isInSchoolUnit(_ unorId: SiasnID, tree: UnorTree, unitMap: UnitMap) -> Bool {
        guard let unit = tree.index[unorId] else { return false }
        return unitMap.school(ofUnit: unit, in: tree) != nil
    }

    var personMatcher: PersonMatcher { PersonMatcher(nameThreshold: settings.nameThreshold, runDate: settings.runDate) }

    /// Judge: every rule of the registry, sorted as `disparities.csv` is.
    public func judge(_ context: JudgementContext) -> [Disparity] {
        context.finished(RuleRegistry.rules.flatMap { $0.findings(in: context) })
    }

    /// Decide SKP: every `pmm_skp` row skipped, blocked or eligible.
    public func decideSkp(_ context: JudgementContext, disparities: [Disparity]) -> [SkpDecision] {
        SkpEligibility(context: context, disparities: disparities).decide(context.batch.skp)
    }
}
