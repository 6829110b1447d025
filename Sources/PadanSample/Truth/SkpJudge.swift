/// `rules.md` section 5 applied to each SKP row as written: rejected, skipped, blocked or eligible,
/// with the penilai.
struct SkpJudge {
    struct Outcome {
        var nip: String
        var periode: String
        var peran: String
        /// `eligible`, `blocked`, `skipped`, `rejected`.
        var kind: String
        var reasons: [String] = []
        var penilaiPnsID = ""
        var penilaiRole = ""
        var pegawaiPnsID = ""
        var tahap = ""
        var line: Int
        var rejectReason = ""
    }

    static let predikat: Set<String> = ["SANGAT BAIK", "BAIK", "BUTUH PERBAIKAN", "KURANG", "SANGAT KURANG"]
    static let aspects: Set<String> = [
        "BERORIENTASI PELAYANAN", "AKUNTABEL", "KOMPETEN", "HARMONIS", "LOYAL", "ADAPTIF",
        "KOLABORATIF",
    ]

    let people: PeopleJudge
    let schools: SchoolJudge
    let active: String
    /// Government key → the head of its education office's NIP.
    let kadis: [String: String]
    private var peopleByNIP: [String: [Int]] = [:]
    /// ASN people by every school they have a row at.
    private var asnAtSchool: [String: [Int]] = [:]

    init(people: PeopleJudge, schools: SchoolJudge, active: String, kadis: [String: String]) {
        self.people = people
        self.schools = schools
        self.active = active
        self.kadis = kadis
        for (index, person) in people.persons.enumerated() {
            if let digits = ValueReading.nipDigits(person.nipValue) { peopleByNIP[digits, default: []].append(index) }
            guard person.isASN else { continue }
            for npsn in Set(person.posts.map(\.npsn)) { asnAtSchool[npsn, default: []].append(index) }
        }
    }

    /// The outcome of one row.
    func judge(_ located: Located<SkpRow>) -> Outcome {
        let row = located.row
        let nip = ValueReading.nipDigits(ValueReading.clean(row.nip)) ?? ""
        let periode = ValueReading.periode(ValueReading.clean(row.periode))
        let peran = ValueReading.peran(ValueReading.clean(row.peran))
        let writtenPeriode = (ValueReading.clean(row.periode) ?? "").uppercased()
        let writtenPeran = String((ValueReading.clean(row.peran) ?? "").uppercased().filter { $0 != "." })
            .split(separator: " ").joined(separator: "_")
        var outcome = Outcome(
            nip: nip, periode: periode ?? writtenPeriode, peran: peran ?? writtenPeran,
            kind: "rejected", line: located.line)
        let rating = (ValueReading.clean(row.predikat) ?? "").uppercased()
        let aspects = (ValueReading.clean(row.perilakuFokus) ?? "").split(separator: ";")
            .map { String($0).trimmingSpaces().uppercased() }.filter { !$0.isEmpty }
        if let reject = located.reject {
            outcome.rejectReason = reject
            return outcome
        }
        if !rating.isEmpty && !Self.predikat.contains(rating) || periode == nil || peran == nil
            || aspects.contains(where: { !Self.aspects.contains($0) })
        {
            outcome.rejectReason = "invalid value"
            return outcome
        }
        return decide(outcome, row: row, rating: rating)
    }

