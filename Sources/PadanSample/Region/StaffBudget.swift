/// Shares the region's PTK rows among its schools (by level, Swasta schools smaller), and sends
/// each kecamatan's schools to one of the three PTK files, as regions hand over one file per
/// kecamatan or per batch.
enum StaffBudget {
    /// Rows the planted person cases of one round add, about.
    static let plantedRowsPerRound = 95

    static func assign(plan: RegionPlan, teachers: Int, random: inout SampleRandom) {
        let rounds = max(1, teachers / SampleScale.teachersPerPersonRound)
        let minimum = plan.schools.reduce(0) { $0 + ($1.real.negeri ? 3 : 2) }
        let background = max(minimum, teachers - rounds * plantedRowsPerRound)
        let weights = plan.schools.map { $0.real.level.staffWeight * ($0.real.negeri ? 1.0 : 0.6) }
        let total = weights.reduce(0, +)
        var assigned = 0
        for index in plan.schools.indices {
            let floor = plan.schools[index].real.negeri ? 3 : 2
            let share = total > 0 ? Int(Double(background) * weights[index] / total) : floor
            plan.schools[index].rows = max(floor, share)
            assigned += plan.schools[index].rows
        }
        var index = 0
        while assigned < background && !plan.schools.isEmpty {
            plan.schools[index % plan.schools.count].rows += 1
            assigned += 1
            index += 1
        }
        var fileOfKecamatan: [String: Int] = [:]
        for index in plan.schools.indices {
            let kecamatan = plan.schools[index].real.kecamatan
            if fileOfKecamatan[kecamatan] == nil {
                // The first three kecamatan open the three files; the rest are shared out at random.
                let opened = fileOfKecamatan.count
                fileOfKecamatan[kecamatan] = opened < 3 ? opened : random.weighted([0, 1, 2], [0.6, 0.2, 0.2])
            }
            plan.schools[index].ptkFile = fileOfKecamatan[kecamatan] ?? 0
        }
    }
}
