import Foundation

/// The synthetic region behind `padan sample`: real schools (from `sekolah-2019.csv.gz`), invented
/// people, every input kind in the file variants `inputs.md` allows, every disparity and SKP outcome
/// of `rules.md` planted, and the truth that `conformance/score.py` scores a run against.
///
/// Stages, in order: read the school list → choose the region (``RegionScope``) → plan schools,
/// units and planted school cases (``RegionPlanner``) → stream each school's people, the planted
/// person cases and the offices' people to the files → write schools, units and crosswalk → judge
/// the rows as written into `truth.json` → write `pipeline.toml` and `README.md`.
package struct SampleRegion {
    /// What to generate.
    package struct Options: Sendable {
        /// About how many Dapodik PTK rows (the national figure is about 3,000,000).
        package var teachers: Int = 300
        /// The same seed gives the same files.
        package var seed: UInt64 = 1
        /// `sekolah-2019.csv.gz`, or any file of its shape.
        package var schoolsPath: String
        /// Whether to write `truth.json`; by default only up to ``SampleScale/truthLimit`` teachers.
        package var writeTruth: Bool?

        /// Options for a region of about `teachers` PTK rows.
        package init(teachers: Int = 300, seed: UInt64 = 1, schoolsPath: String, writeTruth: Bool? = nil) {
            self.teachers = teachers
            self.seed = seed
            self.schoolsPath = schoolsPath
            self.writeTruth = writeTruth
        }

        /// Whether the truth is written.
        package var truthWanted: Bool { writeTruth ?? (teachers <= SampleScale.truthLimit) }
    }

    /// Writes a region into `directory` (created if missing; files of the same names are replaced).
    package static func write(to directory: String, options: Options) throws(SampleError) -> SampleReport {
        let clock = ContinuousClock()
        let start = clock.now
        guard options.teachers > 0 else { throw SampleError.options("--teachers harus lebih dari 0") }
        let catalog = try SchoolCatalog.cached(path: options.schoolsPath)
        guard !catalog.schools.isEmpty else { throw SampleError.options("daftar sekolah kosong") }
        let scope = RegionScope.choose(catalog: catalog, teachers: options.teachers)
        var random = SampleRandom(seed: options.seed)
        let (plan, nips) = RegionPlanner.plan(
            catalog: catalog, scope: scope, teachers: options.teachers, random: &random)

        let files = try RegionFiles(directory: directory, retain: options.truthWanted)
        let writer = PeopleWriter(plan: plan, files: files, nips: nips, collecting: options.truthWanted)
        for school in plan.schools {
            var schoolRandom = random.fork(UInt64(school.real.npsn) ?? 0)
            try SchoolStaff.write(school, writer: writer, random: &schoolRandom)
        }
        let rounds = max(1, options.teachers / SampleScale.teachersPerPersonRound)
        for round in 0..<rounds {
            var planter = PersonPlanter(writer: writer, random: random.fork(UInt64(1_000_000 + round)), round: round)
            try planter.plantRound()
        }
        var officeRandom = random.fork(7)
        try OfficeStaff.write(writer: writer, random: &officeRandom)
        var layoutRandom = random.fork(8)
        try writePlan(plan, to: files, random: &layoutRandom)
        let written = try files.close()

        var report = SampleReport(directory: directory, options: options, plan: plan, files: written)
        if let records = files.records {
            var builder = TruthBuilder(plan: plan, records: records, files: written, options: options)
            let truth = builder.build()
            try save(truth.rendered(), to: directory + "/truth.json")
            report.disparities = builder.codeCounts
            report.skpOutcomes = builder.skpCounts
            report.problems = builder.problems
            report.truthWritten = true
        }
        let penilai = report.penilai
        try save(
            PipelineFile.render(
                name: "sample-\(options.seed)",
                comment:
                    "Synthetic region written by `padan sample`: seed \(options.seed), \(options.teachers) teachers.",
                prefix: "", store: "state/padan.sqlite", outputDir: "out", penilai: penilai, upt: report.upt) + "\n",
            to: directory + "/pipeline.toml")
        try save("out/\nstate/\n", to: directory + "/.gitignore")
        try save(ReadmeFile.render(report), to: directory + "/README.md")
        report.seconds =
            Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
        return report
    }

    /// Writes the planned schools, units (some with `-` depth marks) and crosswalk rows.
    private static func writePlan(_ plan: RegionPlan, to files: RegionFiles, random: inout SampleRandom)
        throws(SampleError)
    {
        for school in plan.schools {
            let region = plan.catalogRegions[school.real.regionIndex]
            let status =
                school.real.negeri
                ? random.weighted(["Negeri", "1", "N"], [0.7, 0.15, 0.15])
                : random.weighted(["Swasta", "2", "S"], [0.7, 0.15, 0.15])
            try files.write(
                SchoolRow(
                    npsn: school.real.npsn, nama: school.name, bentuk: school.real.level.rawValue, status: status,
                    kodeWilayah: school.real.kabupatenCode + (random.chance(0.3) ? "  " : ""),
                    kabupatenKota: region.name,
                    provinsi: region.provinceName, kecamatan: school.real.kecamatan))
        }
        for unit in plan.units {
            let marks = unit.depth >= 2 && random.chance(0.1) ? String(repeating: "-", count: unit.depth - 1) : ""
            try files.write(
                UnitRow(
                    id: unit.id, nama: marks + unit.name, parentID: unit.parentID,
                    instansiID: unit.instansiID, aktif: unit.aktif))
        }
        for row in plan.crosswalk { try files.write(row) }
    }

    private static func save(_ text: String, to path: String) throws(SampleError) {
        let sink = try FileSink(path: path)
        try sink.write(Array(text.utf8))
        try sink.close()
    }
}
