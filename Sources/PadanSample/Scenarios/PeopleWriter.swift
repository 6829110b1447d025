/// Streams people to the region's files: a person's Dapodik row, their SIASN row, their SKP rows,
/// and (when a truth is wanted) the cases that must not be flagged.
final class PeopleWriter {
    let plan: RegionPlan
    let files: RegionFiles
    let factory: PersonFactory
    var nips: NIPRegistry
    /// Whether to collect notes and negatives (only when a truth is written).
    let collecting: Bool
    /// Per school: the ASN principal(s) Dapodik lists, and whether the GURU penilai resolves.
    var principals: [String: SchoolHead] = [:]
    private var negativeCount: [String: Int] = [:]
    private var hostCursor = [0, 0]
    private let hosts: [[Int]]
    private let fileOfSchool: [String: Int]
    private let subUnits: Set<String>
    /// Swasta schools planted for seconded PNS, and a host school with sub-units.
    let swastaSchools: [PlannedSchool]
    let hostWithSubUnits: PlannedSchool?

    /// The head a school's teachers are rated by.
    struct SchoolHead {
        /// The NIP PMM would name as the GURU penilai (the principal's), or `nil` when none resolves.
        var penilaiNIP: String?
        /// Someone at the school PMM might (wrongly) name instead.
        var anyHeadNIP: String?
    }

    init(plan: RegionPlan, files: RegionFiles, nips: NIPRegistry, collecting: Bool) {
        self.plan = plan
        self.files = files
        self.nips = nips
        self.collecting = collecting
        factory = PersonFactory(plan: plan)
        var fileOfSchool: [String: Int] = [:]
        for school in plan.schools { fileOfSchool[school.real.npsn] = school.ptkFile }
        self.fileOfSchool = fileOfSchool
        subUnits = Set(plan.schools.flatMap(\.subUnits))
        swastaSchools = plan.schools.filter { $0.roles.contains("swasta_seconded") }
        hostWithSubUnits = plan.schools.first { !$0.subUnits.isEmpty && $0.isHost }
        let hostIndices = plan.schools.indices.filter { plan.schools[$0].isHost }
        hosts = [
            hostIndices.filter { !plan.schools[$0].real.level.isProvincial },
            hostIndices.filter { plan.schools[$0].real.level.isProvincial },
        ]
    }

    /// The next plain school to place a planted person at (kabupaten or province level).
    func host(provincial: Bool = false) -> PlannedSchool {
        let list = hosts[provincial ? 1 : 0].isEmpty ? hosts[provincial ? 0 : 1] : hosts[provincial ? 1 : 0]
        let side = provincial ? 1 : 0
        let school = plan.schools[list[hostCursor[side] % list.count]]
        hostCursor[side] += 1
        return school
    }

    /// Whether any plain school exists to place people at.
    var hasHosts: Bool { !hosts[0].isEmpty || !hosts[1].isEmpty }

    /// A new person of `kind` at `school` (`senior` for a principal).
    func person(_ kind: PersonFactory.Kind, at school: PlannedSchool, senior: Bool = false, random: inout SampleRandom)
        -> Person
    {
        factory.make(kind, at: school, senior: senior, nips: &nips, random: &random)
    }

    /// Writes the person's Dapodik row (to their school's file unless `file` is given), after `change`.
    @discardableResult
    func dapodik(
        _ person: Person, file: Int? = nil, plain: Bool = false, random: inout SampleRandom,
        damage: PlantedDamage? = nil, reject: String? = nil, _ change: ((inout PtkRow) -> Void)? = nil
    ) throws(SampleError) -> PtkRow {
        let target = file ?? fileOfSchool[person.npsn] ?? 0
        var (row, variants) = RowStyler.ptkRow(person, file: target, plain: plain, random: &random)
        change?(&row)
        try files.write(row, file: target, damage: damage, reject: reject)
        if change == nil && person.isASN && collecting {
            for variant in RowStyler.Variant.allCases where variants.contains(variant) && variant.isDapodikOnly {
                negative(variant.negative, for: person)
                if variant != .pppkNIP { negative(("NIP_TIDAK_DITEMUKAN", "formatted NIP"), for: person) }
            }
        }
        return row
    }

