/// `NIP_GANDA`: one valid NIP on people of different `ptk_id`s; none is linked until a human says which is right.
public struct NipGandaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .nipGanda }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.nipProblems(code)
    }
}
