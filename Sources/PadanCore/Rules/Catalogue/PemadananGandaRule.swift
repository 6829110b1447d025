/// `PEMADANAN_GANDA`: the BKD crosswalk pairs a school (`SEKOLAH`) or a unit (`UNOR`) with two different
/// partners; none of its rows is used until the BKD fixes the crosswalk.
///
/// A unit has no school of its own, so its finding goes to the UPTs of its partner schools: one UPT when
/// they share it, each of them when they do not (without a UPT table, the province, as for schools); when no
/// UPT takes any of them, to the UPT of the unit's government (``JudgementContext/finished(_:)``).
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
                let upts = Self.upts(ofSchools: conflict.partners, in: context)
                d.upt = upts.joined(separator: "; ")
                if upts.count > 1 { d.upts = upts }
            }
            d.field = "pemadanan"
            d.source = conflict.sources.map(\.description).joined(separator: "; ")
            return d
        }
    }

    /// The UPTs of the schools `npsns` (NPSN texts), each once, in the schools' order; schools Dapodik does not
    /// list, and schools of no UPT, are left out.
    static func upts(ofSchools npsns: [String], in context: JudgementContext) -> [String] {
        var upts = [String]()
        for text in npsns {
            guard let npsn = NPSN(text), let school = context.school(npsn) else { continue }
            let upt = context.settings.upt(kodeWilayah: school.kodeWilayah, provinsi: school.provinsi)
            if !upt.isEmpty && !upts.contains(upt) { upts.append(upt) }
        }
        return upts
    }
}
