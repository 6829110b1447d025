/// `NIP_GANDA`: one valid NIP on people of different `ptk_id`s (of any status but PNS Depag), or on two SIASN
/// people; none is linked until a human says which is right, and each Dapodik person involved is told.
public struct NipGandaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .nipGanda }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.nipProblems(code) + context.nipGandaOfNonASN()
    }
}
