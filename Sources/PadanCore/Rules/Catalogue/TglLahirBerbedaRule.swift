/// `TGL_LAHIR_BERBEDA`: both registers hold a birth date and they differ (the NIP's embedded date is not used).
public struct TglLahirBerbedaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .tglLahirBerbeda }
    public var scope: RuleScope { .linkedPairs }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.attributeFindings(code, field: "tanggal_lahir") { row, employee in
            guard let a = row.birthDate, let b = employee.birthDate, a != b else { return nil }
            return (a.description, b.description)
        }
    }
}
