/// `PEMADANAN_GANDA`: the BKD crosswalk pairs a school (`SEKOLAH`) or a unit (`UNOR`) with two different
/// partners; none of its rows is used until the BKD fixes the crosswalk.
public struct PemadananGandaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .pemadananGanda }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.unitMap.conflicts.map { conflict in
            var d: Disparity
            switch conflict.side {
            case .school(let npsn):
                d = Disparity(code: code, subject: .school, subjectKey: "npsn:" + npsn.text)
                context.fillSchool(&d, npsn: npsn)
                d.dapodikValue = npsn.text
                d.siasnValue = conflict.partners.joined(separator: "; ")
            case .unit(let unorId):
                // By `key`: a dashed and an undashed spelling of one unit id are one subject, one id.
                d = Disparity(code: code, subject: .unor, subjectKey: "unor:" + unorId.key)
                d.unorId = unorId.text
                if let unit = context.tree.index[unorId] {
                    d.siasnValue = context.tree.units[unit].nama
                    d.kabupatenKota = context.tree.government(of: unit)?.description ?? ""
                }
                d.dapodikValue = conflict.partners.joined(separator: "; ")
            }
            d.field = "pemadanan"
            d.source = conflict.sources.map(\.description).joined(separator: "; ")
            return d
        }
    }
}
