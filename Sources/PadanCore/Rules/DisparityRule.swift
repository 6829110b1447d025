/// One rule of the disparity catalogue: it looks at the matched run and raises its code.
public protocol DisparityRule: Sendable {
    /// The code this rule raises.
    var code: DisparityCode { get }
    /// Every disparity of this code in the run.
    func findings(in context: JudgementContext) -> [Disparity]
    /// What the rule looks at (``RuleScope``); `.run` unless the rule says otherwise.
    var scope: RuleScope { get }
}

extension DisparityRule {
    public var scope: RuleScope { .run }
}

/// What a rule looks at.
public enum RuleScope: Sendable {
    /// The whole run.
    case run
    /// Each exactly linked person alone, their Dapodik row, SIASN employee and school, one after another
    /// (``JudgementContext/restricted(toLinkedPairs:)``): its findings in a context restricted to consecutive
    /// slices of the linked people, put one after another, are its findings in the whole context.
    case linkedPairs
}

/// Every rule, in catalogue order: the judge runs them all.
public enum RuleRegistry {
    public static let rules: [any DisparityRule] = [
        NipKosongRule(), NipRusakRule(), NipTidakValidRule(), NipGandaRule(), NipTidakDitemukanRule(),
        AsnTidakAdaDiDapodikRule(), UnorWilayahBerbedaRule(), NpsnBelumPadanRule(), PemadananGandaRule(),
        UnorSatpenBerbedaRule(), UnorTidakAktifRule(), NamaBerbedaRule(), TglLahirBerbedaRule(),
        JenisKelaminBerbedaRule(), GolonganBerbedaRule(), JabatanBerbedaRule(), StatusBerbedaRule(),
    ]
}
