extension JudgementContext {
    /// Priority-4 checks: one disparity per linked person for whom `differs` returns the two values.
    func attributeFindings(
        _ code: DisparityCode, field: String,
        differs: (InPlace<DapodikTeacher>, InPlace<SiasnEmployee>) -> (dapodik: String, siasn: String)?
    ) -> [Disparity] {
        // The records read in place (``InPlace``): an array's subscript, or an element of a buffer pointer
        // handed to `differs`, copied both records for each of 1.6 million pairs per rule nationally.
        batch.teachers.withUnsafeBufferPointer { teachers in
            batch.employees.withUnsafeBufferPointer { employees in
                attributeFindings(code, field: field, teachers: teachers, employees: employees, differs: differs)
            }
        }
    }

    private func attributeFindings(
        _ code: DisparityCode, field: String, teachers: UnsafeBufferPointer<DapodikTeacher>,
        employees: UnsafeBufferPointer<SiasnEmployee>,
        differs: (InPlace<DapodikTeacher>, InPlace<SiasnEmployee>) -> (dapodik: String, siasn: String)?
    ) -> [Disparity] {
        linkedPositions.compactMap { pair in
            guard
                let values = differs(
                    InPlace(teachers, linkage.people[pair.person].induk), InPlace(employees, pair.employee))
            else { return nil }
            var d = ptkDisparity(code, person: pair.person)
            d.field = field
            d.dapodikValue = values.dapodik
            d.siasnValue = values.siasn
            return d
        }
    }
}
