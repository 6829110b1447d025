/// Makes coherent synthetic people for a school: age, NIP, grade and SIASN position that agree.
struct PersonFactory {
    let plan: RegionPlan

    /// What a person is at their school.
    enum Kind: Equatable {
        /// An ASN teacher (or principal) of the given status.
        case asnTeacher(EmploymentStatus)
        /// A non-ASN teacher (GTY/PTY, honorary).
        case nonASNTeacher(EmploymentStatus)
        /// School administration staff, ASN (PNS) or honorary.
        case administration(asn: Bool)
    }

    /// A new person of `kind` at `school`; a `senior` one (a principal) is born 1965–1980.
    func make(
        _ kind: Kind, at school: PlannedSchool, senior: Bool = false, nips: inout NIPRegistry,
        random: inout SampleRandom
    ) -> Person {
        let sex: Sex = random.chance(0.62) ? .female : .male
        let status: EmploymentStatus
        let teacher: Bool
        switch kind {
        case .asnTeacher(let given): status = given; teacher = true
        case .nonASNTeacher(let given): status = given; teacher = true
        case .administration(let asn): status = asn ? .pns : .tenagaHonor; teacher = false
        }
        let birth: Day
        switch status {
        case _ where senior: birth = Day.random(&random, years: 1965...1980)
        case .cpns: birth = Day.random(&random, years: 1990...2000)
        case .pppk, .pppkParuhWaktu: birth = Day.random(&random, years: 1974...1998)
        default: birth = Day.random(&random, years: 1964...1998)
        }
        var nip = ""
        if status.isPPPK {
            nip = nips.pppk(birth: birth, sex: sex, random: &random)
        } else if status.isASN || status == .pnsDepag {
            nip = nips.pns(birth: birth, sex: sex, random: &random)
        }
        let golongan = Self.golongan(status: status, nip: nip, teacher: teacher, random: &random)
        let government = plan.governments[school.government]
        var unit = school.seatUnit
        if !school.subUnits.isEmpty && random.chance(0.2) { unit = random.pick(school.subUnits) }
        return Person(
            ptkID: Identifiers.uuid(&random), pnsID: Identifiers.siasnID(&random),
            name: NameBank.name(sex, &random), frontTitles: NameBank.front(sex, &random),
            backTitles: teacher ? NameBank.back(&random) : (random.chance(0.3) ? ["S.E."] : []),
            sex: sex, birth: birth, nip: nip,
            nuptk: teacher && random.chance(0.7) ? Identifiers.digits16(&random) : "",
            nik: Identifiers.digits16(&random), status: status, golongan: golongan,
            jenisPTK: teacher
                ? random.weighted(
                    [school.real.level.teacherKind, "Guru BK", "Guru Inklusi", "Guru TIK"],
                    [0.85, 0.06, 0.05, 0.04]) : "Tenaga Administrasi Sekolah",
            tugasTambahan: "", npsn: school.real.npsn,
            kedudukan: Self.kedudukan(status: status, birth: birth, random: &random),
            jabatan: teacher ? Self.teacherJabatan(golongan) : random.pick(Self.administrationJabatan),
            unitID: unit, unitName: unitName(unit),
            instansi: random.chance(0.35) ? government.alternateName : government.rootName)
    }

    /// The name of a planned unit.
    func unitName(_ id: String) -> String {
        plan.unitNames[id] ?? ""
    }

    static let administrationJabatan = [
        "Pengadministrasi Perkantoran", "Pengelola Keuangan", "Penata Layanan Operasional",
    ]

    /// `Guru Ahli Pertama/Muda/Madya` by grade.
    static func teacherJabatan(_ golongan: Golongan?) -> String {
        switch golongan {
        case .pns(let rank, let step)?:
            return rank >= 4 ? "Guru Ahli Madya" : step >= 3 ? "Guru Ahli Muda" : "Guru Ahli Pertama"
        case .pppk(let grade)?: return grade >= 10 ? "Guru Ahli Muda" : "Guru Ahli Pertama"
        case nil: return "Guru Ahli Pertama"
        }
    }

    /// A grade that fits the status and the years since the NIP's appointment date.
    static func golongan(status: EmploymentStatus, nip: String, teacher: Bool, random: inout SampleRandom) -> Golongan?
    {
        guard status.isASN || status == .pnsDepag, nip.count == 18 else { return nil }
        if status.isPPPK { return .pppk(random.weighted([9, 10, 11], [0.6, 0.3, 0.1])) }
        if status == .cpns { return .pns(rank: teacher ? 3 : 2, step: 1) }
        let start = Int(nip.dropFirst(8).prefix(4)) ?? 2010
        let years = max(0, 2024 - start)
        if !teacher {
            return years < 10
                ? .pns(rank: 2, step: min(4, 1 + years / 3)) : .pns(rank: 3, step: min(4, 1 + (years - 10) / 5))
        }
        let steps = min(5, years / 4)
        return steps < 4 ? .pns(rank: 3, step: steps + 1) : .pns(rank: 4, step: steps - 3)
    }

    /// SIASN's legal standing: active for most, pre-retirement for the oldest, a few on study leave.
    static func kedudukan(status: EmploymentStatus, birth: Day, random: inout SampleRandom) -> String {
        if status.isPPPK { return "PPPK Aktif" }
        if birth.year <= 1966 && random.chance(0.4) { return "Masa Persiapan Pensiun" }
        if random.chance(0.01) { return "Tugas Belajar" }
        return "Aktif"
    }
}
