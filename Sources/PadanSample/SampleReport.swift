/// What ``SampleRegion/write(to:options:)`` wrote: files, counts, and what was planted.
package struct SampleReport: Sendable {
    /// The region folder.
    package var directory: String
    /// The options it was written with.
    package var options: SampleRegion.Options
    /// The six input kinds' files (relative paths, rows, bytes).
    package var files: [WrittenFile]
    /// Kabupaten/kota of `dapodik_sekolah`, primary first.
    package var regions: [String]
    /// Schools of `dapodik_sekolah`, of them Negeri, and units of `siasn_unor`.
    package var schools: Int
    package var negeriSchools: Int
    package var units: Int
    /// How many times each planted case was planted.
    package var planted: [String: Int]
    /// Disparities of the truth by code (empty without a truth).
    package var disparities: [String: Int] = [:]
    /// SKP outcomes of the truth (`eligible:GURU`, `skipped:CLTN`, `blocked:PENILAI_BERBEDA`, …).
    package var skpOutcomes: [String: Int] = [:]
    /// Whether `truth.json` was written.
    package var truthWritten = false
    /// Planted cases that did not come out as planted, or that sit near a threshold (empty when sound).
    package var problems: [String] = []
    /// The `[[penilai]]` and `[[upt]]` tables of the region's pipeline file.
    package var penilai: [PipelineFile.Penilai]
    package var upt: [UPTEntry]
    /// Schools where a case was planted, with their roles (`fuzzy`, `penilai_plt`, …).
    package var plantedSchools: [PlantedSchool]
    /// Wall-clock time of the whole write.
    package var seconds: Double = 0

    init(directory: String, options: SampleRegion.Options, plan: RegionPlan, files: [WrittenFile]) {
        self.directory = directory
        self.options = options
        self.files = files
        regions = plan.regionIndices.map { plan.catalogRegions[$0].name }
        schools = plan.schools.count
        negeriSchools = plan.schools.filter(\.real.negeri).count
        units = plan.units.count
        planted = plan.annotations.planted
        penilai = plan.governments.indices.map {
            PipelineFile.Penilai(instansi: plan.governments[$0].rootName, nip: plan.offices[$0].kadisNIP)
        }
        upt = UPTEntry.table(for: plan)
        plantedSchools = plan.schools.filter { !$0.roles.isEmpty }.map {
            PlantedSchool(npsn: $0.real.npsn, name: $0.name, roles: $0.roles)
        }
    }

    /// Data rows of one input kind, over all its files.
    package func rows(of kind: String) -> Int {
        files.filter { $0.kind == kind }.reduce(0) { $0 + $1.rows }
    }

    /// Bytes of all input files.
    package var bytes: Int { files.reduce(0) { $0 + $1.bytes } }
}

/// A school where the generator planted a case.
package struct PlantedSchool: Sendable {
    package var npsn: String
    package var name: String
    package var roles: [String]
}
