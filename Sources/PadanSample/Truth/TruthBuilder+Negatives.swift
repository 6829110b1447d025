/// Findings that must not appear, and the checks that planted cases came out as planted.
extension TruthBuilder {
    /// The plan's negatives and those that follow from the matching, each confirmed against the
    /// findings (a contradicted one is a generator fault, reported in `problems`).
    mutating func negatives(findings: [PeopleJudge.Finding], schools: SchoolJudge, people: PeopleJudge) -> [JSONValue] {
        var byCode: [String: Set<String>] = [:]
        for finding in findings {
            for key in finding.keys {
                byCode[finding.code, default: []].insert(key.joined(separator: "=").lowercased())
            }
        }
        var result: [JSONValue] = []
        var counts: [String: Int] = [:]
        func add(_ code: String, _ keys: [[String]], _ why: String, cap: Int?) {
            if let cap {
                guard counts[code + why, default: 0] < cap else { return }
            }
            if keys.contains(where: { byCode[code]?.contains($0.joined(separator: "=").lowercased()) ?? false }) {
                problems.append("negative contradicted: \(code) \(keys) (\(why))")
                return
            }
            counts[code + why, default: 0] += 1
            result.append(
                .object([
                    ("code", .string(code)), ("keys", .array(keys.map(JSONValue.strings))),
                    ("why", .string(why)),
                ]))
        }
        for negative in plan.annotations.negatives {
            add(negative.code, negative.keys, negative.why, cap: negative.always ? nil : 12)
        }
        var planned: [String: PlannedSchool] = [:]
        for school in plan.schools { planned[school.real.npsn] = school }
        for school in schools.schools where school.negeri {
            guard let method = schools.method[school.npsn] else { continue }
            let roles = planned[school.npsn]?.roles ?? []
            add(
                "NPSN_BELUM_PADAN", [["npsn", school.npsn]],
                "mapped: " + (roles.isEmpty ? method : roles.joined(separator: ", ")),
                cap: roles.isEmpty ? 12 : nil)
        }
        for person in people.persons where person.isASN && people.linked[person.ptkID] != nil {
            guard let index = schools.schoolIndex[person.npsn], schools.schools[index].negeri else { continue }
            let keys = personKeys(person)
            switch schools.method[person.npsn] {
            case nil: add("UNOR_SATPEN_BERBEDA", keys, "the school has no unit", cap: 25)
            case "PEMADANAN": add("UNOR_SATPEN_BERBEDA", keys, "school mapped by crosswalk", cap: 12)
            case "FUZZY": add("UNOR_SATPEN_BERBEDA", keys, "school mapped by fuzzy name", cap: 12)
            default:
                if planned[person.npsn]?.numberTrap ?? false {
                    add("UNOR_SATPEN_BERBEDA", keys, "school with a sibling of another number", cap: 12)
                }
            }
        }
        for person in people.persons {
            guard let found = people.candidates[person.ptkID], found.count == 1 else { continue }
            add(
                "ASN_TIDAK_ADA_DI_DAPODIK", [["pns_id", people.siasn[found[0]].pnsID]],
                "the single suggested candidate of a row", cap: nil)
        }
        return result
    }

    private func personKeys(_ person: PeopleJudge.DapodikPerson) -> [[String]] {
        if case .valid(let digits, _) = person.reading { return [["nip", digits], ["ptk_id", person.ptkID]] }
        return [["ptk_id", person.ptkID]]
    }

    /// Checks that every planted school came out as planted, and that nothing planted sits near a
    /// threshold (scores 0.025 from `unor_threshold` and `unor_margin`, names and place tokens 0.025
    /// from 0.90).
    mutating func check(schools: SchoolJudge, people: PeopleJudge) {
        let expected: [String: String] = [
            "number_pair": "NAMA", "stale_duplicate": "NAMA", "nested_host": "NAMA", "number_style": "NAMA",
            "crosswalk_npsn_twice": "NAMA", "crosswalk_npsn_partner": "NAMA", "crosswalk_unor_twice": "NAMA",
            "crosswalk_unor_partner": "NAMA", "penilai_none": "NAMA", "penilai_unlinked": "NAMA", "penilai_plt": "NAMA",
            "penilai_two_heads": "NAMA", "penilai_jenis_ptk": "NAMA", "fuzzy": "FUZZY", "taken_trap": "FUZZY",
            "crosswalk": "PEMADANAN", "crosswalk_confirm": "PEMADANAN", "crosswalk_inactive": "PEMADANAN",
            "taken_trap_twin": "PEMADANAN", "number_trap": "TIDAK", "nested": "TIDAK", "claimed_twice": "TIDAK",
            "unmapped": "TIDAK", "other_region_trap": "TIDAK", "unmapped_suggest": "TIDAK",
        ]
        for school in plan.schools where school.real.negeri {
            let got = schools.method[school.real.npsn] ?? "TIDAK"
            let want = school.roles.last.flatMap { expected[$0] } ?? "NAMA"
            if got != want { problems.append("school \(school.real.npsn) \(school.roles): \(got), planted \(want)") }
        }
        for (npsn, scored) in schools.scores.sorted(by: { $0.key < $1.key }) {
            let best = scored.first?.0 ?? 0
            let second = scored.count > 1 ? scored[1].0 : 0
            if best >= 0.825 && best < 0.875 { problems.append("school \(npsn): best score \(best) near 0.85") }
            if best >= 0.825 && abs(best - second - 0.05) < 0.025 {
                problems.append("school \(npsn): margin \(best - second) near 0.05")
            }
            if (schools.nearTokenPairs[npsn] ?? 0) > 0 { problems.append("school \(npsn): a place token near 0.90") }
        }
        for pair in people.namesNearThreshold { problems.append("names near 0.90: " + pair) }
    }
}
