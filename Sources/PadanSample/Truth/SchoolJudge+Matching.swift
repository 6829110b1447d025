/// The three steps of `rules.md` section 3.
extension SchoolJudge {
    mutating func match(crosswalk: [CrosswalkRow], sitting: Set<String>) {
        var taken = Set<String>()
        var unitsOfGovernment: [String: [String]] = [:]
        for id in units.keys.sorted() {
            guard let unit = units[id], unit.schoolLike, !unit.sub, unit.active else { continue }
            unitsOfGovernment[unit.government, default: []].append(id)
        }
        var regionEndings: [(String, [[String]])] = []
        for school in schools where !regionEndings.contains(where: { $0.0 == school.kabupaten }) {
            regionEndings.append((school.kabupaten, school.endings))
        }
        // Per unit, the regions whose endings its name ends with; per region, units by their name
        // with that region dropped (what step 2 compares for the region's schools).
        var endsWith: [String: [(String, [String])]] = [:]
        var byName: [String: [String]] = [:]
        for (_, ids) in unitsOfGovernment {
            for id in ids {
                guard let unit = units[id] else { continue }
                for (region, endings) in regionEndings {
                    for ending in endings where SchoolName.endsWithAny(unit.tokens, [ending]) {
                        endsWith[id, default: []].append((region, ending))
                    }
                    let key = region + "|" + SchoolName.droppingRegion(unit.tokens, endings).joined(separator: " ")
                    byName[key, default: []].append(id)
                }
            }
        }
        func isCandidate(_ id: String, for school: School) -> Bool {
            guard !taken.contains(id) else { return false }
            return !(endsWith[id] ?? []).contains { region, ending in
                region != school.kabupaten && !school.endings.contains(ending)
            }
        }
        func candidates(_ school: School) -> [Unit] {
            (unitsOfGovernment[school.government] ?? []).compactMap { id in
                isCandidate(id, for: school) ? units[id] : nil
            }
        }
        func equalCandidates(_ school: School) -> [Unit] {
            let ids = byName[school.kabupaten + "|" + school.key.joined(separator: " ")] ?? []
            return ids.sorted().compactMap { id in
                guard let unit = units[id], unit.government == school.government, isCandidate(id, for: school) else {
                    return nil
                }
                return unit
            }
        }
        let negeri = schools.filter(\.negeri)

        // Step 1: the crosswalk, rows in conflict left out.
        var partnersOfNPSN: [String: Set<String>] = [:]
        var partnersOfUnit: [String: Set<String>] = [:]
        let rows = crosswalk.compactMap { row -> (String, String)? in
            guard let unit = ValueReading.clean(row.unorID)?.lowercased(), let npsn = ValueReading.clean(row.npsn)
            else {
                return nil
            }
            partnersOfNPSN[npsn, default: []].insert(unit)
            partnersOfUnit[unit, default: []].insert(npsn)
            return (unit, npsn)
        }
        doubledNPSNs = partnersOfNPSN.filter { $0.value.count > 1 }.keys.sorted()
        doubledUnits = partnersOfUnit.filter { $0.value.count > 1 }.keys.sorted()
        for (unit, npsn) in rows where !doubledNPSNs.contains(npsn) && !doubledUnits.contains(unit) {
            guard let index = schoolIndex[npsn], schools[index].negeri else { continue }
            unitOfSchool[npsn] = unit
            method[npsn] = "PEMADANAN"
            taken.insert(unit)
        }

        // Step 2: equal names; among several, the one people sit in.
        var claims: [(String, [String])] = []
        func claim(_ unit: String, _ npsn: String) {
            if let index = claims.firstIndex(where: { $0.0 == unit }) {
                claims[index].1.append(npsn)
            } else {
                claims.append((unit, [npsn]))
            }
        }
        for school in negeri where unitOfSchool[school.npsn] == nil {
            let equal = equalCandidates(school)
            if equal.count == 1 {
                claim(equal[0].id, school.npsn)
            } else if equal.count > 1 {
                let occupied = equal.filter { hasPeople($0.id, sitting) }
                if occupied.count == 1 { claim(occupied[0].id, school.npsn) }
            }
        }
        var stopped = Set<String>()
        for (unit, claimants) in claims {
            taken.insert(unit)
            if claimants.count == 1 {
                unitOfSchool[claimants[0]] = unit
                method[claimants[0]] = "NAMA"
            } else {
                for npsn in claimants {
                    suggestion[npsn] = unit
                    stopped.insert(npsn)
                }
            }
        }

        // Step 3: the best score, high enough and far enough ahead of the second.
        claims = []
        for school in negeri where unitOfSchool[school.npsn] == nil && !stopped.contains(school.npsn) {
            guard let parsed = school.parsed else { continue }
            var scored: [(Double, String)] = []
            var near = 0
            for unit in candidates(school) {
                let tokens = SchoolName.droppingRegion(unit.tokens, school.endings)
                guard let other = SchoolName.parse(tokens), other.isCompatible(with: parsed) else { continue }
                scored.append((JaroWinkler.softDice(parsed.places, other.places), unit.id))
                if JaroWinkler.nearThreshold(parsed.places, other.places) { near += 1 }
            }
            scored.sort { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            scores[school.npsn] = scored
            nearTokenPairs[school.npsn] = near
            if let best = scored.first, best.0 > 0 { suggestion[school.npsn] = best.1 }
            let second = scored.count > 1 ? scored[1].0 : 0
            if let best = scored.first, best.0 >= 0.85, best.0 - second >= 0.05 { claim(best.1, school.npsn) }
        }
        for (unit, claimants) in claims {
            taken.insert(unit)
            if claimants.count == 1 {
                unitOfSchool[claimants[0]] = unit
                method[claimants[0]] = "FUZZY"
                suggestion[claimants[0]] = nil
            } else {
                for npsn in claimants { suggestion[npsn] = unit }
            }
        }
        for (npsn, unit) in unitOfSchool { ownerOfUnit[unit] = npsn }
    }

    /// Whether someone sits in the unit or any unit below it.
    private func hasPeople(_ unit: String, _ sitting: Set<String>) -> Bool {
        var stack = [unit]
        var seen = Set<String>()
        while let id = stack.popLast() {
            if sitting.contains(id) { return true }
            guard seen.insert(id).inserted else { continue }
            stack += children[id] ?? []
        }
        return false
    }
}
