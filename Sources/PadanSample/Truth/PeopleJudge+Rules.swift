/// Linking, candidates and the person disparities of `rules.md` sections 2 and 4.
extension PeopleJudge {
    static let stoppedStatuses: Set<String> = ["PENSIUN", "MENINGGAL", "DIBERHENTIKAN"]

    /// Links people, searches candidates and raises every person finding.
    mutating func judge(schools: SchoolJudge) {
        var carriers: [String: Set<String>] = [:]
        var asnCarriers: [String: Set<String>] = [:]
        for person in persons where person.isASN || person.isDepag {
            guard case .valid(let digits, _) = person.reading else { continue }
            carriers[digits, default: []].insert(person.ptkID)
            if person.isASN { asnCarriers[digits, default: []].insert(person.ptkID) }
        }
        for person in persons where person.isASN {
            switch person.reading {
            case .empty: nipCode[person.ptkID] = "NIP_KOSONG"
            case .corrupted: nipCode[person.ptkID] = "NIP_RUSAK"
            case .invalid: nipCode[person.ptkID] = "NIP_TIDAK_VALID"
            case .valid(let digits, _):
                if (asnCarriers[digits]?.count ?? 0) > 1 {
                    nipCode[person.ptkID] = "NIP_GANDA"
                } else if let index = siasnByNIP[digits] {
                    linked[person.ptkID] = index
                } else {
                    nipCode[person.ptkID] = "NIP_TIDAK_DITEMUKAN"
                }
            }
        }
        let linkedSiasn = Set(linked.values)
        var unlinkedByBirth: [String: [Int]] = [:]
        for (index, person) in siasn.enumerated() where !linkedSiasn.contains(index) {
            unlinkedByBirth[person.birth.iso + (person.sex == .male ? "M" : "F"), default: []].append(index)
        }
        for person in persons where person.isASN {
            guard let code = nipCode[person.ptkID], code != "NIP_GANDA" else { continue }
            let name = PersonName.normalize(person.name)
            let pool = unlinkedByBirth[person.birth.iso + (person.sex == .male ? "M" : "F")] ?? []
            candidates[person.ptkID] = pool.filter { index in
                let other = PersonName.normalize(siasn[index].name)
                noteIfNear(name, other)
                return PersonName.samePerson(name, other)
            }
        }
        for person in persons where person.isASN {
            if let code = nipCode[person.ptkID] {
                raiseIdentity(code, for: person)
            } else if let index = linked[person.ptkID] {
                raiseLinked(person, siasn[index], schools: schools)
            }
        }
        raiseMissing(carried: Set(carriers.keys), linked: linkedSiasn, schools: schools)
    }

    /// The SIASN people suggested as the single candidate of some row.
    var suggested: Set<Int> {
        Set(candidates.values.compactMap { $0.count == 1 ? $0[0] : nil })
    }

    /// Keys naming a Dapodik person in the truth.
    func keys(_ person: DapodikPerson) -> [[String]] {
        var keys: [[String]] = []
        if let digits = person.reading.digits, nipCode[person.ptkID] != "NIP_GANDA" { keys.append(["nip", digits]) }
        keys.append(["ptk_id", person.ptkID])
        if let index = linked[person.ptkID] { keys.append(["pns_id", siasn[index].pnsID]) }
        return keys
    }

    private mutating func raiseIdentity(_ code: String, for person: DapodikPerson) {
        var finding = Finding(
            code: code, subject: "PTK", keys: keys(person), npsn: person.npsn,
            nip: person.reading.digits ?? "", noteKey: "ptk:" + person.ptkID)
        let found = candidates[person.ptkID] ?? []
        if found.count == 1 {
            finding.anyOf = [siasn[found[0]].pnsID, siasn[found[0]].nip]
        } else if found.count > 1 {
            finding.noneOf = found.flatMap { [siasn[$0].pnsID, siasn[$0].nip] }
        } else if code == "NIP_GANDA", let digits = person.reading.digits, let owner = siasnByNIP[digits] {
            finding.noneOf = [siasn[owner].pnsID, siasn[owner].nip]
        }
        add(finding, for: person.ptkID)
    }

