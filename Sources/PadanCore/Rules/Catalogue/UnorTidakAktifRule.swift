/// `UNOR_TIDAK_AKTIF`: a linked person at a Negeri school whose own SIASN unit is marked inactive.
public struct UnorTidakAktifRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .unorTidakAktif }
    public var scope: RuleScope { .linkedPairs }

    public func findings(in context: JudgementContext) -> [Disparity] {
        var recent = RecentUnits()
        return context.unorFindings { person, employee, _ in
            guard let unit = recent.unit(ofUnor: employee.unorId, in: context), !context.tree.units[unit].isActive
            else {
                return nil
            }
            var d = context.ptkDisparity(code, person: person)
            d.field = "unor"
            // The school the person sits at in Dapodik, beside the inactive unit SIASN files them under.
            d.dapodikValue = d.namaSekolah
            d.siasnValue = context.tree.units[unit].nama
            return d
        }
    }
}
