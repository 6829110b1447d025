/// Schools planted to test matching by name (`rules.md` section 3, steps 2 and 3).
extension SchoolPlacer {
    /// Adds a school matched by name to a unit of its own; `nil` (and nothing added) if impossible.
    @discardableResult
    mutating func addMatched(_ entry: SchoolPool.Entry, name: String? = nil, roles: [String] = []) -> Int? {
        let schoolIndex = add(entry, name: name, roles: roles)
        guard placeMatchedUnit(schoolIndex, entry: entry) != nil else {
            plan.schools.removeLast()
            return nil
        }
        return schoolIndex
    }

    /// `SD NEGERI 1 X` and `SD NEGERI 2 X`, both matched by name; with `trap`, the first has no unit
    /// and must not take its sibling's.
    mutating func plantNumberPair(region: Int, trap: Bool) {
        guard let (first, second) = pool.takeNumberPair(region: region, random: &random, index: index) else { return }
        if trap {
            reserveName(of: first)
            let lonely = add(first, roles: ["number_pair", "number_trap"])
            plan.schools[lonely].numberTrap = true
            if let sibling = addMatched(second, roles: ["number_pair"]) { plan.schools[sibling].numberTrap = true }
            plan.annotations.count("number_trap")
        } else {
            for entry in [first, second] {
                if let school = addMatched(entry, roles: ["number_pair"]) { plan.schools[school].numberTrap = true }
            }
            plan.annotations.count("number_pair")
        }
    }

    /// A school with two units of its name: the one its people sit in, and a stale copy nobody uses.
    mutating func plantStaleDuplicate(region: Int) {
        guard let entry = pool.take(region: region, random: &random, index: index),
            let school = addMatched(entry, roles: ["stale_duplicate"])
        else { return }
        let stale = "UPT " + plan.schools[school].name.uppercased()
        addUnit(name: stale, parent: officeUnit(for: entry), government: entry.government, visible: true)
        plan.annotations.count("stale_duplicate")
    }

    /// A school whose unit is filed under another school's unit: a sub-unit, so no candidate.
    mutating func plantNested(region: Int) {
        guard let hostEntry = pool.take(region: region, random: &random, index: index),
            let host = addMatched(hostEntry, roles: ["nested_host"]),
            let entry = pool.take(region: region, random: &random, index: index)
        else { return }
        reserveName(of: entry)
        let school = add(entry, roles: ["nested"])
        let unit = addUnit(
            name: "UPT " + entry.school.name, parent: plan.schools[host].seatUnit,
            government: entry.government, visible: false)
        plan.schools[school].seatUnit = unit
        plan.annotations.suggestionNoneOf[entry.school.npsn] = [unit]
        plan.annotations.count("nested")
    }

    /// Two schools of one name (villages of the same name in two kecamatan) and one unit of that
    /// name: step 2 gives it to both, so neither gets it.
    mutating func plantClaimedTwice(region: Int) {
        guard let first = pool.take(region: region, random: &random, index: index, where: { $0.school.level == .sd }),
            let second = pool.take(
                region: region, random: &random, index: index,
                where: { $0.school.level == .sd && $0.school.kecamatan != first.school.kecamatan })
        else { return }
        let twinName = respelled(first.school.name)
        reserveName(of: first)
        let a = add(first, roles: ["claimed_twice"])
        let b = add(second, name: twinName, roles: ["claimed_twice"])
        let unit = addUnit(
            name: "UPTD " + first.school.name, parent: officeUnit(for: first),
            government: first.government, visible: true)
        plan.schools[a].seatUnit = unit
        plan.schools[b].seatUnit = unit
        let why = "two schools claim one unit by name: not a crosswalk conflict"
        for subject in [["npsn", first.school.npsn], ["npsn", second.school.npsn], ["unor_id", unit.lowercased()]] {
            plan.annotations.negatives.append(
                NegativeCase(code: "PEMADANAN_GANDA", keys: [subject], why: why, always: true))
        }
        plan.annotations.count("claimed_twice")
    }

