/// Linked people whose attributes differ (priority 4), and look-alikes that must not be flagged.
extension PersonPlanter {
    mutating func plantAttributeCases() throws(SampleError) {
        for _ in 0..<2 {
            var (person, _) = teacher()
            let other = differentName(from: person)
            try linked(person, siasn: { $0.nama = other.uppercased() })
            try guruSkp(person, note: "priority 4 does not stop an SKP")
            count("nama_berbeda")

            (person, _) = teacher()
            let shifted = person.birth.adding(days: random.chance(0.5) ? random.int(1...400) : -random.int(1...400))
            try linked(person, siasn: { $0.tanggalLahir = shifted.written(.dayMonthYearDash) })
            count("tgl_lahir_berbeda")

            (person, _) = teacher()
            try linked(person, siasn: { $0.jenisKelamin = $0.jenisKelamin == "M" ? "F" : "M" })
            count("jenis_kelamin_berbeda")
        }
        for status in [EmploymentStatus.pns, .pppk] {
            let (person, _) = teacher(status)
            let up = person.golongan?.oneUp.canonical ?? "IV/a"
            try linked(person, siasn: { $0.golongan = up })
            if status == .pppk { note(person, "PPPK grade IX vs X") }
            try guruSkp(person, note: "priority 4 does not stop an SKP")
            count("golongan_berbeda")
        }
        var (person, _) = teacher()
        try linked(person, siasn: { $0.jabatan = "Pengelola Keuangan" })
        note(person, "Dapodik teacher, SIASN not Guru")
        count("jabatan_berbeda")
        var school = writer.host()
        person = writer.person(.administration(asn: true), at: school, random: &random)
        try linked(person, siasn: { $0.jabatan = "Guru Ahli Pertama" })
        note(person, "Dapodik TAS, SIASN Guru")
        count("jabatan_berbeda")

        // Dapodik's status against the NIP's shape.
        (person, school) = teacher(.pppk)
        person.nip = writer.nips.pns(birth: person.birth, sex: person.sex, random: &random)
        try linked(person)
        note(person, "Dapodik PPPK, SIASN PPPK Aktif, the NIP in the PNS shape")
        count("status_berbeda")
        (person, school) = teacher(.pppk)
        person.status = .pns
        try linked(person)
        note(person, "Dapodik PNS, the NIP in the PPPK shape")
        count("status_berbeda")

        // SIASN says the person has left.
        for ending in ["Pensiun", "Meninggal", "Diberhentikan"] {
            (person, school) = teacher()
            person.kedudukan = ending
            try linked(person)
            note(person, "SIASN " + ending)
            if ending == "Pensiun" {
                try guruSkp(person, note: "SIASN Pensiun: still completes the SKP")
            } else {
                try guruSkp(person, note: "SIASN " + ending)
                if ending == "Meninggal" {
                    try guruSkp(person, semester: 1, note: "PERIODE_LAIN comes before TIDAK_AKTIF")
                }
            }
            count("status_berbeda")
        }
    }

    /// People whose records look different but are not (`conformance/README.md`).
    mutating func plantCleanCases() throws(SampleError) {
        var (person, school) = teacher()
        person.kedudukan = "CLTN"
        try linked(person)
        writer.negative(("STATUS_BERBEDA", "CLTN is not a status disparity"), for: person, always: true)
        try guruSkp(person, note: "SIASN CLTN")
        count("cltn")

        // One person at two schools: SKP at the Induk school, or at the other naming its principal.
        for atOther in [false, true] {
            (person, school) = teacher()
            let other = otherHost(than: school)
            try linked(person) { $0.statusTugas = $0.statusTugas == "1" ? "1" : "Induk" }
            var visiting = person
            visiting.npsn = other.real.npsn
            try writer.dapodik(visiting, file: other.ptkFile, plain: true, random: &random) {
                $0.statusTugas = other.ptkFile == 1 ? "0" : "Non Induk"
            }
            writer.negative(("NIP_GANDA", "one person at two schools (Induk + Non Induk)"), for: person, always: true)
            if atOther {
                try guruSkp(
                    person, npsn: other.real.npsn, penilai: penilai(of: other.real.npsn),
                    note: "SKP at the Non Induk school, naming its principal: the GURU penilai is the Induk school's")
            } else {
                try guruSkp(person, note: "SKP at the Induk school")
            }
            count("two_schools")
        }

        // Names: one letter, containment, a hyphen.
        (person, _) = teacher()
        if let spelled = oneLetterSpelling(person.name) {
            try linked(person, siasn: { $0.nama = spelled.uppercased() })
            writer.negative(
                ("NAMA_BERBEDA", "one-letter spelling: \(person.name) / \(spelled.uppercased())"), for: person,
                always: true)
        }
        (person, _) = teacher()
        let longer = person.name + " " + random.pick(NameBank.family.filter { !person.name.contains($0) })
        try linked(person, siasn: { $0.nama = longer.uppercased() })
        writer.negative(("NAMA_BERBEDA", "token containment"), for: person, always: true)
        (person, _) = teacher()
        let hyphenated = person.name.replacingFirstSpace(with: "-")
        try linked(person) { $0.nama = hyphenated }
        writer.negative(("NAMA_BERBEDA", "a hyphen is a space: the same tokens"), for: person, always: true)

        // A NIP whose embedded birth date and sex are not the person's.
        (person, _) = teacher()
        let embedded = person.birth.adding(days: random.int(20...300))
        person.nip = writer.nips.pns(birth: embedded, sex: person.sex.flipped, random: &random)
        try linked(person)
        let why = "the NIP's embedded birth date and sex are not compared"
        for code in ["TGL_LAHIR_BERBEDA", "JENIS_KELAMIN_BERBEDA"] {
            writer.negative((code, why), for: person, always: true)
        }
        try guruSkp(person)
    }

    /// A name no rule takes for `person`'s (Jaro–Winkler well below the threshold, no shared tokens).
    mutating func differentName(from person: Person) -> String {
        let own = PersonName.normalize(person.name)
        while true {
            let candidate = NameBank.name(person.sex, &random)
            let other = PersonName.normalize(candidate)
            let ownTokens = Set(own.split(separator: " "))
            if ownTokens.isDisjoint(with: other.split(separator: " ")) && JaroWinkler.similarity(own, other) < 0.8 {
                return candidate
            }
        }
    }

    /// The name with one letter added inside its longest word, when that stays well above the
    /// threshold (Jaro–Winkler ≥ 0.925) without one name's words containing the other's.
    func oneLetterSpelling(_ name: String) -> String? {
        var words = name.split(separator: " ").map(String.init)
        guard let longest = words.indices.max(by: { words[$0].count < words[$1].count }), words[longest].count >= 6
        else {
            return nil
        }
        var letters = Array(words[longest])
        letters.insert(letters[letters.count - 3] == "i" ? "y" : "i", at: letters.count - 2)
        words[longest] = String(letters)
        let spelled = words.joined(separator: " ")
        let a = PersonName.normalize(name)
        let b = PersonName.normalize(spelled)
        return JaroWinkler.similarity(a, b) >= 0.925 ? spelled : nil
    }
}
