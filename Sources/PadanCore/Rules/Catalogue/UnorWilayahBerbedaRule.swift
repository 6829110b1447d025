/// `UNOR_WILAYAH_BERBEDA`: a linked person at a Negeri school whose SIASN government (`instansi_kerja_nama`)
/// is not the government that runs the school (kabupaten/kota for SD/SMP, province for SMA/SMK/SLB).
public struct UnorWilayahBerbedaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .unorWilayahBerbeda }
    public var scope: RuleScope { .linkedPairs }

    public func findings(in context: JudgementContext) -> [Disparity] {
        var recent = RecentUnits()
        return context.unorFindings { person, employee, school in
            guard let own = school.government, context.isDifferentGovernment(employee, from: own, recent: &recent)
            else { return nil }
            var d = context.ptkDisparity(code, person: person)
            d.field = "instansi"
            d.dapodikValue = own.description
            d.siasnValue = employee.instansiKerja
            return d
        }
    }
}

extension JudgementContext {
    /// True when the employee's government (by `instansi_kerja_nama`, else by their unit's tree) is not `own`;
    /// the unit looked up through `recent`.
    func isDifferentGovernment(_ employee: InPlace<SiasnEmployee>, from own: Government, recent: inout RecentUnits)
        -> Bool
    {
        if let government = employee.government { return government.key != own.key }
        if let unit = recent.unit(ofUnor: employee.unorId, in: self), let government = tree.government(of: unit) {
            return government.key != own.key
        }
        return false
    }
}
