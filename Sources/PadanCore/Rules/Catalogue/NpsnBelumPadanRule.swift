/// `NPSN_BELUM_PADAN`: a Negeri school without a SIASN unit; the suggestion is the contested unit when two
/// schools claimed it, else the best-scoring candidate of the fuzzy step, never a pair the BKD rejected (then
/// the best candidate not rejected, or none).
public struct NpsnBelumPadanRule: DisparityRule {
    public init() {}
    public var code: DisparityCode { .npsnBelumPadan }

    public func findings(in context: JudgementContext) -> [Disparity] {
        context.unitMap.assignments.compactMap { assignment in
            guard assignment.method == .none, let school = context.school(assignment.npsn) else { return nil }
            var d = Disparity(code: code, subject: .school, subjectKey: "npsn:" + school.npsn.text)
            context.fillSchool(&d, npsn: school.npsn)
            d.source = school.source.description
            d.field = "unor"
            d.dapodikValue = school.nama
            if let unit = Self.suggestion(assignment, context: context) {
                d.suggestion = context.tree.units[unit].id.text
                d.siasnValue = context.tree.units[unit].nama
            }
            return d
        }
    }

    /// The unit suggested for an unmapped school: the matcher's suggestion unless the BKD rejected that pair,
    /// then the best-scoring candidate (score above 0) the BKD did not reject.
    static func suggestion(_ assignment: UnitAssignment, context: JudgementContext) -> Int? {
        let rejected = context.rejectedPairs
        func isRejected(_ unit: Int) -> Bool { rejected.contains(assignment.npsn, context.tree.units[unit].id) }
        guard let unit = assignment.suggestion else { return nil }
        guard isRejected(unit) else { return unit }
        return assignment.candidates.first { $0.score > 0 && !isRejected($0.unit) }?.unit
    }
}
