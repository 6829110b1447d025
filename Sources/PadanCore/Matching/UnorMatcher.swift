/// Matches Negeri schools to SIASN units (`rules.md` §3): crosswalk, exact normalized name, fuzzy.
///
/// Candidates are the school-like units of the school's government that are not sub-units, not marked
/// inactive, and whose name does not end with another kabupaten/kota of the Dapodik schools. Each step
/// takes only units no earlier step took; a unit two schools claim in one step goes to neither.
public struct UnorMatcher: Sendable {
    public var threshold: Double
    public var margin: Double

    public init(threshold: Double, margin: Double) {
        self.threshold = threshold
        self.margin = margin
    }

    /// `spread` runs the schools' own work (their names; their exact and fuzzy lookups, which read the blocks and
    /// the units taken so far) over ranges of them; what they claim is then settled in school order, as one pass
    /// would, so the result does not depend on how the schools were spread.
    public func match(schools: [School], tree: UnorTree, crosswalk: [CrosswalkEntry], spread: Spread = .serial)
        -> UnitMap
    {
        // Schools are read where they stand, by position: through key paths and `for … in`, each of the
        // 212,000 national schools was copied (every text retained and released) five times.
        let negeri = schools.indices.filter { schools[$0].isNegeri }.sorted { schools[$0].npsn < schools[$1].npsn }
        var assignments = negeri.map { UnitAssignment(npsn: schools[$0].npsn, method: .none) }
        var position = NPSNIndex(minimumCapacity: negeri.count)
        for (i, school) in negeri.enumerated() { position.set(i, for: schools[school].npsn) }
        // Sets and dictionaries made as large as they get (grown as filled, each rehashed its entries on every
        // doubling, in the serial steps that end unit matching while the other core has nothing left).
        var taken = Set<SiasnID>(minimumCapacity: negeri.count)
        var done = [Bool](repeating: false, count: negeri.count)

        // Step 1: the crosswalk, minus rows in conflict.
        let (usable, conflicts) = Self.usableCrosswalk(crosswalk)
        for entry in usable {
            guard let i = position[entry.npsn], !done[i] else { continue }
            assignments[i].method = .crosswalk
            assignments[i].unitId = entry.unorId
            assignments[i].unit = tree.index[entry.unorId]
            done[i] = true
            taken.insert(entry.unorId)
        }

        // Every region of the Dapodik schools, as the first school of each writes it.
        var regions = [String: Government]()
        // Each spelling's endings made once (made per school, they were three arrays each time), and each school's
        // by their place (looked up by spelling for each school's name, its tokens were hashed again).
        var endings = [[[String]]](), spellings = [SchoolView.Spelling: Int]()
        var endingsOf = [Int32](repeating: -1, count: schools.count)
        // A school of the same region, spelled the same, as the one before has the same endings (a file lists a
        // region's schools together): compared, not hashed again.
        var last: (region: Government, endings: Int32)?
        for school in schools.indices {
            guard let region = schools[school].localGovernment else { continue }
            if let last, last.region.key == region.key, last.region.nameTokens == region.nameTokens {
                endingsOf[school] = last.endings
                continue
            }
            if regions[region.key] == nil { regions[region.key] = region }
            let spelling = SchoolView.Spelling(region)
            let index = spellings[spelling] ?? endings.count
            if index == endings.count {
                spellings[spelling] = index
                endings.append(region.nameEndings)
            }
            endingsOf[school] = Int32(index)
            last = (region, Int32(index))
        }
        var blocks = CandidateBlocks(tree: tree, regions: regions.keys.sorted().compactMap { regions[$0] })

        // The names of the schools still without a unit, spread; then their blocks' indexes, in school order (a
        // block's index for a region follows the first school of that region to ask for it).
        let pending = negeri.indices.filter { !done[$0] }
        let shared = Shared(schools: schools, negeri: negeri, endings: endings, endingsOf: endingsOf, pending: pending)
        let views = spread.each(pending.count) { k in
            let school = shared.negeri[shared.pending[k]]
            let index = Int(shared.endingsOf[school])
            return SchoolView(school: shared.schools[school], endings: index >= 0 ? shared.endings[index] : nil)
        }
        // Each school's index by its place among them: looked up by (government, level, region) again in each
        // step, its three texts were hashed twice more per school.
        let indexes = views.map { view in view.flatMap { blocks.prepare(for: $0, tree: tree) } }

        // Step 2: exact normalized name.
        var claims = [Int: [Int]](minimumCapacity: pending.count)
        let exactLookup = Lookup(blocks: blocks, tree: tree, views: views, indexes: indexes, taken: taken)
        let exact = spread.each(pending.count) { k in exactLookup.exact(k) }
        for (k, chosen) in exact.enumerated() { if let chosen { claims[chosen, default: []].append(pending[k]) } }
        settle(claims, method: .name, tree: tree, assignments: &assignments, done: &done, taken: &taken)

        // Step 3: fuzzy, with threshold and margin, among the units still free.
        claims = [Int: [Int]](minimumCapacity: pending.count)
        var scores = [Int: Double](minimumCapacity: pending.count)
        let fuzzyLookup = Lookup(blocks: blocks, tree: tree, views: views, indexes: indexes, taken: taken)
        let open = pending.map { !done[$0] }
        let ranked = spread.each(pending.count) { k in open[k] ? fuzzyLookup.ranked(k) : nil }
        for (k, ranked) in ranked.enumerated() {
            guard let ranked else { continue }
            let i = pending[k]
            assignments[i].candidates = Array(ranked.prefix(3))
            guard let best = ranked.first else { continue }
            let second = ranked.count > 1 ? ranked[1].score : 0
            if Threshold.reaches(best.score, threshold), Threshold.reaches(best.score - second, margin) {
                claims[best.unit, default: []].append(i)
                scores[i] = best.score
            } else if best.score > 0 {
                assignments[i].suggestion = best.unit
            }
        }
        settle(claims, method: .fuzzy, tree: tree, assignments: &assignments, done: &done, taken: &taken)
        for (i, score) in scores where assignments[i].method == .fuzzy { assignments[i].score = score }

        var schoolOfUnit = [NPSN?](repeating: nil, count: tree.units.count)
        for assignment in assignments { if let unit = assignment.unit { schoolOfUnit[unit] = assignment.npsn } }
        return UnitMap(assignments: assignments, byNPSN: position, schoolOfUnit: schoolOfUnit, conflicts: conflicts)
    }

