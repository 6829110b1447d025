/// `STATUS_BERBEDA`: Dapodik says PPPK and the NIP has the PNS shape (or the reverse), or SIASN says the
/// person left service (`Pensiun`, `Meninggal`, `Diberhentikan`) while Dapodik still lists them.
public struct StatusBerbedaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .statusBerbeda }
    public var scope: RuleScope { .linkedPairs }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.attributeFindings(code, field: "status_kepegawaian") { row, employee in
            let shapeDiffers: Bool
            switch (row.employment, row.nip.nip?.shape) {
            case (.pppk, .pns?), (.pns, .pppk?): shapeDiffers = true
            default: shapeDiffers = false
            }
            return shapeDiffers || employee.hasLeftService ? (row.statusKepegawaian, employee.kedudukan) : nil
        }
    }
}
