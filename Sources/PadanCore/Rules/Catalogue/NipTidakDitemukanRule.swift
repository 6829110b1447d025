/// `NIP_TIDAK_DITEMUKAN`: a valid NIP that SIASN does not know; a single candidate is suggested.
public struct NipTidakDitemukanRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .nipTidakDitemukan }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.nipProblems(code)
    }
}
