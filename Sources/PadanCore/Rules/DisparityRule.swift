/// One rule of the disparity catalogue: it looks at the matched run and raises its code.
public protocol DisparityRule: Sendable {
    /// The code this rule raises.
    var code: DisparityCode { get }
    /// Every disparity of this code in the run.
    func findings(in context: JudgementContext) -> [Disparity]
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
