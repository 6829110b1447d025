/// `NAMA_BERBEDA`: the names are not the same person's name (titles dropped, token containment and
/// Jaro-Winkler ≥ `matching.name_threshold` count as the same); SIASN's gelar fields are never compared.
public struct NamaBerbedaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .namaBerbeda }
    public var scope: RuleScope { .linkedPairs }

    public func findings(in context: JudgementContext) -> [Disparity] {
        let threshold = context.settings.nameThreshold
        return context.attributeFindings(code, field: "nama") { row, employee in
            // The same text, or the same words but for letter case and spacing, is the same name; most
            // linked pairs are, and need no normalizing.
            // Then the same tokens once titles are dropped, found without building them.
            row.nama == employee.nama || PersonName.haveSameASCIIWords(row.nama, employee.nama)
                || PersonName.haveSameASCIITokens(row.nama, employee.nama)
                || PersonName(row.nama).isSamePerson(as: PersonName(employee.nama), threshold: threshold)
                ? nil : (row.nama, employee.nama)
        }
    }
}
