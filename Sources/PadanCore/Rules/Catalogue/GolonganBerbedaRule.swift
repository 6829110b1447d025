/// `GOLONGAN_BERBEDA`: both sides have a golongan (or PPPK grade) and they differ in canonical form
/// (`III/a` = `IIIa` = `3a` = SIASN `31`; `ix` = `IX`).
public struct GolonganBerbedaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .golonganBerbeda }
    public var scope: RuleScope { .linkedPairs }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.attributeFindings(code, field: "golongan") { row, employee in
            guard let a = row.golongan, let b = employee.golongan, a != b else { return nil }
            return (row.golonganText ?? a.canonical, employee.golonganText ?? b.canonical)
        }
    }
}