    /// A school whose name-twin took the exact unit through the crosswalk; it must find its own unit,
    /// spelled with a slip, by score (step 3), not the taken one.
    mutating func plantTakenTrap(region: Int) {
        guard
            let trapEntry = pool.take(
                region: region, random: &random, index: index,
                where: { entry in
                    entry.school.level == .sd && (entry.parsed?.places.contains { $0.count >= 6 } ?? false)
                }),
            let place = trapEntry.parsed?.places.first(where: { $0.count >= 6 }),
            let slip = typo(of: place, like: trapEntry),
            let slipped = replacing(place, with: slip, in: "UPT " + trapEntry.school.name),
            let twinEntry = pool.take(
                region: region, random: &random, index: index,
                where: {
                    $0.school.level == .sd && $0.school.kecamatan != trapEntry.school.kecamatan
                })
        else { return }
        reserveName(of: trapEntry)
        let trap = add(trapEntry, roles: ["taken_trap"])
        let twin = add(twinEntry, name: respelled(trapEntry.school.name), roles: ["taken_trap_twin"])
        let exact = addUnit(
            name: "UPT SATUAN PENDIDIKAN " + trapEntry.school.name, parent: officeUnit(for: trapEntry),
            government: trapEntry.government, visible: true)
        let region = plan.catalogRegions[trapEntry.school.regionIndex]
        let suffix = UnitNaming.regionSuffix(region, unambiguous: false, &random)
        let fuzzy = addUnit(
            name: slipped + " " + suffix, parent: officeUnit(for: trapEntry), government: trapEntry.government,
            visible: true)
        plan.schools[trap].seatUnit = fuzzy
        plan.schools[twin].seatUnit = exact
        plan.crosswalk.append(
            CrosswalkRow(
                unorID: exact, npsn: twinEntry.school.npsn,
                keterangan: "Pemadanan manual BKD: dua sekolah bernama sama"))
        plan.annotations.count("taken_trap")
    }

    /// A school whose unit is spelled with a one-letter slip: matched by score (step 3).
    mutating func plantFuzzy(region: Int, provincial: Bool) {
        guard
            let entry = pool.take(
                region: region, random: &random, index: index,
                where: { entry in
                    entry.school.level.isProvincial == provincial
                        && (entry.parsed?.places.contains { $0.count >= 6 } ?? false)
                }),
            let place = entry.parsed?.places.first(where: { $0.count >= 6 }),
            let slip = typo(of: place, like: entry),
            var name = replacing(place, with: slip, in: entry.school.name)
        else { return }
        reserveName(of: entry)
        let school = add(entry, roles: ["fuzzy"])
        let region = plan.catalogRegions[entry.school.regionIndex]
        name = random.pick(["UPT ", "UPTD SATUAN PENDIDIKAN ", ""]) + name
        if provincial || random.chance(0.5) {
            name += " " + UnitNaming.regionSuffix(region, unambiguous: provincial, &random)
        }
        plan.schools[school].seatUnit = addUnit(
            name: name, parent: officeUnit(for: entry), government: entry.government,
            visible: true)
        plan.annotations.count("fuzzy")
    }

    /// A school with no unit at all.
    mutating func plantUnmapped(region: Int, provincial: Bool) {
        guard
            let entry = pool.take(
                region: region, random: &random, index: index,
                where: {
                    $0.school.level.isProvincial == provincial
                })
        else { return }
        reserveName(of: entry)
        add(entry, roles: ["unmapped"])
        plan.annotations.count("unmapped")
    }

    /// `SDN X` ↔ `SD NEGERI X`: another school's spelling of the same name.
    func respelled(_ name: String) -> String {
        for level in ["SMP", "SMA", "SMK", "SD"] {
            if name.hasPrefix(level + " NEGERI ") { return level + "N " + name.dropFirst(level.count + 8) }
            if name.hasPrefix(level + "N ") { return level + " NEGERI " + name.dropFirst(level.count + 2) }
            if name.hasPrefix(level + " N ") { return level + "N " + name.dropFirst(level.count + 3) }
        }
        return name
    }

    /// `text` with the first whole word equal (case-insensitively) to `word` replaced; `nil` if none is.
    func replacing(_ word: String, with replacement: String, in text: String) -> String? {
        var words = text.split(separator: " ").map(String.init)
        guard let position = words.firstIndex(where: { SchoolName.plainTokens($0) == [word] }) else { return nil }
        words[position] = replacement
        return words.joined(separator: " ")
    }
}