    /// What the schools' names are made of, read (never changed) by the spread work.
    private struct Shared: @unchecked Sendable {
        let schools: [School]
        let negeri: [Int]
        let endings: [[[String]]]
        let endingsOf: [Int32]
        let pending: [Int]
    }

    /// What the lookups of step 2 and 3 read (never change): the blocks' indexes, the pending schools' views and
    /// which index each uses, the units taken before the step.
    private struct Lookup: @unchecked Sendable {
        let blocks: CandidateBlocks
        let tree: UnorTree
        let views: [SchoolView?]
        let indexes: [Int?]
        let taken: Set<SiasnID>

        /// The unit pending school `k` claims by its exact name, if exactly one free unit (or one occupied) has it.
        func exact(_ k: Int) -> Int? {
            guard let view = views[k], let index = indexes[k] else { return nil }
            let exact = blocks.names(index).exact(view.name).filter { !taken.contains(tree.units[$0].id) }
            if exact.count == 1 { return exact[0] }
            let occupied = exact.filter { tree.peopleInSubtree[$0] > 0 }
            return exact.count > 1 && occupied.count == 1 ? occupied[0] : nil
        }

        /// The free candidate units of pending school `k`, best first (nil: the school has no view).
        func ranked(_ k: Int) -> [UnitCandidate]? {
            guard let view = views[k] else { return nil }
            guard let index = indexes[k] else { return [] }
            let parts = view.name.parts
            var ranked = [UnitCandidate]()
            for (unit, unitParts) in blocks.names(index).compatible(with: parts)
            where !taken.contains(tree.units[unit].id) {
                ranked.append(UnitCandidate(unit: unit, score: parts.score(against: unitParts)))
            }
            ranked.sort { $0.score != $1.score ? $0.score > $1.score : tree.units[$0.unit].id < tree.units[$1.unit].id }
            return ranked
        }
    }

    /// Gives each claimed unit to its one claimant; a unit claimed twice goes to neither and counts as taken.
    private func settle(
        _ claims: [Int: [Int]], method: UnitMethod, tree: UnorTree, assignments: inout [UnitAssignment],
        done: inout [Bool], taken: inout Set<SiasnID>
    ) {
        for (unit, schools) in claims {
            taken.insert(tree.units[unit].id)
            for i in schools {
                done[i] = true
                if schools.count == 1 {
                    assignments[i].method = method
                    assignments[i].unit = unit
                    assignments[i].unitId = tree.units[unit].id
                    assignments[i].suggestion = nil
                } else {
                    assignments[i].contested = true
                    assignments[i].suggestion = unit
                }
            }
        }
    }

