/// `NIP_KOSONG`: a Dapodik ASN person without a NIP; nothing can flow until the school types it.
public struct NipKosongRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .nipKosong }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.nipProblems(code)
    }
}
