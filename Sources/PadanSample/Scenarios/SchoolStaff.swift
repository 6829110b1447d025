/// The ordinary people of one school: its principal (listed as the plan says), ASN and non-ASN
/// teachers and administration staff, their SIASN rows and their SKPs.
enum SchoolStaff {
    /// Writes everyone of `school`.
    static func write(_ school: PlannedSchool, writer: PeopleWriter, random: inout SampleRandom) throws(SampleError) {
        let kadis = writer.plan.offices[school.government].kadisNIP
        var heads: [Person] = []
        var head = PeopleWriter.SchoolHead(penilaiNIP: nil, anyHeadNIP: nil)
        var rated: String?
        switch school.principal {
        case .tugas, .jenisOnly:
            var principal = writer.person(.asnTeacher(.pns), at: school, senior: true, random: &random)
            if school.principal == .jenisOnly {
                principal.jenisPTK = "Kepala Sekolah"
                rated = "principal known only by jenis_ptk"
            } else {
                principal.tugasTambahan = "Kepala Sekolah"
                if random.chance(0.4) { principal.jenisPTK = "Kepala Sekolah" }
            }
            heads = [principal]
            head = .init(penilaiNIP: principal.nip, anyHeadNIP: principal.nip)
        case .two:
            for _ in 0..<2 {
                var principal = writer.person(.asnTeacher(.pns), at: school, senior: true, random: &random)
                principal.tugasTambahan = "Kepala Sekolah"
                heads.append(principal)
            }
            head = .init(penilaiNIP: nil, anyHeadNIP: heads[0].nip)
            rated = "the school lists two definitive principals, both linked: not resolved"
        case .plt:
            var acting = writer.person(.asnTeacher(.pns), at: school, senior: true, random: &random)
            acting.tugasTambahan = "Plt. Kepala Sekolah"
            heads = [acting]
            head = .init(penilaiNIP: acting.nip, anyHeadNIP: acting.nip)
            rated = "rated by the acting principal"
        case .unlinked:
            try writeUnlinkedPrincipal(school, writer: writer, kadis: kadis, random: &random)
            var acting = writer.person(.asnTeacher(.pns), at: school, senior: true, random: &random)
            acting.tugasTambahan = "Plt. Kepala Sekolah"
            heads = [acting]
            head = .init(penilaiNIP: nil, anyHeadNIP: acting.nip)
            rated = "the principal is not linked; the linked Plt. is no fallback"
        case .none:
            rated = "no principal listed"
        case .nonASN:
            var principal = writer.person(.nonASNTeacher(.gty), at: school, senior: true, random: &random)
            principal.tugasTambahan = "Kepala Sekolah"
            try writer.dapodik(principal, random: &random)
        }
        writer.principals[school.real.npsn] = head
        for person in heads {
            try writeHead(person, school: school, writer: writer, kadis: kadis, random: &random)
        }
        let others = max(0, school.rows - max(1, heads.count))
        for _ in 0..<others {
            let person = writer.person(kind(negeri: school.real.negeri, random: &random), at: school, random: &random)
            let row = try writer.dapodik(person, random: &random)
            guard person.isASN else { continue }
            try writer.siasn(person, dapodik: row, random: &random)
            guard person.isTeacher, school.real.negeri else { continue }
            if random.chance(0.95) {
                try writer.skp(
                    nip: person.nip, npsn: school.real.npsn, peran: .guru, penilai: head.penilaiNIP ?? head.anyHeadNIP,
                    random: &random, note: rated)
            }
            if random.chance(0.08) {
                try writer.skp(
                    nip: person.nip, npsn: school.real.npsn, peran: .guru, penilai: head.anyHeadNIP, semester: 1,
                    random: &random)
            }
        }
    }

    /// A principal's rows and SKPs: a definitive one is rated by the kadis; an acting one makes a Plt
    /// SKP and, as a teacher, a GURU SKP also rated by the kadis.
    private static func writeHead(
        _ person: Person, school: PlannedSchool, writer: PeopleWriter, kadis: String, random: inout SampleRandom
    ) throws(SampleError) {
        var person = person
        person.jabatan = "Guru Ahli Madya"
        let row = try writer.dapodik(person, random: &random)
        try writer.siasn(person, dapodik: row, random: &random)
        let two = school.principal == .two
        if person.tugasTambahan == "Plt. Kepala Sekolah" {
            try writer.skp(
                nip: person.nip, npsn: school.real.npsn, peran: .pltKepalaSekolah, penilai: kadis, random: &random)
            try writer.skp(
                nip: person.nip, npsn: school.real.npsn, peran: .guru, penilai: kadis, random: &random,
                note: school.principal == .plt ? "the acting principal is rated as a teacher by the kadis" : nil)
        } else {
            try writer.skp(
                nip: person.nip, npsn: school.real.npsn, peran: .kepalaSekolah, penilai: kadis, random: &random,
                note: two ? "one of two listed principals: rated by the kadis all the same" : nil)
        }
    }

    /// A principal whose NIP the school typed wrong: not in SIASN, so the school's teachers have no
    /// resolvable penilai, and SIASN's record of them is the single suggested candidate.
    private static func writeUnlinkedPrincipal(
        _ school: PlannedSchool, writer: PeopleWriter, kadis: String, random: inout SampleRandom
    ) throws(SampleError) {
        var principal = writer.person(.asnTeacher(.pns), at: school, senior: true, random: &random)
        principal.tugasTambahan = "Kepala Sekolah"
        principal.jabatan = "Guru Ahli Madya"
        let mistyped = writer.nips.pns(birth: principal.birth, sex: principal.sex, random: &random)
        let row = try writer.dapodik(principal, plain: true, random: &random) { $0.nip = mistyped }
        try writer.siasn(principal, dapodik: row, random: &random) { _ in }
        writer.note(
            "ptk:" + principal.ptkID, "principal with a mistyped NIP: the school's GURU penilai cannot be resolved")
        try writer.skp(
            nip: mistyped, npsn: school.real.npsn, peran: .kepalaSekolah, penilai: kadis, random: &random,
            note: "the principal's Dapodik NIP is unknown to SIASN: that code alone")
    }

    /// What an ordinary member of staff is, by the school's status.
    private static func kind(negeri: Bool, random: inout SampleRandom) -> PersonFactory.Kind {
        if !negeri {
            return random.chance(0.85)
                ? .nonASNTeacher(random.weighted([.gty, .guruHonor], [0.6, 0.4])) : .administration(asn: false)
        }
        switch random.weighted([0, 1, 2], [0.64, 0.24, 0.12]) {
        case 0:
            return .asnTeacher(
                random.weighted(
                    [.pns, .pppk, .cpns, .pppkParuhWaktu, .pnsDiperbantukan],
                    [0.68, 0.2, 0.05, 0.04, 0.03]))
        case 1: return .nonASNTeacher(random.weighted([.gty, .honorDaerah, .guruHonor], [0.2, 0.3, 0.5]))
        default: return .administration(asn: random.chance(0.25))
        }
    }
}
