/// Writes a person into a Dapodik row and a SIASN row the way the two systems (and the people
/// typing into them) do: titles and case, NIP spellings, date formats, grade notations. Each choice
/// that a careless reader might take for a difference is returned as a ``Variant`` so that the
/// truth can list it among the findings that must not appear.
struct RowStyler {
    /// A presentation choice that must not be read as a disparity.
    enum Variant: Hashable, CaseIterable {
        case dapodikTitles, siasnTitlesOrCase, caseOnly, nipSpaces, nipDots, nipApostrophe, pppkNIP, dateFormat
        case golonganNotation, noGolongan, pppkGradeCase, kabupatenSpelling

        /// The code it must not raise and why, as the truth's negatives write them.
        var negative: (code: String, why: String) {
            switch self {
            case .dapodikTitles: return ("NAMA_BERBEDA", "titles in the Dapodik name")
            case .siasnTitlesOrCase: return ("NAMA_BERBEDA", "titles or case in SIASN")
            case .caseOnly: return ("NAMA_BERBEDA", "case only")
            case .nipSpaces: return ("NIP_TIDAK_VALID", "NIP with spaces")
            case .nipDots: return ("NIP_RUSAK", "NIP with dots")
            case .nipApostrophe: return ("NIP_TIDAK_VALID", "NIP with a leading apostrophe")
            case .pppkNIP: return ("NIP_TIDAK_VALID", "PPPK NIP (digit 13 = 2)")
            case .dateFormat: return ("TGL_LAHIR_BERBEDA", "same date in another format")
            case .golonganNotation: return ("GOLONGAN_BERBEDA", "same golongan, other notation")
            case .noGolongan: return ("GOLONGAN_BERBEDA", "no golongan in Dapodik")
            case .pppkGradeCase: return ("GOLONGAN_BERBEDA", "PPPK grade in another case")
            case .kabupatenSpelling: return ("UNOR_WILAYAH_BERBEDA", "'Pemerintah Kabupaten X' is 'Kab. X'")
            }
        }
    }

    /// The Dapodik row of `person` for PTK file `file`, and its variants; `plain` avoids every variant.
    static func ptkRow(_ person: Person, file: Int, plain: Bool = false, random: inout SampleRandom)
        -> (PtkRow, Set<Variant>)
    {
        var variants = Set<Variant>()
        var row = PtkRow()
        row.ptkID = person.ptkID
        row.nama = plain ? person.name : dapodikName(person, &variants, &random)
        row.nip = person.nip
        if !person.nip.isEmpty && !plain {
            switch random.weighted([0, 1, 2, 3], [0.7, 0.12, 0.06, 0.12]) {
            case 1: row.nip = NIP.spaced(person.nip); variants.insert(.nipSpaces)
            case 2: row.nip = NIP.dotted(person.nip); variants.insert(.nipDots)
            case 3: row.nip = "'" + person.nip; variants.insert(.nipApostrophe)
            default: break
            }
        }
        if person.status.isPPPK && person.isASN { variants.insert(.pppkNIP) }
        row.nuptk = person.nuptk
        row.nik = person.nik
        row.jenisKelamin =
            file == 1 ? (person.sex == .male ? "Laki-laki" : "Perempuan") : (person.sex == .male ? "L" : "P")
        let style = plain ? DateStyle.iso : random.weighted(DateStyle.allCases, [0.55, 0.2, 0.15, 0.1])
        row.tanggalLahir = person.birth.written(style)
        row.statusKepegawaian = person.status.rawValue
        row.jenisPTK = person.jenisPTK
        row.tugasTambahan =
            person.tugasTambahan.isEmpty ? random.pick(["", "", "", "null", "-"]) : person.tugasTambahan
        if let golongan = person.golongan, plain || random.chance(0.7) {
            row.pangkatGolongan = golongan.written(notation(golongan, plain: plain, &random))
        } else {
            row.pangkatGolongan = random.pick(["-", "", "null"])
            if person.golongan != nil && person.isASN { variants.insert(.noGolongan) }
        }
        row.npsn = person.npsn
        row.statusTugas = file == 1 ? "1" : random.pick(["Induk", "Induk", ""])
        return (row, variants)
    }