    /// Crosswalk rows not in conflict (first of exact repeats), and the conflicts.
    public static func usableCrosswalk(_ entries: [CrosswalkEntry]) -> ([CrosswalkEntry], [CrosswalkConflict]) {
        var unitsOfSchool = [NPSN: Set<SiasnID>]()
        var schoolsOfUnit = [SiasnID: Set<NPSN>]()
        for entry in entries {
            unitsOfSchool[entry.npsn, default: []].insert(entry.unorId)
            schoolsOfUnit[entry.unorId, default: []].insert(entry.npsn)
        }
        // Each conflict's rows gathered in one pass over the entries (filtered again for each conflict, the
        // entries were read a few thousand times over nationally: a twentieth of unit matching).
        var sourcesOfSchool = [NPSN: [SourceLocation]](), sourcesOfUnit = [SiasnID: [SourceLocation]]()
        entries.withUnsafeBufferPointer { rows in
            for i in rows.indices {
                if unitsOfSchool[rows[i].npsn, default: []].count > 1 {
                    sourcesOfSchool[rows[i].npsn, default: []].append(rows[i].source)
                }
                if schoolsOfUnit[rows[i].unorId, default: []].count > 1 {
                    sourcesOfUnit[rows[i].unorId, default: []].append(rows[i].source)
                }
            }
        }
        var conflicts = [CrosswalkConflict]()
        for (npsn, units) in unitsOfSchool.sorted(by: { $0.key < $1.key }) where units.count > 1 {
            conflicts.append(
                CrosswalkConflict(
                    side: .school(npsn), partners: units.map(\.text).sorted(), sources: sourcesOfSchool[npsn] ?? []))
        }
        for (unit, schools) in schoolsOfUnit.sorted(by: { $0.key < $1.key }) where schools.count > 1 {
            conflicts.append(
                CrosswalkConflict(
                    side: .unit(unit), partners: schools.map(\.text).sorted(), sources: sourcesOfUnit[unit] ?? []))
        }
        var seen = Set<NPSN>()
        let usable = entries.filter { entry in
            unitsOfSchool[entry.npsn]?.count == 1 && schoolsOfUnit[entry.unorId]?.count == 1
                && seen.insert(entry.npsn).inserted
        }
        return (usable, conflicts)
    }
}

/// A school as unit matching sees it: its government, its own region, its normalized name.
struct SchoolView {
    let government: Government
    let region: Government
    let name: SchoolName

    /// `school` borrowed: an initializer's argument is otherwise its own, and one read from the schools table
    /// was copied whole to become so. `endings` are its region's ``Government/nameEndings`` as its spelling gives
    /// them, made once for all its schools (nil: made here).
    init?(school: borrowing School, endings: [[String]]?) {
        guard let government = school.government, let region = school.localGovernment else { return nil }
        self.government = government
        self.region = region
        self.name = SchoolName(school.nama).droppingRegion(endings: endings ?? region.nameEndings)
    }

    /// A region as a school writes it: its endings follow its tokens (`D K I JAKARTA` and `DKI JAKARTA` are
    /// one government, two spellings).
    struct Spelling: Hashable {
        var kind: Government.Kind
        var tokens: [String]

        init(_ region: Government) {
            kind = region.kind
            tokens = region.nameTokens
        }
    }
}

/// Candidate units grouped by government and level, with the other-region endings each name carries.
///
/// The names of a block's candidates with one region dropped are worked out once per (block, region)
/// and indexed (``RegionalNames``): comparing every school with every unit of its block, dropping the
/// region again each time, grows with the square of a province's schools (SMA/SMK/SLB blocks).
struct CandidateBlocks {
    private var byGovernmentLevel: [BlockKey: [Int]] = [:]
    /// By unit: the (region key, ending) pairs its raw normalized name ends with (nil: none).
    private var regionEndings: [[(String, [String])]?]
    /// (block, region) → the block's candidates for schools of that region, names with the region dropped: their
    /// place in ``made``.
    private var regional: [RegionalKey: Int] = [:]
    private var made: [RegionalNames] = []

    /// A block (government and level) and a region, hashed as they are (joined into one text, two new
    /// strings a school).
    private struct RegionalKey: Hashable {
        var government: String
        var level: String
        var region: String
    }

    /// A block: a government and a level.
    private struct BlockKey: Hashable {
        var government: String
        var level: String
    }
    /// Per unit, its name's text and parts as the tree holds it, made the first time a block needs them: a name
    /// that ends with none of a region's endings is the same with that region dropped, so a province's block
    /// (SMA, SMK, SLB) reuses them for each of its kabupaten/kota instead of making them again (the unit
    /// matching stage's largest cost nationally, on the core beside the people).
    private var plainNames: [RegionalNames.Name?]

