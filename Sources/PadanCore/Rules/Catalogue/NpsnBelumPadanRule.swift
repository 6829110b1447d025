/// `NPSN_BELUM_PADAN`: a Negeri school without a SIASN unit; the suggestion is the contested unit when two
/// schools claimed it, else the best-scoring candidate of the fuzzy step.
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
            if let unit = assignment.suggestion {
                d.suggestion = context.tree.units[unit].id.text
                d.siasnValue = context.tree.units[unit].nama
            }
            return d
        }
    }
}
