/// `UNOR_WILAYAH_BERBEDA`: a linked person at a Negeri school whose SIASN government (`instansi_kerja_nama`)
/// is not the government that runs the school (kabupaten/kota for SD/SMP, province for SMA/SMK/SLB).
public struct UnorWilayahBerbedaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .unorWilayahBerbeda }

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

/// The `UNOR_*` rules' lookups for one linked person after another, the last answer of each kept: in link order
/// the people of a school follow one another, and so do most of a unit's. Looked up for every person, the
/// school's unit and the employee's unit were half of `UNOR_SATPEN_BERBEDA` nationally.
struct RecentUnits {
    private var lastSchool: (npsn: NPSN, unit: Int?, unitId: SiasnID?, assigned: Bool)?
    private var lastUnor: (id: SiasnID, unit: Int?)?

    /// The unit of a school's assignment and its id; nil when the school has no assignment.
    mutating func assignment(_ npsn: NPSN, in context: JudgementContext) -> (unit: Int?, unitId: SiasnID?)? {
        if let last = lastSchool, last.npsn == npsn { return last.assigned ? (last.unit, last.unitId) : nil }
        let found = context.unitMap.assignment(npsn)
        lastSchool = (npsn, found?.unit, found?.unitId, found != nil)
        return found.map { ($0.unit, $0.unitId) }
    }

    /// ``JudgementContext/unit(ofUnor:)``.
    mutating func unit(ofUnor id: SiasnID, in context: JudgementContext) -> Int? {
        if let last = lastUnor, last.id == id { return last.unit }
        let unit = context.unit(ofUnor: id)
        lastUnor = (id, unit)
        return unit
    }
}
