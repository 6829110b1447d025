/// Schools planted to test the BKD's crosswalk (`unor_npsn`, `rules.md` section 3 step 1).
extension SchoolPlacer {
    /// A school paired by hand with a unit named after the kecamatan's numbering, which no name
    /// rule would find.
    mutating func plantCrosswalk(region: Int) {
        guard
            let entry = pool.take(
                region: region, random: &random, index: index, where: { !$0.school.level.isProvincial })
        else { return }
        reserveName(of: entry)
        let school = add(entry, roles: ["crosswalk"])
        let level = entry.school.level.rawValue
        let kecamatan = SchoolName.plainTokens(entry.school.kecamatan).filter { $0 != "KEC" }.joined(separator: " ")
        let name = "UPT SATUAN PENDIDIKAN \(level) NEGERI \(random.int(11...39)) \(kecamatan)"
        let unit = addUnit(name: name, parent: officeUnit(for: entry), government: entry.government, visible: false)
        plan.schools[school].seatUnit = unit
        plan.crosswalk.append(
            CrosswalkRow(
                unorID: unit, npsn: entry.school.npsn,
                keterangan: "Pemadanan manual BKD: nama UNOR mengikuti penomoran kecamatan"))
        plan.annotations.count("crosswalk")
    }

    /// A crosswalk row confirming what the name rule finds anyway.
    mutating func plantCrosswalkConfirm(region: Int) {
        guard let entry = pool.take(region: region, random: &random, index: index),
            let school = addMatched(entry, roles: ["crosswalk_confirm"])
        else { return }
        plan.crosswalk.append(
            CrosswalkRow(
                unorID: plan.schools[school].seatUnit.lowercased(),
                npsn: entry.school.npsn, keterangan: "Sudah diverifikasi"))
        plan.annotations.count("crosswalk_confirm")
    }

    /// A school paired with its old, inactive unit; its people sit in the new unit filed under it.
    mutating func plantCrosswalkInactive(region: Int) {
        guard
            let entry = pool.take(
                region: region, random: &random, index: index, where: { !$0.school.level.isProvincial })
        else { return }
        reserveName(of: entry)
        let school = add(entry, roles: ["crosswalk_inactive"])
        let old = addUnit(
            name: "UPTD SATUAN PENDIDIKAN " + entry.school.name, parent: officeUnit(for: entry),
            government: entry.government, aktif: random.pick(["0", "false", "N"]), visible: false)
        let current = addUnit(
            name: "UPTD SATUAN PENDIDIKAN " + entry.school.name, parent: old,
            government: entry.government, visible: false)
        plan.schools[school].seatUnit = current
        plan.crosswalk.append(
            CrosswalkRow(unorID: old, npsn: entry.school.npsn, keterangan: "Sudah diverifikasi (UNOR lama)"))
        plan.annotations.count("crosswalk_inactive")
    }

    /// One NPSN paired with two units (its own and a partner school's): `PEMADANAN_GANDA` for the
    /// school, neither row used, both schools matched by name.
    mutating func plantCrosswalkNpsnTwice(region: Int) {
        guard let entry = pool.take(region: region, random: &random, index: index),
            let school = addMatched(entry, roles: ["crosswalk_npsn_twice"]),
            let partnerEntry = pool.take(region: region, random: &random, index: index),
            let partner = addMatched(partnerEntry, roles: ["crosswalk_npsn_partner"])
        else { return }
        plan.crosswalk.append(
            CrosswalkRow(
                unorID: plan.schools[school].seatUnit, npsn: entry.school.npsn,
                keterangan: "Pemadanan awal"))
        plan.crosswalk.append(
            CrosswalkRow(
                unorID: plan.schools[partner].seatUnit, npsn: entry.school.npsn,
                keterangan: "Pemadanan ulang (salah)"))
        plan.annotations.note(
            "npsn:" + entry.school.npsn, "crosswalk pairs the NPSN with two units",
            code: "PEMADANAN_GANDA")
        plan.annotations.count("crosswalk_npsn_twice")
    }

    /// One unit paired with two NPSNs: `PEMADANAN_GANDA` for the unit, both schools matched by name.
    mutating func plantCrosswalkUnitTwice(region: Int) {
        guard let entry = pool.take(region: region, random: &random, index: index),
            let school = addMatched(entry, roles: ["crosswalk_unor_twice"]),
            let partnerEntry = pool.take(region: region, random: &random, index: index),
            addMatched(partnerEntry, roles: ["crosswalk_unor_partner"]) != nil
        else { return }
        let unit = plan.schools[school].seatUnit
        plan.crosswalk.append(
            CrosswalkRow(unorID: unit, npsn: partnerEntry.school.npsn, keterangan: "Pemadanan ulang (salah)"))
        plan.crosswalk.append(CrosswalkRow(unorID: unit, npsn: entry.school.npsn, keterangan: "Pemadanan awal"))
        plan.annotations.note(
            "unor:" + unit.lowercased(), "crosswalk pairs the unit with two NPSNs",
            code: "PEMADANAN_GANDA")
        plan.annotations.count("crosswalk_unor_twice")
    }

    /// A province school without its unit, beside a unit of another kabupaten of the region whose
    /// name, but for that kabupaten at its end, reads like the school's: no candidate.
    mutating func plantOtherRegionTrap(region: Int, otherRegion: Int) {
        guard
            let entry = pool.take(
                region: region, random: &random, index: index,
                where: {
                    $0.school.level.isProvincial && !($0.parsed?.places.isEmpty ?? true)
                })
        else { return }
        let other = plan.catalogRegions[otherRegion]
        let name = "UPT " + respelled(entry.school.name) + " KAB " + other.bareName.uppercased()
        let tokens = SchoolName.tokens(name)
        guard index.endsWithOtherRegion(tokens, ownRegion: region),
            !index.isClaimed(unitTokens: tokens, government: entry.government),
            let branch = branchOfRegion[otherRegion]
        else { return }
        reserveName(of: entry)
        add(entry, roles: ["other_region_trap"])
        let unit = addUnit(name: name, parent: branch, government: entry.government, visible: true)
        plan.annotations.suggestionNoneOf[entry.school.npsn] = [unit]
        plan.annotations.count("other_region_trap")
    }

    /// A province school whose only near unit has a branch word added (`… FILIAL`): below the
    /// threshold, so unmatched, and that unit is its suggestion.
    mutating func plantUnmappedWithSuggestion(region: Int) {
        guard
            let entry = pool.take(
                region: region, random: &random, index: index,
                where: {
                    $0.school.level.isProvincial && (1...2).contains($0.parsed?.places.count ?? 0)
                }),
            let parsed = entry.parsed
        else { return }
        reserveName(of: entry)
        let school = add(entry, roles: ["unmapped_suggest"])
        let name = (["UPT SATUAN PENDIDIKAN", parsed.level] + parsed.numbers + parsed.places + ["FILIAL"])
            .joined(separator: " ")
        plan.schools[school].seatUnit = addUnit(
            name: name, parent: officeUnit(for: entry), government: entry.government,
            visible: true)
        plan.annotations.count("unmapped_suggest")
    }
}
