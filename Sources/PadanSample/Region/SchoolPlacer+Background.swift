/// Schools with ordinary units: penilai cases, Swasta schools, and the background.
extension SchoolPlacer {
    /// A school matched by name whose principal is listed in an unusual way (`rules.md` section 5).
    mutating func plantPenilai(region: Int, style: PrincipalStyle, role: String) {
        guard
            let entry = pool.take(
                region: region, random: &random, index: index, where: { !$0.school.level.isProvincial }),
            let school = addMatched(entry, roles: [role])
        else { return }
        plan.schools[school].principal = style
        plan.annotations.count(role)
    }

    /// A school whose unit writes its number another way (`01` for `1`, `III` for `3`).
    mutating func plantNumberStyle(region: Int) {
        guard
            let entry = pool.take(
                region: region, random: &random, index: index,
                where: { entry in
                    entry.school.name.split(separator: " ").contains { word in
                        (word.hasPrefix("0") && word.count == 2 && word.allSatisfy(\.isASCIIDigit))
                            || ["II", "III", "IV", "V", "VI"].contains(String(word))
                    }
                })
        else { return }
        let school = add(entry, roles: ["number_style"])
        let key = index.schoolKey(entry.school.name, region: region)
        let words = entry.school.name.split(separator: " ").map { word -> String in
            if word.hasPrefix("0"), word.count == 2, let value = Int(word) { return String(value) }
            if let roman = Golongan.romans.firstIndex(of: String(word)), roman > 0 { return String(roman + 1) }
            return String(word)
        }
        let name = "UPT " + words.joined(separator: " ")
        guard index.canPlace(schoolKey: key, unitName: name, region: region, government: entry.government) else {
            plan.schools.removeLast()
            return
        }
        index.claim(schoolKey: key, region: region, government: entry.government)
        plan.schools[school].seatUnit = addUnit(
            name: name, parent: officeUnit(for: entry), government: entry.government,
            visible: true)
        plan.annotations.count("number_style")
    }

    /// A Swasta school where seconded PNS teach.
    mutating func plantSwasta(region: Int) {
        guard
            let entry = pool.take(
                region: region, random: &random, index: index, negeri: false,
                where: {
                    !$0.school.level.isProvincial
                })
        else { return }
        let school = add(entry, roles: ["swasta_seconded"])
        plan.schools[school].principal = .nonASN
        plan.annotations.count("swasta_school")
    }

    /// Adds a school as background: Swasta as it is, Negeri only with a unit of its own name.
    /// Returns whether it was added.
    @discardableResult
    mutating func addBackground(_ entry: SchoolPool.Entry) -> Bool {
        guard !pool.isUsed(entry.school.npsn) else { return false }
        if !entry.school.negeri {
            let school = add(entry)
            plan.schools[school].principal = .nonASN
            return true
        }
        guard entry.parsed != nil, let school = addMatched(entry) else {
            pool.use(entry.school.npsn)
            return false
        }
        plan.schools[school].isHost = true
        return true
    }

    /// Fills `region` with background schools up to `quota` (or all of them when `nil`), in a random
    /// order so that the mix of levels and of Negeri/Swasta is the region's own.
    mutating func fill(region: Int, quota: Int?) {
        guard let list = pool.entries[region] else { return }
        // Only a quota needs the count; counting every region's schools for the whole country would
        // be quadratic.
        var count = quota == nil ? 0 : plan.schools.reduce(0) { $0 + ($1.real.regionIndex == region ? 1 : 0) }
        let order = quota == nil ? list : random.shuffled(list)
        // A few province schools first: the province needs hosts for its people.
        let provincial = order.filter { $0.school.negeri && $0.school.level.isProvincial }.prefix(quota == nil ? 0 : 3)
        for entry in provincial + order {
            if let quota, count >= quota { break }
            if addBackground(entry) { count += 1 }
        }
    }
}
