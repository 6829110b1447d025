/// `UNOR_SATPEN_BERBEDA`: a linked person of the right government whose SIASN unit is neither their Negeri
/// school's unit nor below it; the suggestion is the school's unit. Not raised when the school has no unit.
public struct UnorSatpenBerbedaRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .unorSatpenBerbeda }
    public var scope: RuleScope { .linkedPairs }

    public func findings(in context: JudgementContext) -> [Disparity] {
        var recent = RecentUnits()
        return context.unorFindings { person, employee, school in
            guard let own = school.government, !context.isDifferentGovernment(employee, from: own, recent: &recent),
                let assignment = recent.assignment(school.npsn, in: context), let schoolUnit = assignment.unitId
            else { return nil }
            if let mapped = assignment.unit, let unit = recent.unit(ofUnor: employee.unorId, in: context),
                context.tree.isUnit(unit, atOrUnder: mapped)
            {
                return nil
            }
            if assignment.unit == nil, employee.unorId == schoolUnit { return nil }
            var d = context.ptkDisparity(code, person: person)
            d.field = "unor"
            d.dapodikValue = school.nama
            d.siasnValue =
                employee.unorNama ?? context.unit(ofUnor: employee.unorId).map { context.tree.units[$0].nama } ?? ""
            d.suggestion = schoolUnit.text
            return d
        }
    }
}