    /// The SIASN row of `person`, and its variants; `plain` avoids every variant.
    static func pnsRow(_ person: Person, dapodik: PtkRow?, plain: Bool = false, random: inout SampleRandom)
        -> (PnsRow, Set<Variant>)
    {
        var variants = Set<Variant>()
        var row = PnsRow()
        row.pnsID = person.pnsID
        row.nipBaru = !plain && random.chance(0.05) ? "'" + person.nip : person.nip
        let tmtYear = Int(person.nip.dropFirst(8).prefix(4)) ?? 2020
        row.nipLama = !person.status.isPPPK && tmtYear < 2005 && random.chance(0.6) ? Identifiers.nipLama(&random) : ""
        row.nama = plain ? person.name.uppercased() : siasnName(person, dapodik: dapodik, &variants, &random)
        row.gelarDepan =
            person.frontTitles.isEmpty
            ? random.pick(["", "", "null", "NULL"]) : person.frontTitles.joined(separator: " ")
        row.gelarBelakang =
            person.backTitles.isEmpty ? random.pick(["", "", "null"]) : person.backTitles.joined(separator: ", ")
        row.tempatLahir = random.pick(["Jember", "Malang", "Surabaya", "Lumajang", "Banyuwangi", "Semarang", "Medan"])
        row.tanggalLahir = person.birth.written(
            plain
                ? .dayMonthYearDash
                : random.weighted([.dayMonthYearDash, .iso, .dayMonthYearSlash], [0.85, 0.1, 0.05]))
        if let dapodik, dapodik.tanggalLahir != row.tanggalLahir { variants.insert(.dateFormat) }
        row.jenisKelamin = person.sex == .male ? "M" : "F"
        row.kedudukan = person.kedudukan
        row.statusCPNS = person.status.isPPPK ? "" : person.status == .cpns ? "C" : "P"
        if let golongan = person.golongan {
            switch golongan {
            case .pns: row.golongan = golongan.written(!plain && random.chance(0.3) ? .siasnID : .slashLower)
            case .pppk: row.golongan = golongan.written(.slashLower)
            }
            if let written = dapodik?.pangkatGolongan, !["-", "", "null"].contains(written) {
                if written != row.golongan {
                    if case .pppk = golongan {
                        variants.insert(.pppkGradeCase)
                    } else {
                        variants.insert(.golonganNotation)
                    }
                }
            }
        }
        row.jabatan = person.jabatan
        row.unorID = !plain && random.chance(0.2) ? flippedCase(person.unitID) : person.unitID
        row.unorNama = plain ? person.unitName : random.weighted([person.unitName, "", "-"], [0.8, 0.1, 0.1])
        row.instansi = person.instansi
        if person.instansi.hasPrefix("Pemerintah Kabupaten ") { variants.insert(.kabupatenSpelling) }
        return (row, variants)
    }

    private static func dapodikName(_ person: Person, _ variants: inout Set<Variant>, _ random: inout SampleRandom)
        -> String
    {
        let back = person.backTitles
        let front = person.frontTitles
        switch random.weighted([0, 1, 2, 3, 4], [0.35, 0.15, 0.3, 0.1, 0.1]) {
        case 1: return person.name.uppercased()
        case 2 where !back.isEmpty:
            variants.insert(.dapodikTitles)
            return person.name + ", " + back.joined(separator: ", ")
        case 3 where !back.isEmpty:
            variants.insert(.dapodikTitles)
            return person.name + " " + back.joined(separator: " ")
        case 4 where !front.isEmpty:
            variants.insert(.dapodikTitles)
            return front.joined(separator: " ") + " " + person.name
                + (back.isEmpty ? "" : ", " + back.joined(separator: ", "))
        default: return person.name
        }
    }

    private static func siasnName(
        _ person: Person, dapodik: PtkRow?, _ variants: inout Set<Variant>, _ random: inout SampleRandom
    ) -> String {
        let name: String
        switch random.weighted([0, 1, 2], [0.55, 0.3, 0.15]) {
        case 1: name = person.name
        case 2 where !person.backTitles.isEmpty:
            name = person.name.uppercased() + ", " + person.backTitles.joined(separator: ", ")
        default: name = person.name.uppercased()
        }
        if let dapodik, dapodik.nama != name {
            variants.insert(dapodik.nama.uppercased() == name.uppercased() ? .caseOnly : .siasnTitlesOrCase)
        }
        return name
    }

    private static func notation(_ golongan: Golongan, plain: Bool, _ random: inout SampleRandom) -> Golongan.Notation {
        if plain { return .slashLower }
        switch golongan {
        case .pppk: return random.chance(0.2) ? .lowerCase : .slashLower
        case .pns:
            return random.weighted(
                [.slashLower, .slashUpper, .joined, .arabic, .arabicSlash], [0.4, 0.15, 0.15, 0.15, 0.15])
        }
    }

    /// The id with its letters' case swapped (ids are compared case-insensitively).
    static func flippedCase(_ id: String) -> String {
        id == id.lowercased() ? id.uppercased() : id.lowercased()
    }
}
