/// `JENIS_KELAMIN_BERBEDA`: both registers hold a sex and they differ (the NIP's sex digit is not used).
public struct JenisKelaminBerbedaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .jenisKelaminBerbeda }
    public var scope: RuleScope { .linkedPairs }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.attributeFindings(code, field: "jenis_kelamin") { row, employee in
            guard let a = row.gender, let b = employee.gender, a != b else { return nil }
            return (a.rawValue, b.rawValue)
        }
    }
}
