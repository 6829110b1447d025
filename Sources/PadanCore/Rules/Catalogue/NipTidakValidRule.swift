/// `NIP_TIDAK_VALID`: a NIP that is not 18 digits of the PNS or PPPK shape.
public struct NipTidakValidRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .nipTidakValid }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.nipProblems(code)
    }
}
