/// People outside the usual path: religious-affairs teachers, non-ASN with a NIP, PNS seconded to a
/// Swasta school, and names that test escaping and decoding.
extension PersonPlanter {
    mutating func plantSpecialPeople() throws(SampleError) {
        try plantKemenag()
        // An honorary teacher already appointed PPPK: Dapodik does not know yet, PMM does.
        var (person, school) = teacher(.pppk)
        person.status = .guruHonor
        person.golongan = nil
        try writer.dapodik(person, plain: true, random: &random)
        writer.negative(("NIP_TIDAK_DITEMUKAN", "non-ASN rows are not matched"), for: person, always: true)
        try guruSkp(person, note: "Dapodik still says honorary")
        count("non_asn_skp")

        // PNS seconded to Swasta schools: no unit checks, SKP skipped (before CLTN).
        let swasta = writer.swastaSchools
        if !swasta.isEmpty {
            let province = provinceOffices(of: school)
            let oldOffice = Identifiers.siasnID(&random)
            writer.plan.addUnit(
                PlannedUnit(
                    id: oldOffice, name: "UPTD PENDIDIKAN KECAMATAN " + school.real.kecamatan.uppercased() + " (LAMA)",
                    parentID: province.offices.dinasID, instansiID: province.offices.rootID, aktif: "0", depth: 2))
            for (number, host) in [swasta[(round * 2) % swasta.count], swasta[(round * 2 + 1) % swasta.count]]
                .enumerated()
            {
                person = writer.person(.asnTeacher(.pnsDiperbantukan), at: host, random: &random)
                person.kedudukan = number == 1 ? "CLTN" : "Aktif"
                person.instansi = province.government.rootName
                person.unitID = number == 1 ? oldOffice : province.offices.dinasID
                person.unitName = writer.plan.unitNames[person.unitID] ?? ""
                try linked(person)
                let why = "a Swasta school's ASN: no UNOR_* checks (SIASN under the province)"
                for code in ["UNOR_WILAYAH_BERBEDA", "UNOR_SATPEN_BERBEDA", "UNOR_TIDAK_AKTIF"] {
                    writer.negative((code, why), for: person, always: true)
                }
                try guruSkp(
                    person, penilai: .some(nil),
                    note: number == 1
                        ? "Swasta Induk school and SIASN CLTN: SWASTA comes before CLTN"
                        : "the person's Induk school is Swasta")
                count("swasta_seconded_pns")
            }
        }
        try plantNames()
    }

    /// Three PNS Depag teachers: counted, never matched or flagged, their SKPs skipped.
    private mutating func plantKemenag() throws(SampleError) {
        let why = "PNS Depag is neither matched nor flagged"
        // Two rows (Induk and Non Induk), an SKP, and one of another period.
        var (person, school) = teacher()
        person.status = .pnsDepag
        try writer.dapodik(person, plain: true, random: &random)
        let other = otherHost(than: school)
        var visiting = person
        visiting.npsn = other.real.npsn
        try writer.dapodik(visiting, file: other.ptkFile, plain: true, random: &random) {
            $0.statusTugas = other.ptkFile == 1 ? "0" : "Non Induk"
        }
        for code in ["NIP_KOSONG", "NIP_TIDAK_VALID", "NIP_TIDAK_DITEMUKAN", "NIP_GANDA"] {
            writer.negative((code, why), for: person, always: true)
        }
        try guruSkp(person, note: "PNS Depag")
        try guruSkp(person, semester: 1, note: "PERIODE_LAIN comes before KEMENAG")
        // SIASN knows one (as a teacher of the kabupaten): carried by the Depag row, not missing.
        (person, school) = teacher()
        person.status = .pnsDepag
        try linked(person)
        for code in ["NIP_KOSONG", "NIP_TIDAK_VALID", "NIP_TIDAK_DITEMUKAN"] {
            writer.negative((code, why), for: person, always: true)
        }
        writer.negative(
            code: "ASN_TIDAK_ADA_DI_DAPODIK", pnsID: person.pnsID,
            why: "its NIP is carried by a PNS Depag row, so not missing", always: true)
        // One without a NIP.
        (person, school) = teacher()
        person.status = .pnsDepag
        try writer.dapodik(person, plain: true, random: &random) { $0.nip = "" }
        for code in ["NIP_KOSONG", "NIP_TIDAK_VALID"] {
            writer.negative((code, why), for: person, always: true, byIDOnly: true)
        }
        count("kemenag")
    }

    /// Names starting with a spreadsheet formula character, one carrying markup, and names beyond
    /// ASCII (one of them in the Windows-1252 file). Each also differs in grade, so that it shows
    /// in the disparity table and the report.
    private mutating func plantNames() throws(SampleError) {
        let plan = writer.plan
        for lead in ["=", "@"] {
            let (person, _) = teacher()
            let name = lead + person.name
            let up = person.golongan?.oneUp.canonical ?? "IV/a"
            try linked(person) {
                $0.nama = name
            } siasn: {
                $0.golongan = up
            }
            note(person, "also carries a name that must be escaped")
            if writer.collecting {
                plan.annotations.csvInjection.append(PlantedName(ptkID: person.ptkID, nip: person.nip, nama: name))
            }
            count("csv_injection")
        }
        let markup = "<script>alert(1)</script>"
        var (person, _) = teacher()
        let name = person.name + " " + markup
        let up = person.golongan?.oneUp.canonical ?? "IV/a"
        try linked(person) {
            $0.nama = name
        } siasn: {
            $0.golongan = up
        }
        note(person, "also carries markup that must be escaped")
        if writer.collecting {
            plan.annotations.htmlInjection.append(
                PlantedName(ptkID: person.ptkID, nip: person.nip, nama: name, markup: markup))
        }
        count("html_injection")
        for file in [1, 0] {
            (person, _) = teacher()
            person.name = NameBank.nonASCII[(round * 2 + file) % NameBank.nonASCII.count]
            try linked(person, file: file)
            if file == 1 {
                writer.negative(("NAMA_BERBEDA", "Windows-1252 file decoded correctly"), for: person, always: true)
            }
            if writer.collecting {
                plan.annotations.encoding.append(PlantedName(ptkID: person.ptkID, nip: person.nip, nama: person.name))
            }
            try guruSkp(person, note: "non-ASCII name in the payload: idempotency_key over UTF-8 as is")
            count("non_ascii_name")
        }
    }
}
