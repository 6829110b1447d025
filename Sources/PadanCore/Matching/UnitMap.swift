/// How a school was given its SIASN unit (`unor_map.csv` `method`).
public enum UnitMethod: String, Sendable {
    case crosswalk = "PEMADANAN"
    case name = "NAMA"
    case fuzzy = "FUZZY"
    case none = "TIDAK"
}

/// A scored candidate unit for a school.
public struct UnitCandidate: Sendable, Equatable {
    public var unit: Int
    public var score: Double
}

/// The unit of one Negeri school, or why there is none.
public struct UnitAssignment: Sendable, Equatable {
    public var npsn: NPSN
    public var method: UnitMethod
    /// The unit id (a crosswalk may name a unit missing from `siasn_unor`: then `unit` is nil).
    public var unitId: SiasnID?
    /// Position in the tree, when the unit is known there.
    public var unit: Int?
    /// The fuzzy score, for `FUZZY`.
    public var score: Double?
    /// For an unmapped school: the unit a human should look at first.
    public var suggestion: Int?
    /// True when the school lost a unit another school also claimed.
    public var contested: Bool = false
    /// Compatible candidates of the fuzzy step, best first (proposals).
    public var candidates: [UnitCandidate] = []
}

/// A crosswalk conflict: a school or a unit paired with two different partners.
public struct CrosswalkConflict: Sendable {
    public enum Side: Sendable { case school(NPSN), unit(SiasnID) }
    public var side: Side
    /// The partners named, sorted.
    public var partners: [String]
    public var sources: [SourceLocation]
}

/// Result of matching schools to units.
public struct UnitMap: Sendable {
    /// One per Negeri school, in NPSN order.
    public var assignments: [UnitAssignment]
    public var byNPSN: NPSNIndex
    /// By tree position, the NPSN of the school the unit is the unit of (an array, not a dictionary keyed by
    /// position: walked up for each penilai's payload JSON, each step hashed the position with SipHash).
    public var schoolOfUnit: [NPSN?]
    public var conflicts: [CrosswalkConflict]

    /// The assignment of a Negeri school.
    public func assignment(_ npsn: NPSN) -> UnitAssignment? { byNPSN[npsn].map { assignments[$0] } }

    /// The school a unit belongs to: its own or its nearest ancestor's (people in sub-units sit in the school).
    public func school(ofUnit unit: Int, in tree: UnorTree) -> NPSN? {
        // Up the parents without building the lineage (asked twice per SKP payload).
        var node = unit, steps = 0
        while true {
            if node < schoolOfUnit.count, let npsn = schoolOfUnit[node] { return npsn }
            guard let parent = tree.parent[node], steps < tree.units.count else { return nil }
            node = parent
            steps += 1
        }
    }
}
