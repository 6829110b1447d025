/// One proposed NPSN ↔ UNOR pair for the BKD to decide (`usulan_pemadanan.csv`).
public struct CrosswalkProposal: Sendable {
    public var npsn: NPSN
    public var unit: Int
    public var score: Double
    /// Why the unit is proposed and what differs, in Bahasa Indonesia.
    public var reason: String
}

/// Builds the crosswalk proposals of a run: for every Negeri school without a unit and every school mapped
/// by `FUZZY`, up to three candidate units, the rule's suggestion first, minus pairs the BKD rejected.
public struct CrosswalkProposals: Sendable {
    public var proposals: [CrosswalkProposal]
    /// Unmapped schools whose every candidate was rejected before.
    public var exhausted: [NPSN]

    /// Proposals for the context's unit map, without the pairs the BKD marked `TOLAK` earlier
    /// (``JudgementContext/rejectedPairs``).
    public init(context: JudgementContext) {
        let rejected = context.rejectedPairs
        var proposals = [CrosswalkProposal]()
        var exhausted = [NPSN]()
        for assignment in context.unitMap.assignments where assignment.method == .none || assignment.method == .fuzzy {
            guard let school = context.school(assignment.npsn), let region = school.localGovernment else { continue }
            var units = [Int]()
            if assignment.method == .fuzzy, let unit = assignment.unit { units.append(unit) }
            if let suggestion = assignment.suggestion { units.append(suggestion) }
            units += assignment.candidates.map(\.unit)
            var seen = Set<Int>()
            let schoolName = SchoolName(school.nama).droppingRegion(region)
            var any = false
            var rejectedAll = !units.isEmpty
            var proposed = 0
            for unit in units where seen.insert(unit).inserted {
                any = true
                if rejected.contains(school.npsn, context.tree.units[unit].id) { continue }
                rejectedAll = false
                guard proposed < 3 else { break }
                let unitName = context.tree.names[unit].droppingRegion(region)
                let score =
                    schoolName.parts.isCompatible(with: unitName.parts)
                    ? schoolName.parts.score(against: unitName.parts) : 0
                // A candidate with nothing in common is noise for the BKD, unless it is the contested unit.
                guard score > 0 || unit == assignment.suggestion else { continue }
                proposed += 1
                proposals.append(
                    CrosswalkProposal(
                        npsn: school.npsn, unit: unit, score: score,
                        reason: Self.reason(
                            schoolName.parts, unitName.parts,
                            contested: assignment.contested && unit == assignment.suggestion)))
            }
            if any && rejectedAll && assignment.method == .none { exhausted.append(school.npsn) }
        }
        self.proposals = proposals
        self.exhausted = exhausted
    }

    /// `jenjang dan nomor sama, nama tempat mirip: SEPULU / SEPULUH`.
    static func reason(_ school: SchoolName.Parts, _ unit: SchoolName.Parts, contested: Bool) -> String {
        var parts = [String]()
        if contested { parts.append("unit ini juga cocok dengan sekolah lain (diperebutkan)") }
        if school.level == unit.level {
            parts.append(
                school.numbers == unit.numbers
                    ? (school.numbers.isEmpty ? "jenjang sama, tanpa nomor" : "jenjang dan nomor sama")
                    : "nomor berbeda: \(school.numbers.joined(separator: " ")) / \(unit.numbers.joined(separator: " "))"
            )
        } else {
            parts.append("jenjang berbeda: \(school.level ?? "-") / \(unit.level ?? "-")")
        }
        if let a = school.status, let b = unit.status, a != b { parts.append("status berbeda: \(a) / \(b)") }
        let pairs = SoftDice.pairs(school.places, unit.places)
        let same = pairs.filter { $0.0 == $0.1 }.map(\.0)
        let similar = pairs.filter { $0.0 != $0.1 }.map { "\($0.0) / \($0.1)" }
        if !same.isEmpty { parts.append("nama tempat sama: \(same.joined(separator: " "))") }
        if !similar.isEmpty { parts.append("nama tempat mirip: \(similar.joined(separator: ", "))") }
        let pairedSchool = Set(pairs.map(\.0)), pairedUnit = Set(pairs.map(\.1))
        let onlySchool = school.places.filter { !pairedSchool.contains($0) }
        let onlyUnit = unit.places.filter { !pairedUnit.contains($0) }
        if !onlySchool.isEmpty || !onlyUnit.isEmpty {
            parts.append(
                "berbeda: \(onlySchool.isEmpty ? "-" : onlySchool.joined(separator: " ")) / \(onlyUnit.isEmpty ? "-" : onlyUnit.joined(separator: " "))"
            )
        }
        return parts.joined(separator: "; ")
    }
}

extension CrosswalkProposals {
    /// Proposals given as they are (tests, empty runs).
    public init(proposals: [CrosswalkProposal], exhausted: [NPSN]) {
        self.proposals = proposals
        self.exhausted = exhausted
    }
}
