/// What step 2 of `rules.md` section 3 would see, kept as the plan grows, so that every school the
/// generator means to be matched by name has exactly one unit of that name and no other school
/// claims it — whatever real school names (duplicates within a kabupaten, a village named like
/// another kabupaten) the region brings.
struct MatchIndex {
    private let regions: [DapodikRegion]
    /// Regions of `dapodik_sekolah`, by catalog index.
    private let scope: [Int]
    /// Per government: catalog regions whose schools it runs.
    private var regionsOfGovernment: [Int: [Int]] = [:]
    /// Per government and region: visible units (school-like, active, not sub-units) by their name
    /// with that region's endings dropped, which is what step 2 compares.
    private var units: [Int: [Int: Set<String>]] = [:]
    /// Per government and region: names of schools that must keep their match (or their lack of one).
    private var claimed: [Int: [Int: Set<String>]] = [:]
    /// Endings of other regions, by their last token: (region, ending).
    private let endingsByLastToken: [String: [(Int, [String])]]

    init(regions: [DapodikRegion], scope: [Int]) {
        self.regions = regions
        self.scope = scope
        var byLast: [String: [(Int, [String])]] = [:]
        for index in scope {
            for ending in regions[index].endings {
                if let last = ending.last { byLast[last, default: []].append((index, ending)) }
            }
        }
        endingsByLastToken = byLast
    }

    /// Records that `government` runs schools of `region`.
    mutating func link(government: Int, region: Int) {
        if !(regionsOfGovernment[government] ?? []).contains(region) {
            regionsOfGovernment[government, default: []].append(region)
        }
    }

    /// Whether `tokens` ends with another region's ending that is not also one of `region`'s own.
    func endsWithOtherRegion(_ tokens: [String], ownRegion region: Int) -> Bool {
        guard let last = tokens.last, let candidates = endingsByLastToken[last] else { return false }
        let own = regions[region].endings
        for (other, ending) in candidates where other != region && !own.contains(ending) {
            if tokens.count >= ending.count && tokens.suffix(ending.count).elementsEqual(ending) { return true }
        }
        return false
    }

    /// The school's normalized name with its own region dropped.
    func schoolKey(_ name: String, region: Int) -> [String] {
        SchoolName.droppingRegion(SchoolName.tokens(name), regions[region].endings)
    }

    /// Whether a visible unit would be an equal-name candidate of a school with key `key`.
    func hasEqualUnit(_ key: [String], region: Int, government: Int) -> Bool {
        units[government]?[region]?.contains(key.joined(separator: " ")) ?? false
    }

    /// Whether a visible unit with these tokens would be an equal-name candidate of a school already
    /// claimed in `government`.
    func isClaimed(unitTokens: [String], government: Int) -> Bool {
        for region in regionsOfGovernment[government] ?? [] {
            guard let names = claimed[government]?[region], !endsWithOtherRegion(unitTokens, ownRegion: region) else {
                continue
            }
            let key = SchoolName.droppingRegion(unitTokens, regions[region].endings)
            if names.contains(key.joined(separator: " ")) { return true }
        }
        return false
    }

    /// Whether a school may be matched by name to a new unit named `unitName`: its own key is free,
    /// the unit is no other school's, and the unit is a candidate for it.
    func canPlace(schoolKey key: [String], unitName: String, region: Int, government: Int) -> Bool {
        let unitTokens = SchoolName.tokens(unitName)
        guard SchoolName.parse(key) != nil,
            SchoolName.droppingRegion(unitTokens, regions[region].endings) == key,
            !endsWithOtherRegion(unitTokens, ownRegion: region),
            !(claimed[government]?[region]?.contains(key.joined(separator: " ")) ?? false),
            !hasEqualUnit(key, region: region, government: government),
            !isClaimed(unitTokens: unitTokens, government: government)
        else { return false }
        return true
    }

    /// Reserves a school's key (it is matched by name, or must stay without a match).
    mutating func claim(schoolKey key: [String], region: Int, government: Int) {
        claimed[government, default: [:]][region, default: []].insert(key.joined(separator: " "))
    }

    /// Adds a visible unit.
    mutating func addUnit(named name: String, government: Int, index: Int) {
        let tokens = SchoolName.tokens(name)
        for region in regionsOfGovernment[government] ?? [] where !endsWithOtherRegion(tokens, ownRegion: region) {
            let key = SchoolName.droppingRegion(tokens, regions[region].endings).joined(separator: " ")
            units[government, default: [:]][region, default: []].insert(key)
        }
    }

    /// Whether a school with this key is free of every claim and every visible unit (for traps).
    func isFree(schoolKey key: [String], region: Int, government: Int) -> Bool {
        SchoolName.parse(key) != nil
            && !(claimed[government]?[region]?.contains(key.joined(separator: " ")) ?? false)
            && !hasEqualUnit(key, region: region, government: government)
    }
}
