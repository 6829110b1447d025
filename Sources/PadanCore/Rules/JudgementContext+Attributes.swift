extension JudgementContext {
    /// Priority-4 checks: one disparity per linked person for whom `differs` returns the two values.
    func attributeFindings(
        _ code: DisparityCode, field: String,
        differs: (DapodikTeacher, SiasnEmployee) -> (dapodik: String, siasn: String)?
    ) -> [Disparity] {
        linked.compactMap { pair in
            // Subscripts passed straight in, so the records are borrowed rather than copied.
            guard let values = differs(batch.teachers[linkage.people[pair.person].induk], batch.employees[pair.employee])
            else { return nil }
            var d = ptkDisparity(code, person: pair.person)
            d.field = field
            d.dapodikValue = values.dapodik
            d.siasnValue = values.siasn
            return d
        }
    }
}
