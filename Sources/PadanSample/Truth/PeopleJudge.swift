/// `rules.md` sections 2 and 4 applied to the people as written: who links to whom, who has
/// candidates, and every disparity raised for a person.
struct PeopleJudge {
    struct DapodikPerson {
        var ptkID: String
        var name: String
        var nipValue: String?
        var reading: NIP.Reading
        var sex: Sex
        var birth: Day
        var status: String
        var jenisPTK: String
        var golongan: String?
        var npsn: String
        /// Every school the person has a row at, with that row's `tugas_tambahan` and `jenis_ptk`.
        var posts: [(npsn: String, tugas: String, jenis: String)]
        var isASN: Bool { ["PNS", "PNS DIPERBANTUKAN", "CPNS", "PPPK", "PPPK PARUH WAKTU"].contains(status) }
        var isDepag: Bool { status == "PNS DEPAG" }
    }

    struct SiasnPerson {
        var pnsID: String
        var nip: String
        var name: String
        var birth: Day
        var sex: Sex?
        var kedudukan: String
        var golongan: String?
        var jabatan: String
        var unit: String
        var government: String
    }

    var persons: [DapodikPerson] = []
    var siasn: [SiasnPerson] = []
    var siasnByNIP: [String: Int] = [:]
    /// Dapodik person → SIASN index, for exact links.
    var linked: [String: Int] = [:]
    /// The `NIP_*` code of each unlinked ASN person.
    var nipCode: [String: String] = [:]
    var candidates: [String: [Int]] = [:]
    var findings: [Finding] = []
    /// Codes raised for each Dapodik person.
    var codesOf: [String: [String]] = [:]
    /// Ptk rows and SIASN rows that must be rejected (index in the records).
    var rejectedPtk = Set<Int>()
    var rejectedPns = Set<Int>()
    /// Name pairs compared (linked, or of the same birth date and sex) whose similarity sits within
    /// 0.025 of the name threshold: a planted case must never depend on such a pair.
    var namesNearThreshold: [String] = []

    init(records: WrittenRecords) {
        readDapodik(records.ptk)
        readSiasn(records.pns)
    }

    private mutating func readDapodik(_ rows: [Located<PtkRow>]) {
        var groups: [[(PtkRow, Day, Sex)]] = []
        var groupOf: [String: Int] = [:]
        var ids: [String] = []
        for (number, located) in rows.enumerated() {
            let row = located.row
            guard located.reject == nil, case .day(let birth) = ValueReading.date(ValueReading.clean(row.tanggalLahir)),
                let sex = ValueReading.sex(ValueReading.clean(row.jenisKelamin))
            else {
                rejectedPtk.insert(number)
                continue
            }
            let id = (ValueReading.clean(row.ptkID) ?? "\(located.file):\(located.line)").lowercased()
            if let group = groupOf[id] {
                groups[group].append((row, birth, sex))
            } else {
                groupOf[id] = groups.count
                groups.append([(row, birth, sex)])
                ids.append(id)
            }
        }
        for (id, group) in zip(ids, groups) {
            let main =
                group.first { ["INDUK", "1"].contains((ValueReading.clean($0.0.statusTugas) ?? "Induk").uppercased()) }
                ?? group[0]
            let (row, birth, sex) = main
            let nipValue = ValueReading.clean(row.nip)
            persons.append(
                DapodikPerson(
                    ptkID: id, name: row.nama, nipValue: nipValue, reading: NIP.read(nipValue), sex: sex, birth: birth,
                    status: (ValueReading.clean(row.statusKepegawaian) ?? "").uppercased(),
                    jenisPTK: (ValueReading.clean(row.jenisPTK) ?? "").uppercased(),
                    golongan: ValueReading.golongan(ValueReading.clean(row.pangkatGolongan)), npsn: row.npsn,
                    posts: group.map { entry in
                        (
                            npsn: entry.0.npsn, tugas: (ValueReading.clean(entry.0.tugasTambahan) ?? "").uppercased(),
                            jenis: (ValueReading.clean(entry.0.jenisPTK) ?? "").uppercased()
                        )
                    }))
        }
    }

    private mutating func readSiasn(_ rows: [Located<PnsRow>]) {
        for (number, located) in rows.enumerated() {
            let row = located.row
            guard case .day(let birth) = ValueReading.date(ValueReading.clean(row.tanggalLahir)),
                let id = ValueReading.clean(row.pnsID), let nip = ValueReading.clean(row.nipBaru)
            else {
                rejectedPns.insert(number)
                continue
            }
            siasnByNIP[nip] = siasn.count
            siasn.append(
                SiasnPerson(
                    pnsID: id.lowercased(), nip: nip, name: row.nama, birth: birth,
                    sex: ValueReading.sex(ValueReading.clean(row.jenisKelamin)),
                    kedudukan: (ValueReading.clean(row.kedudukan) ?? "").uppercased(),
                    golongan: ValueReading.golongan(ValueReading.clean(row.golongan)), jabatan: row.jabatan,
                    unit: (ValueReading.clean(row.unorID) ?? "").lowercased(),
                    government: ValueReading.government(instansi: ValueReading.clean(row.instansi))))
        }
    }

    /// One finding of the catalogue, with what the truth needs to name it.
    struct Finding {
        var code: String
        var subject: String
        var keys: [[String]]
        /// `any_of` values, `none_of` values.
        var anyOf: [String] = []
        var noneOf: [String] = []
        /// The school and NIP for escalation; `nil` context for SIASN people and units.
        var npsn: String?
        var nip: String = ""
        /// The truth subject key for notes (`ptk:…`, `asn:…`, `npsn:…`, `unor:…`).
        var noteKey: String
    }
}
