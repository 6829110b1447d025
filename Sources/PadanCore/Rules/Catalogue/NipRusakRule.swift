/// `NIP_RUSAK`: a NIP a spreadsheet turned into a number (`1.98501E+17`, `…001,0`); its digits are lost.
public struct NipRusakRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .nipRusak }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.nipProblems(code)
    }
}