    private func decide(_ start: Outcome, row: SkpRow, rating: String) -> Outcome {
        var outcome = start
        func skip(_ reason: String) -> Outcome {
            outcome.kind = "skipped"
            outcome.reasons = [reason]
            return outcome
        }
        func block(_ reasons: [String]) -> Outcome {
            outcome.kind = "blocked"
            outcome.reasons = reasons
            return outcome
        }
        if outcome.periode != active { return skip("PERIODE_LAIN") }
        let found = (peopleByNIP[outcome.nip] ?? []).map { people.persons[$0] }
        if found.contains(where: { !$0.isASN && !$0.isDepag }) { return skip("NON_ASN") }
        if found.contains(where: \.isDepag) { return skip("KEMENAG") }
        let asn = found.filter(\.isASN)
        if let first = asn.first, let index = schools.schoolIndex[first.npsn], !schools.schools[index].negeri {
            return skip("SWASTA")
        }
        if asn.count == 1, let index = people.linked[asn[0].ptkID] {
            let status = people.siasn[index].kedudukan
            if status == "CLTN" { return skip("CLTN") }
            if status == "MENINGGAL" || status == "DIBERHENTIKAN" { return skip("TIDAK_AKTIF") }
        }
        guard let person = asn.first else { return block(["NIP_TIDAK_DITEMUKAN"]) }
        if Set(asn.map(\.ptkID)).count > 1 { return block(["NIP_GANDA"]) }
        guard let twin = people.linked[person.ptkID] else {
            return block([people.nipCode[person.ptkID] ?? "NIP_TIDAK_DITEMUKAN"])
        }
        var reasons = PeopleJudgeCatalogue.order.filter {
            (people.codesOf[person.ptkID] ?? []).contains($0) && (PeopleJudgeCatalogue.priority[$0] ?? 4) <= 3
        }
        if schools.unitOfSchool[person.npsn] == nil { reasons.append("NPSN_BELUM_PADAN") }
        if row.npsn.trimmingSpaces() != person.npsn { reasons.append("NPSN_SKP_BERBEDA") }
        let (penilai, role) = self.penilai(of: person, peran: outcome.peran)
        let named = ValueReading.nipDigits(ValueReading.clean(row.nipPenilai))
        if let penilai {
            if let named, named != penilai.nip { reasons.append("PENILAI_BERBEDA") }
        } else {
            reasons.append("PENILAI_TIDAK_DITEMUKAN")
        }
        if !reasons.isEmpty { return block(reasons) }
        outcome.kind = "eligible"
        outcome.penilaiPnsID = penilai?.pnsID ?? ""
        outcome.penilaiRole = role
        outcome.pegawaiPnsID = people.siasn[twin].pnsID
        let stage = (ValueReading.clean(row.tahap) ?? "").uppercased()
        outcome.tahap = stage.isEmpty ? (rating.isEmpty ? "PERENCANAAN" : "PENILAIAN") : stage
        return outcome
    }

    /// The rater: the school's principal for a teacher (the kadis for an acting principal), the kadis
    /// of the school's government for a principal.
    private func penilai(of person: PeopleJudge.DapodikPerson, peran: String) -> (PeopleJudge.SiasnPerson?, String) {
        let government = schools.schoolIndex[person.npsn].map { schools.schools[$0].government } ?? ""
        let head = kadis[government].flatMap { people.siasnByNIP[$0] }.map { people.siasn[$0] }
        if peran != "GURU" { return (head, "KEPALA_DINAS") }
        let acting = person.posts.contains { $0.npsn == person.npsn && SkpJudge.isActing($0.tugas) }
        if acting { return (head, "KEPALA_DINAS") }
        let staff = (asnAtSchool[person.npsn] ?? []).map { people.persons[$0] }
        let kinds: [(String, (String, String) -> Bool)] = [
            ("KEPALA_SEKOLAH", { tugas, _ in tugas == "KEPALA SEKOLAH" }),
            ("KEPALA_SEKOLAH", { _, jenis in jenis == "KEPALA SEKOLAH" }),
            ("PLT_KEPALA_SEKOLAH", { tugas, _ in SkpJudge.isActing(tugas) }),
        ]
        for (role, matches) in kinds {
            let heads = staff.filter { candidate in
                candidate.posts.contains { $0.npsn == person.npsn && matches($0.tugas, $0.jenis) }
            }
            guard !heads.isEmpty else { continue }
            guard heads.count == 1, let index = people.linked[heads[0].ptkID] else { return (nil, role) }
            return (people.siasn[index], role)
        }
        return (nil, "")
    }

    private static func isActing(_ tugas: String) -> Bool {
        tugas == "PLT. KEPALA SEKOLAH" || tugas == "PLT KEPALA SEKOLAH"
    }
}

/// The disparity catalogue of `rules.md` section 4: codes in order, with priority and owner.
enum PeopleJudgeCatalogue {
    static let order = [
        "NIP_KOSONG", "NIP_RUSAK", "NIP_TIDAK_VALID", "NIP_GANDA", "NIP_TIDAK_DITEMUKAN", "ASN_TIDAK_ADA_DI_DAPODIK",
        "UNOR_WILAYAH_BERBEDA", "NPSN_BELUM_PADAN", "PEMADANAN_GANDA", "UNOR_SATPEN_BERBEDA", "UNOR_TIDAK_AKTIF",
        "NAMA_BERBEDA", "TGL_LAHIR_BERBEDA", "JENIS_KELAMIN_BERBEDA", "GOLONGAN_BERBEDA", "JABATAN_BERBEDA",
        "STATUS_BERBEDA",
    ]
    static let priority: [String: Int] = Dictionary(
        uniqueKeysWithValues: zip(order, [1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4]))
}
