/// The truth's sections about inputs, links, units and SKP rows.
extension TruthBuilder {
    /// Rows and planted rejects per input kind.
    func inputs(people: PeopleJudge, outcomes: [SkpJudge.Outcome]) -> JSONValue {
        var rejects: [String: [(String, Int, String)]] = [:]
        for (index, located) in records.ptk.enumerated() where people.rejectedPtk.contains(index) {
            rejects["dapodik_ptk", default: []].append((located.file, located.line, located.reject ?? "invalid value"))
        }
        for (index, located) in records.pns.enumerated() where people.rejectedPns.contains(index) {
            rejects["siasn_pns", default: []].append((located.file, located.line, "invalid value"))
        }
        for (located, outcome) in zip(records.skp, outcomes) where outcome.kind == "rejected" {
            rejects["pmm_skp", default: []].append((located.file, located.line, outcome.rejectReason))
        }
        let kinds = ["dapodik_sekolah", "dapodik_ptk", "siasn_pns", "siasn_unor", "unor_npsn", "pmm_skp"]
        return .object(
            kinds.map { kind in
                let kindFiles = files.filter { $0.kind == kind }
                let rows = kindFiles.reduce(0) { $0 + $1.rows }
                let lines = (rejects[kind] ?? []).sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                return (
                    kind,
                    .object([
                        ("files", .strings(kindFiles.map(\.path))), ("rows", .int(rows)),
                        ("rows_alt", .array([.int(rows)])),
                        ("rejected", .int(lines.count)),
                        ("reject_lines", .array(lines.map { .array([.string($0.0), .int($0.1), .string($0.2)]) })),
                    ])
                )
            })
    }

    /// One entry per Dapodik ASN person: how they were linked.
    func links(_ people: PeopleJudge) -> JSONValue {
        .array(
            people.persons.filter(\.isASN).map { person in
                let found = people.candidates[person.ptkID] ?? []
                var method = "TIDAK"
                var pnsID: String?
                var nipSiasn: String?
                if let index = people.linked[person.ptkID] {
                    method = "NIP"
                    pnsID = people.siasn[index].pnsID
                    nipSiasn = people.siasn[index].nip
                } else if found.count == 1 {
                    method = "SARAN"
                    pnsID = people.siasn[found[0]].pnsID
                    nipSiasn = people.siasn[found[0]].nip
                } else if found.count > 1 {
                    method = "GANDA"
                }
                return .object([
                    ("ptk_id", .string(person.ptkID)), ("nip", .string(person.reading.digits)),
                    ("method", .string(method)),
                    ("pns_id", .string(pnsID)), ("nip_siasn", .string(nipSiasn)),
                    ("candidates", .int(method == "NIP" ? 0 : found.count)),
                    ("note", .string(plan.annotations.note(for: "ptk:" + person.ptkID, code: "*"))),
                ])
            })
    }

    /// The unit of every Negeri school (none when unmatched), with what was planted there.
    func unorMap(_ schools: SchoolJudge) -> JSONValue {
        var planned: [String: PlannedSchool] = [:]
        for school in plan.schools { planned[school.real.npsn] = school }
        return .array(
            schools.schools.filter(\.negeri).map { school in
                let plannedSchool = planned[school.npsn]
                return .object([
                    ("npsn", .string(school.npsn)), ("unor_id", .string(schools.unitOfSchool[school.npsn])),
                    ("method", .string(schools.method[school.npsn] ?? "TIDAK")),
                    ("number_trap", .bool(plannedSchool?.numberTrap ?? false)),
                    ("roles", .strings(plannedSchool?.roles ?? [])),
                ])
            })
    }

    /// One SKP row's expected outcome.
    mutating func skpEntry(_ outcome: SkpJudge.Outcome) -> JSONValue {
        skpCounts[outcome.kind + (outcome.kind == "skipped" ? ":" + (outcome.reasons.first ?? "") : ""), default: 0] +=
            1
        if outcome.kind == "eligible" { skpCounts["eligible:" + outcome.peran, default: 0] += 1 }
        if outcome.kind == "blocked" {
            for reason in outcome.reasons { skpCounts["blocked:" + reason, default: 0] += 1 }
            if outcome.reasons.count > 1 { skpCounts["blocked:several", default: 0] += 1 }
        }
        let note =
            plan.annotations.skpNotes[outcome.nip + "|" + outcome.periode + "|" + outcome.peran]
            ?? (outcome.kind == "rejected" ? outcome.rejectReason : "")
        var pairs: [(String, JSONValue)] = [
            ("nip", .string(outcome.nip)), ("periode", .string(outcome.periode)), ("peran", .string(outcome.peran)),
            ("outcome", .string(outcome.kind)), ("note", .string(note)),
        ]
        switch outcome.kind {
        case "skipped": pairs.append(("reason", .string(outcome.reasons.first ?? "")))
        case "blocked":
            pairs.append(("required", .array(outcome.reasons.map { .strings([$0]) })))
            pairs.append(("allowed", .strings(outcome.reasons)))
        case "eligible":
            pairs += [
                ("penilai_pns_id", .string(outcome.penilaiPnsID)), ("penilai_role", .string(outcome.penilaiRole)),
                ("pegawai_pns_id", .string(outcome.pegawaiPnsID)),
                ("model_skp", .string(outcome.peran == "GURU" ? "JF" : "JPT")), ("tahap", .string(outcome.tahap)),
            ]
        default: pairs.append(("line", .int(outcome.line)))
        }
        return .object(pairs)
    }
}
