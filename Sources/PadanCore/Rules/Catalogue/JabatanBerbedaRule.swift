/// `JABATAN_BERBEDA`: Dapodik says teacher (`Guru …` or `Kepala Sekolah`) and SIASN's `jabatan_nama` does not
/// start with `Guru`, or the reverse.
public struct JabatanBerbedaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .jabatanBerbeda }
    public var scope: RuleScope { .linkedPairs }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.attributeFindings(code, field: "jabatan") { row, employee in
            row.isTeacherByDapodik == employee.isTeacherBySiasn ? nil : (row.jenisPtk, employee.jabatan)
        }
    }
}
