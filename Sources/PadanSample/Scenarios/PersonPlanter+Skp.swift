/// SKP rows planted for the outcomes of `rules.md` section 5, and the rows that must be rejected.
extension PersonPlanter {
    mutating func plantSkpCases() throws(SampleError) {
        for _ in 0..<2 {
            // Made at another school, rated by the own school's principal.
            var (person, school) = teacher()
            try linked(person)
            try guruSkp(
                person, npsn: otherHost(than: school).real.npsn,
                note: "made at another school, rated by the own school's principal")
            count("skp_npsn_berbeda")
            // Naming another school's principal as penilai.
            (person, school) = teacher()
            try linked(person)
            try guruSkp(
                person, penilai: penilai(of: otherHost(than: school).real.npsn),
                note: "nip_penilai names another school's principal")
            count("skp_penilai_berbeda")
        }
        // The stage and the rater left empty.
        var (person, _) = teacher()
        try linked(person)
        try guruSkp(person, note: "tahap empty, predikat given") {
            $0.tahap = ""
            $0.predikat = "Baik"
        }
        (person, _) = teacher()
        try linked(person)
        try guruSkp(person, note: "tahap empty, no predikat") {
            $0.tahap = ""
            $0.predikat = ""
        }
        (person, _) = teacher()
        try linked(person)
        try guruSkp(person, note: "nip_penilai empty: no PENILAI_BERBEDA") { $0.nipPenilai = "" }
        try plantPrincipalElsewhere()
    }

    /// A kabupaten school's principal whose SKP was made at a province school, naming the province's
    /// head of education: the penilai is the head of the principal's own government.
    private mutating func plantPrincipalElsewhere() throws(SampleError) {
        let school = writer.host()
        let provinceSchool = writer.host(provincial: true)
        guard !school.real.level.isProvincial, provinceSchool.real.level.isProvincial else { return }
        var principal = writer.person(.asnTeacher(.pns), at: school, random: &random)
        principal.jabatan = "Guru Ahli Madya"
        // Only the SKP is planted: the principal already listed stays the school's; this one is
        // listed as a vice principal, so the school keeps one head.
        principal.tugasTambahan = "Wakil Kepala Sekolah"
        try linked(principal)
        let kadis = writer.plan.offices[provinceSchool.government].kadisNIP
        try writer.skp(
            nip: principal.nip, npsn: provinceSchool.real.npsn, peran: .kepalaSekolah, penilai: kadis,
            random: &random,
            note:
                "made at a province school, naming the province's kadis:"
                + " the penilai is the kadis of the principal's own (kabupaten) government"
        )
        count("skp_principal_elsewhere")
    }

    /// Rows that cannot be read: a stray delimiter, an impossible date, an unterminated quote as a
    /// file's last line, and SKP rows with values outside the lists of `inputs.md`.
    mutating func plantRejects() throws(SampleError) {
        let school = writer.host()
        var person = writer.person(.nonASNTeacher(.guruHonor), at: school, random: &random)
        try writer.dapodik(
            person, file: 0, plain: true, random: &random, damage: .strayDelimiter, reject: "field count"
        ) {
            $0.nama = "Budi Hartono, S.Pd"
        }
        person = writer.person(.nonASNTeacher(.guruHonor), at: school, random: &random)
        try writer.dapodik(person, file: 1, plain: true, random: &random, reject: "invalid date") {
            $0.tanggalLahir = "30/02/1991"
        }
        person = writer.person(.nonASNTeacher(.guruHonor), at: school, random: &random)
        try writer.dapodik(
            person, file: 0, plain: true, random: &random, damage: .unterminatedQuote,
            reject: "unterminated quote"
        ) { $0.nama = "Budi Hartono, S.Pd" }
        let bad: [(String, (inout SkpRow) -> Void)] = [
            (
                "bad predikat: Istimewa",
                {
                    $0.predikat = "Istimewa"; $0.tahap = "PENILAIAN"
                }
            ),
            ("bad periode: 2024-S3", { $0.periode = "2024-S3" }),
            ("bad peran: Wakil Kepala Sekolah", { $0.peran = "Wakil Kepala Sekolah" }),
            ("bad perilaku_fokus: Akuntabel;Disiplin", { $0.perilakuFokus = "Akuntabel;Disiplin" }),
        ]
        for (reason, change) in bad {
            let (teacher, _) = teacher()
            try linked(teacher)
            try writer.skp(
                nip: teacher.nip, npsn: teacher.npsn, peran: .guru, penilai: penilai(of: teacher.npsn),
                random: &random, reject: reason, change)
        }
        count("rejects")
    }
}
