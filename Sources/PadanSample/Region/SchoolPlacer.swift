/// Adds schools and their units to a plan, keeping the match index in step.
struct SchoolPlacer {
    var plan: RegionPlan
    var pool: SchoolPool
    var index: MatchIndex
    var random: SampleRandom
    var branchOfRegion: [Int: String]
    private var depthOfUnit: [String: Int] = [:]

    init(plan: RegionPlan, pool: SchoolPool, index: MatchIndex, random: SampleRandom, branchOfRegion: [Int: String]) {
        self.plan = plan
        self.pool = pool
        self.index = index
        self.random = random
        self.branchOfRegion = branchOfRegion
        for unit in plan.units { depthOfUnit[unit.id] = unit.depth }
    }

    /// Adds a school (under `name`, if it is renamed) and returns its index in the plan.
    @discardableResult
    mutating func add(_ entry: SchoolPool.Entry, name: String? = nil, roles: [String] = []) -> Int {
        pool.use(entry.school.npsn)
        plan.schools.append(
            PlannedSchool(
                real: entry.school, name: name ?? entry.school.name, government: entry.government,
                seatUnit: officeUnit(for: entry), roles: roles))
        return plan.schools.count - 1
    }

    /// The office a school's unit hangs under: the Dinas (kabupaten) or the region's branch (province).
    func officeUnit(for entry: SchoolPool.Entry) -> String {
        if entry.school.level.isProvincial, let branch = branchOfRegion[entry.school.regionIndex] { return branch }
        return plan.offices[entry.government].dinasID
    }

    /// Adds a unit; `visible` ones (school-like, active, not under a school) enter the match index.
    @discardableResult
    mutating func addUnit(
        name: String, parent: String, government: Int, aktif: String? = "1", visible: Bool
    ) -> String {
        let id = Identifiers.siasnID(&random)
        let depth = (depthOfUnit[parent] ?? 1) + 1
        depthOfUnit[id] = depth
        let written = aktif == "1" ? random.pick(["1", "1", "true", "Y", nil]) : aktif
        let unitIndex = plan.addUnit(
            PlannedUnit(
                id: id, name: name, parentID: parent, instansiID: plan.offices[government].rootID,
                aktif: written, depth: depth))
        if visible { index.addUnit(named: name, government: government, index: unitIndex) }
        return id
    }

    /// Gives school `schoolIndex` a unit of its own name (in some SIASN spelling) that step 2 of the
    /// unit matching finds for it alone; `nil` when the region's names make that impossible.
    mutating func placeMatchedUnit(_ schoolIndex: Int, entry: SchoolPool.Entry, forceSuffix: Bool = false) -> String? {
        let region = plan.catalogRegions[entry.school.regionIndex]
        let key = index.schoolKey(plan.schools[schoolIndex].name, region: entry.school.regionIndex)
        let need: UnitNaming.SuffixNeed =
            forceSuffix || entry.school.level.isProvincial
            ? (random.chance(0.5) || forceSuffix ? .unambiguous : .any) : .none
        var names = [
            UnitNaming.name(for: plan.schools[schoolIndex].name, region: region, suffix: need, random: &random)
        ]
        names.append(plan.schools[schoolIndex].name + " " + UnitNaming.regionSuffix(region, unambiguous: true, &random))
        names.append(plan.schools[schoolIndex].name)
        guard
            let name = names.first(where: {
                index.canPlace(
                    schoolKey: key, unitName: $0, region: entry.school.regionIndex,
                    government: entry.government)
            })
        else { return nil }
        index.claim(schoolKey: key, region: entry.school.regionIndex, government: entry.government)
        let id = addUnit(name: name, parent: officeUnit(for: entry), government: entry.government, visible: true)
        plan.schools[schoolIndex].seatUnit = id
        if entry.school.level != .sd && random.chance(0.35) {
            let prefix = random.pick(["SUB BAGIAN TATA USAHA ", "KELOMPOK JABATAN FUNGSIONAL GURU "])
            let sub = addUnit(
                name: prefix + plan.schools[schoolIndex].name, parent: id, government: entry.government,
                visible: false)
            plan.schools[schoolIndex].subUnits.append(sub)
        }
        return id
    }

    /// Keeps a school's name from being matched by any later unit (a school planted without a unit).
    mutating func reserveName(of entry: SchoolPool.Entry, name: String? = nil) {
        let key = index.schoolKey(name ?? entry.school.name, region: entry.school.regionIndex)
        index.claim(schoolKey: key, region: entry.school.regionIndex, government: entry.government)
    }

    /// A copy of `token` with one letter dropped or doubled that stays close (Jaro–Winkler ≥ 0.925)
    /// and comes near no other school's place token; `nil` if none does.
    func typo(of token: String, like entry: SchoolPool.Entry) -> String? {
        guard token.count >= 6 else { return nil }
        let characters = Array(token)
        var doubled = characters
        doubled.insert(characters[characters.count - 2], at: characters.count - 2)
        let options = [String(characters.dropLast()), String(doubled)]
        return options.first { option in
            option != token && JaroWinkler.similarity(token, option) >= 0.925 && !pool.isNearOthers(option, like: entry)
        }
    }
}