    private mutating func raiseLinked(_ person: DapodikPerson, _ twin: SiasnPerson, schools: SchoolJudge) {
        var codes: [(String, String?)] = []
        if let index = schools.schoolIndex[person.npsn], schools.schools[index].negeri {
            let school = schools.schools[index]
            if twin.government != school.government {
                codes.append(("UNOR_WILAYAH_BERBEDA", nil))
            } else if let unit = schools.unitOfSchool[person.npsn], schools.school(sittingIn: twin.unit) != person.npsn
            {
                codes.append(("UNOR_SATPEN_BERBEDA", unit))
            }
            if let unit = schools.units[twin.unit], !unit.active { codes.append(("UNOR_TIDAK_AKTIF", nil)) }
        }
        noteIfNear(PersonName.normalize(person.name), PersonName.normalize(twin.name))
        if !PersonName.samePerson(PersonName.normalize(person.name), PersonName.normalize(twin.name)) {
            codes.append(("NAMA_BERBEDA", nil))
        }
        if person.birth != twin.birth { codes.append(("TGL_LAHIR_BERBEDA", nil)) }
        if person.sex != twin.sex { codes.append(("JENIS_KELAMIN_BERBEDA", nil)) }
        if let mine = person.golongan, let theirs = twin.golongan, mine != theirs {
            codes.append(("GOLONGAN_BERBEDA", nil))
        }
        let teaches = person.jenisPTK.hasPrefix("GURU") || person.jenisPTK == "KEPALA SEKOLAH"
        if teaches != twin.jabatan.uppercased().hasPrefix("GURU") { codes.append(("JABATAN_BERBEDA", nil)) }
        let saysPPPK = person.status == "PPPK" || person.status == "PPPK PARUH WAKTU"
        var shape: NIP.Shape?
        if case .valid(_, let found) = person.reading { shape = found }
        if (saysPPPK && shape == .pns) || (!saysPPPK && shape == .pppk) || Self.stoppedStatuses.contains(twin.kedudukan)
        {
            codes.append(("STATUS_BERBEDA", nil))
        }
        for (code, suggestion) in codes {
            var finding = Finding(
                code: code, subject: "PTK", keys: keys(person), npsn: person.npsn,
                nip: person.reading.digits ?? "", noteKey: "ptk:" + person.ptkID)
            if let suggestion { finding.anyOf = [suggestion] }
            add(finding, for: person.ptkID)
        }
    }

    private mutating func raiseMissing(carried: Set<String>, linked: Set<Int>, schools: SchoolJudge) {
        let suggested = self.suggested
        for (index, person) in siasn.enumerated() {
            guard !linked.contains(index), !carried.contains(person.nip), !suggested.contains(index),
                !Self.stoppedStatuses.contains(person.kedudukan)
            else { continue }
            guard person.jabatan.uppercased().hasPrefix("GURU") || schools.school(sittingIn: person.unit) != nil else {
                continue
            }
            findings.append(
                Finding(
                    code: "ASN_TIDAK_ADA_DI_DAPODIK", subject: "ASN", keys: [["pns_id", person.pnsID]],
                    npsn: nil, noteKey: "asn:" + person.pnsID))
        }
    }

    /// Records a pair of names whose similarity is too near the threshold to be planted safely.
    private mutating func noteIfNear(_ a: String, _ b: String) {
        guard a != b else { return }
        let tokensA = Set(a.split(separator: " "))
        let tokensB = Set(b.split(separator: " "))
        guard !tokensA.isSubset(of: tokensB), !tokensB.isSubset(of: tokensA) else { return }
        let score = JaroWinkler.similarity(a, b)
        if score >= 0.875 && score < 0.925 { namesNearThreshold.append("\(a) / \(b): \(score)") }
    }

    private mutating func add(_ finding: Finding, for ptkID: String) {
        findings.append(finding)
        codesOf[ptkID, default: []].append(finding.code)
    }
}
