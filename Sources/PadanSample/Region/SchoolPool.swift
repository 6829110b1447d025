/// The real schools a region may take, with their normalized names, and the choice of schools for
/// planted roles: unused, Negeri, school-like, and with no sibling whose name could come near it
/// (so that a planted fuzzy or unmapped case depends on nothing but what was planted).
struct SchoolPool {
    struct Entry {
        var school: RealSchool
        var government: Int
        /// Normalized name with the school's own region dropped.
        var key: [String]
        var parsed: SchoolName.Parsed?
    }

    private(set) var entries: [Int: [Entry]] = [:]
    private var used = Set<String>()
    /// Distinctiveness, once computed (it depends on the pool only).
    private var distinctive: [String: Bool] = [:]
    /// Per region: Negeri kabupaten schools grouped by name without numbers, groups with two numbers.
    private var pairGroups: [Int: [[Entry]]] = [:]
    /// Negeri entries by government, level and numbers: the only names a school's name is scored against.
    private var groups: [String: [Entry]] = [:]

    init(catalog: SchoolCatalog, plan: RegionPlan, index: MatchIndex) {
        let wanted = Set(plan.regionIndices)
        for school in catalog.schools where wanted.contains(school.regionIndex) {
            let government = plan.government(of: school)
            let key = index.schoolKey(school.name, region: school.regionIndex)
            let entry = Entry(school: school, government: government, key: key, parsed: SchoolName.parse(key))
            entries[school.regionIndex, default: []].append(entry)
            if school.negeri, let parsed = entry.parsed {
                groups[Self.groupKey(government, parsed), default: []].append(entry)
            }
        }
        for region in entries.keys { entries[region]?.sort { $0.school.npsn < $1.school.npsn } }
    }

    /// Whether the school is already part of the region.
    func isUsed(_ npsn: String) -> Bool { used.contains(npsn) }

    /// Marks a school as part of the region.
    mutating func use(_ npsn: String) { used.insert(npsn) }

    /// A random unused school of `region` meeting `condition`; Negeri ones also distinctive and free.
    mutating func take(
        region: Int, random: inout SampleRandom, index: MatchIndex, negeri: Bool = true,
        where condition: (Entry) -> Bool = { _ in true }
    ) -> Entry? {
        guard let list = entries[region], !list.isEmpty else { return nil }
        let start = random.int(0..<list.count)
        for offset in 0..<list.count {
            let entry = list[(start + offset) % list.count]
            guard !used.contains(entry.school.npsn), entry.school.negeri == negeri, condition(entry) else { continue }
            if negeri {
                guard entry.parsed != nil, checkDistinctive(entry),
                    index.isFree(schoolKey: entry.key, region: region, government: entry.government)
                else { continue }
            }
            used.insert(entry.school.npsn)
            return entry
        }
        return nil
    }

    /// Two unused Negeri schools of `region` whose names differ only by their number (`SDN X 1`,
    /// `SDN X 2`), each distinctive among the names that share its number.
    mutating func takeNumberPair(region: Int, random: inout SampleRandom, index: MatchIndex) -> (Entry, Entry)? {
        if pairGroups[region] == nil { pairGroups[region] = numberGroups(region) }
        let groups = pairGroups[region] ?? []
        guard !groups.isEmpty else { return nil }
        let start = random.int(0..<groups.count)
        for offset in 0..<min(groups.count, 40) {
            let members = groups[(start + offset) % groups.count].filter { entry in
                !used.contains(entry.school.npsn)
                    && index.isFree(schoolKey: entry.key, region: region, government: entry.government)
            }
            guard let first = members.first(where: { checkDistinctive($0) }),
                let second = members.first(where: {
                    $0.parsed?.numbers != first.parsed?.numbers && checkDistinctive($0)
                })
            else { continue }
            used.insert(first.school.npsn)
            used.insert(second.school.npsn)
            return (first, second)
        }
        return nil
    }

    private func numberGroups(_ region: Int) -> [[Entry]] {
        var bySkeleton: [String: [Entry]] = [:]
        var order: [String] = []
        for entry in entries[region] ?? [] where entry.school.negeri && !entry.school.level.isProvincial {
            guard let parsed = entry.parsed, !parsed.numbers.isEmpty, !parsed.places.isEmpty else { continue }
            let skeleton = parsed.level + "|" + (parsed.status ?? "") + "|" + parsed.places.joined(separator: " ")
            if bySkeleton[skeleton] == nil { order.append(skeleton) }
            bySkeleton[skeleton, default: []].append(entry)
        }
        return order.compactMap { key in
            let members = bySkeleton[key] ?? []
            return Set(members.map { $0.parsed?.numbers ?? [] }).count >= 2 ? members : nil
        }
    }

    /// ``isDistinctive(_:)``, remembered.
    mutating func checkDistinctive(_ entry: Entry) -> Bool {
        if let known = distinctive[entry.school.npsn] { return known }
        let result = isDistinctive(entry)
        distinctive[entry.school.npsn] = result
        return result
    }

    /// No other Negeri school of its government with the same level and numbers has a place token
    /// within reach of one of its own (Jaro–Winkler 0.85 or more), nor the same empty place list.
    func isDistinctive(_ entry: Entry) -> Bool {
        guard let parsed = entry.parsed else { return false }
        for other in groups[Self.groupKey(entry.government, parsed)] ?? [] where other.school.npsn != entry.school.npsn
        {
            guard let places = other.parsed?.places else { continue }
            if places.isEmpty && parsed.places.isEmpty { return false }
            for mine in parsed.places {
                for theirs in places where JaroWinkler.similarity(mine, theirs) >= 0.85 { return false }
            }
        }
        return true
    }

    /// Whether a made-up place token comes near any place token of the same group as `entry`.
    func isNearOthers(_ token: String, like entry: Entry) -> Bool {
        guard let parsed = entry.parsed else { return true }
        for other in groups[Self.groupKey(entry.government, parsed)] ?? [] where other.school.npsn != entry.school.npsn
        {
            for theirs in other.parsed?.places ?? [] where JaroWinkler.similarity(token, theirs) >= 0.85 { return true }
        }
        return false
    }

    private static func groupKey(_ government: Int, _ parsed: SchoolName.Parsed) -> String {
        "\(government)|\(parsed.level)|\(parsed.numbers.joined(separator: ","))"
    }
}