    init(tree: UnorTree, regions: [Government]) {
        plainNames = [RegionalNames.Name?](repeating: nil, count: tree.units.count)
        regionEndings = [[(String, [String])]?](repeating: nil, count: tree.units.count)
        // Endings by their last token, so each unit tries only the endings that can fit it.
        var endingsByLast = [String: [(String, [String])]]()
        for region in regions {
            for ending in region.nameEndings {
                if let last = ending.last { endingsByLast[last, default: []].append((region.key, ending)) }
            }
        }
        for unit in tree.units.indices where tree.isSchoolCandidate(unit) && tree.units[unit].isActive {
            guard let government = tree.government(of: unit), let level = tree.names[unit].tokens.first else {
                continue
            }
            byGovernmentLevel[BlockKey(government: government.key, level: level), default: []].append(unit)
            guard let last = tree.names[unit].tokens.last, let fitting = endingsByLast[last] else { continue }
            for (key, ending) in fitting where tree.names[unit].ends(with: ending) {
                regionEndings[unit] = (regionEndings[unit] ?? []) + [(key, ending)]
            }
        }
    }

    /// The candidates for a school (same government and level, not ending with another region), indexed
    /// by their names with the school's region dropped: index `index` of ``prepare(for:tree:)``.
    func names(_ index: Int) -> RegionalNames { made[index] }

    /// Makes the index of the school's block and region, unless an earlier school's made it; returns its number
    /// for ``names(_:)`` (nil: the school's name has no words).
    mutating func prepare(for view: SchoolView, tree: UnorTree) -> Int? {
        guard let level = view.name.tokens.first else { return nil }
        let key = RegionalKey(government: view.government.key, level: level, region: view.region.key)
        if let known = regional[key] { return known }
        let own = view.region.nameEndings
        let units = (byGovernmentLevel[BlockKey(government: view.government.key, level: level)] ?? []).filter { unit in
            guard let endings = regionEndings[unit] else { return true }
            return !endings.contains { key, ending in key != view.region.key && !own.contains(ending) }
        }
        let names = RegionalNames(
            units: units,
            names: units.map { unit in
                // Only a name ending with one of this region's endings changes when the region is dropped (the
                // endings of this school's spelling of its region, as `droppingRegion` reads them).
                if own.contains(where: { tree.names[unit].ends(with: $0) }) {
                    return RegionalNames.Name(tree.names[unit].droppingRegion(view.region))
                }
                if let known = plainNames[unit] { return known }
                let plain = RegionalNames.Name(tree.names[unit])
                plainNames[unit] = plain
                return plain
            })
        regional[key] = made.count
        made.append(names)
        return made.count - 1
    }
}

/// Candidate units of one block for one region, with their names (region dropped) indexed by text for the
/// exact step and by level and numbers for the fuzzy step.
struct RegionalNames {
    /// (unit, parts of its name), by level and number tokens.
    private var byShape: [Shape: [(Int, SchoolName.Parts)]] = [:]
    /// Units by their whole name's text, in block order.
    private var byText: [String: [Int]] = [:]

    struct Shape: Hashable {
        var level: String
        var numbers: [String]
    }

    init() {}

    /// A candidate's name as the index files it: its text and its parts.
    struct Name {
        var text: String
        var parts: SchoolName.Parts

        init(_ name: SchoolName) {
            text = name.text
            parts = name.parts
        }
    }

    init(units: [Int], names: [Name]) {
        // Sized up front: grown by doubling, the tables of a province's blocks were rehashed for each region.
        byText.reserveCapacity(units.count)
        byShape.reserveCapacity(units.count)
        for (unit, name) in zip(units, names) {
            byText[name.text, default: []].append(unit)
            if let level = name.parts.level {
                byShape[Shape(level: level, numbers: name.parts.numbers), default: []].append((unit, name.parts))
            }
        }
    }

    /// Candidates whose name equals `name`, in block order.
    func exact(_ name: SchoolName) -> [Int] { byText[name.text] ?? [] }

    /// Candidates whose parts are compatible with `parts` (same level and numbers, status where both write one).
    func compatible(with parts: SchoolName.Parts) -> [(Int, SchoolName.Parts)] {
        guard let level = parts.level else { return [] }
        return (byShape[Shape(level: level, numbers: parts.numbers)] ?? []).filter { parts.isCompatible(with: $0.1) }
    }
}
