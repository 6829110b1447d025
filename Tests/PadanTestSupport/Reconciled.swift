import PadanCore

/// What `Reconciler` makes of a batch, with lookups tests ask for.
public struct Reconciled: Sendable {
    public let context: JudgementContext
    public let disparities: [Disparity]
    public let decisions: [SkpDecision]

    public init(batch: Batch, settings: ReconciliationSettings, rejected: RejectedPairs = RejectedPairs()) {
        let reconciler = Reconciler(settings: settings)
        let tree = reconciler.normalize(batch)
        let (unitMap, linkage) = reconciler.match(batch, tree: tree)
        context = JudgementContext(
            batch: batch, tree: tree, unitMap: unitMap, linkage: linkage, settings: settings, rejectedPairs: rejected)
        disparities = reconciler.judge(context)
        decisions = reconciler.decideSkp(context, disparities: disparities)
    }

    public var linkage: Linkage { context.linkage }
    public var unitMap: UnitMap { context.unitMap }

    /// The disparities of one code.
    public func findings(_ code: DisparityCode) -> [Disparity] { disparities.filter { $0.code == code } }

    /// The codes raised for a subject whose `nip`, `npsn`, `pns_id`, `ptk_id` or `unor_id` column is `key`.
    public func codes(for key: String) -> [DisparityCode] {
        disparities.filter { [$0.nip, $0.npsn, $0.pnsId, $0.ptkId, $0.unorId].contains(key) }.map(\.code)
    }

    /// The codes raised about one Dapodik person (subject `PTK`) by `ptk_id`.
    public func codes(forPtk ptkId: String) -> [DisparityCode] {
        disparities.filter { $0.subject == .ptk && $0.ptkId == ptkId }.map(\.code)
    }

    /// The link of the person whose Induk row carries `ptkId`.
    public func link(ptkId: String) -> PersonLink? {
        linkage.links.first { context.indukRow(ofPerson: $0.person).ptkId == ptkId }
    }

    /// The unit assignment of a Negeri school.
    public func assignment(_ npsn: String) -> UnitAssignment? { unitMap.assignment(Fixture.npsn(npsn)) }

    /// The unit id a school was given, if any.
    public func unitId(of npsn: String) -> SiasnID? { assignment(npsn)?.unitId }

    /// The outcome of the SKP row at position `i`.
    public func outcome(_ i: Int) -> SkpOutcome { decisions[i].outcome }
}

extension SkpOutcome {
    /// A short form for expectations: `skipped:REASON`, `blocked:A;B`, `eligible:PNS_ID_OF_PENILAI/PERAN`.
    public var summary: String {
        switch self {
        case .skipped(let reason): return "skipped:" + reason
        case .blocked(let reasons): return "blocked:" + reasons.joined(separator: ";")
        case .eligible(let payload): return "eligible:\(payload.penilai.nip)/\(payload.penilai.peranPenilai ?? "")"
        }
    }
}
