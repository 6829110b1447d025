/// The SIASN unit forest with what matching asks of it: parents, roots, sub-units, people per subtree.
public struct UnorTree: Sendable {
    public let units: [Unor]
    public let index: SiasnIDIndex
    /// Parent position, nil at a root (or when the parent id is unknown).
    public let parent: [Int?]
    /// Normalized names (before any region is dropped).
    public let names: [SchoolName]
    /// Root position of each unit.
    public let root: [Int]
    /// True when some ancestor is school-like (such a unit is a sub-unit of a school).
    public let hasSchoolLikeAncestor: [Bool]
    /// Number of SIASN people in the unit or any unit below it.
    public let peopleInSubtree: [Int]
    /// The government each root's name reads as, read once per root.
    private let governmentOfRoot: [Int: Government]

    public init(units: [Unor], employees: [SiasnEmployee]) {
        var index = SiasnIDIndex(minimumCapacity: units.count)
        for (i, unit) in units.enumerated() { index.setIfAbsent(i, for: unit.id) }
        let parent: [Int?] = units.enumerated().map { i, unit in
            guard let p = unit.parentId.flatMap({ index[$0] }), p != i else { return nil }
            return p
        }
        let names = units.map { SchoolName($0.nama) }
        var root = [Int](repeating: -1, count: units.count)
        var schoolLikeAbove = [Bool](repeating: false, count: units.count)
        for i in units.indices {
            // Walk up with a step limit: a cycle in DiatasanId must not hang the run.
            var node = i, steps = 0, above = false
            while let p = parent[node], steps < units.count {
                if names[p].isSchoolLike { above = true }
                node = p
                steps += 1
            }
            root[i] = node
            schoolLikeAbove[i] = above
        }
        var people = [Int](repeating: 0, count: units.count)
        for e in employees.indices {
            guard var node = index[employees[e].unorId] else { continue }
            var steps = 0
            people[node] += 1
            while let p = parent[node], steps < units.count {
                people[p] += 1
                node = p
                steps += 1
            }
        }
        self.units = units
        self.index = index
        self.parent = parent
        self.names = names
        self.root = root
        self.hasSchoolLikeAncestor = schoolLikeAbove
        self.peopleInSubtree = people
        var governments = [Int: Government]()
        for r in Set(root) { if let government = Government(reading: units[r].nama) { governments[r] = government } }
        self.governmentOfRoot = governments
    }

    /// The government at the root of the unit's tree.
    public func government(of unit: Int) -> Government? {
        governmentOfRoot[root[unit]]
    }

    /// True when `unit` is `ancestor` or below it.
    public func isUnit(_ unit: Int, atOrUnder ancestor: Int) -> Bool {
        var node = unit, steps = 0
        while true {
            if node == ancestor { return true }
            guard let p = parent[node], steps < units.count else { return false }
            node = p
            steps += 1
        }
    }

    /// The unit and its ancestors, nearest first.
    public func lineage(of unit: Int) -> [Int] {
        var out = [unit]
        var node = unit
        while let p = parent[node], out.count <= units.count {
            out.append(p)
            node = p
        }
        return out
    }

    /// A unit a school could be matched to: school-like, not a sub-unit.
    public func isSchoolCandidate(_ unit: Int) -> Bool {
        guard names[unit].isSchoolLike, !hasSchoolLikeAncestor[unit] else { return false }
        let first = names[unit].tokens.first ?? ""
        return !["SUB", "TATA", "KOORDINATOR", "KELOMPOK"].contains(first)
    }
}
