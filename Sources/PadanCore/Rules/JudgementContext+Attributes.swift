extension JudgementContext {
    /// Priority-4 checks: one disparity per linked person for whom `differs` returns the two values.
    func attributeFindings(
        _ code: DisparityCode, field: String,
        differs: (DapodikTeacher, SiasnEmployee) -> (dapodik: String, siasn: String)?
    ) -> [Disparity] {
        linked.compactMap { pair in
            guard let values = differs(indukRow(ofPerson: pair.person), batch.employees[pair.employee]) else { return nil }
            var d = ptkDisparity(code, person: pair.person)
            d.field = field
            d.dapodikValue = values.dapodik
            d.siasnValue = values.siasn
            return d
        }
    }
}