    /// Writes the person's SIASN row, after `change`; variants of the pair become negatives when
    /// neither row was changed.
    @discardableResult
    func siasn(
        _ person: Person, dapodik: PtkRow?, plain: Bool = false, random: inout SampleRandom,
        _ change: ((inout PnsRow) -> Void)? = nil
    ) throws(SampleError) -> PnsRow {
        var (row, variants) = RowStyler.pnsRow(person, dapodik: dapodik, plain: plain, random: &random)
        change?(&row)
        try files.write(row)
        if change == nil && collecting && dapodik != nil {
            // In a fixed order: a Set's order changes from process to process, and the cap keeps the first.
            for variant in RowStyler.Variant.allCases where variants.contains(variant) && !variant.isDapodikOnly {
                negative(variant.negative, for: person)
            }
            for clean in cleanCases(person) { negative(clean, for: person) }
        }
        return row
    }

    /// What a linked, unchanged person shows that must not be read as a disparity.
    private func cleanCases(_ person: Person) -> [(code: String, why: String)] {
        var cases: [(code: String, why: String)] = []
        if person.status == .pppkParuhWaktu { cases.append(("STATUS_BERBEDA", "PPPK Paruh Waktu is PPPK")) }
        if person.status == .cpns { cases.append(("STATUS_BERBEDA", "Dapodik CPNS vs SIASN PNS is not PPPK vs PNS")) }
        if person.kedudukan == "Masa Persiapan Pensiun" { cases.append(("STATUS_BERBEDA", "MPP is still active")) }
        if !person.isTeacher { cases.append(("JABATAN_BERBEDA", "TAS with a non-Guru jabatan")) }
        if subUnits.contains(person.unitID) {
            cases.append(("UNOR_SATPEN_BERBEDA", "sits in a sub-unit of the school's unit"))
        }
        return cases
    }

    /// Writes an SKP row; `note` explains it in the truth.
    func skp(
        nip: String, npsn: String, peran: SkpFactory.Peran, penilai: String?, semester: Int = 2,
        random: inout SampleRandom, note: String? = nil, reject: String? = nil,
        _ change: ((inout SkpRow) -> Void)? = nil
    ) throws(SampleError) {
        var row = SkpFactory.row(
            nip: nip, npsn: npsn, peran: peran, penilai: penilai, semester: semester, random: &random)
        change?(&row)
        try files.write(row, reject: reject)
        if let note, collecting {
            plan.annotations.skpNotes[nip + "|2024-S\(semester)|" + peran.rawValue] = note
        }
    }

    /// Records a finding that must not appear for `person`, at most a dozen of each kind unless `always`.
    func negative(
        _ negative: (code: String, why: String), for person: Person, always: Bool = false, byIDOnly: Bool = false
    ) {
        guard collecting else { return }
        let kind = negative.code + "|" + negative.why
        if !always {
            guard negativeCount[kind, default: 0] < 12 else { return }
            negativeCount[kind, default: 0] += 1
        }
        let keys =
            byIDOnly || person.nip.isEmpty
            ? [["ptk_id", person.ptkID]]
            : [["nip", person.nip], ["ptk_id", person.ptkID]]
        plan.annotations.negatives.append(
            NegativeCase(code: negative.code, keys: keys, why: negative.why, always: always))
    }

    /// Records a finding that must not appear for a SIASN person.
    func negative(code: String, pnsID: String, why: String, always: Bool = false) {
        guard collecting else { return }
        let kind = code + "|" + why
        if !always {
            guard negativeCount[kind, default: 0] < 12 else { return }
            negativeCount[kind, default: 0] += 1
        }
        plan.annotations.negatives.append(
            NegativeCase(code: code, keys: [["pns_id", pnsID.lowercased()]], why: why, always: always))
    }

    /// Notes a truth subject (`ptk:` + id, `asn:` + id, …).
    func note(_ subject: String, _ text: String, code: String? = nil) {
        guard collecting else { return }
        plan.annotations.note(subject, text, code: code)
    }
}

extension RowStyler.Variant {
    /// Variants that need no SIASN row to be meaningful.
    var isDapodikOnly: Bool {
        switch self {
        case .nipSpaces, .nipDots, .nipApostrophe, .pppkNIP: return true
        default: return false
        }
    }
}
