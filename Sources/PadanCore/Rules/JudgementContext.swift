/// What the rules see: the batch, the unit tree, the unit map, the linkage and the settings.
public struct JudgementContext: Sendable {
    public let batch: Batch
    public let tree: UnorTree
    public let unitMap: UnitMap
    public private(set) var linkage: Linkage
    public let settings: ReconciliationSettings
    public let schoolIndex: NPSNIndex
    /// NPSN ↔ unit pairs the BKD rejected: never suggested nor proposed again.
    public let rejectedPairs: RejectedPairs
    /// Each exactly linked person with their SIASN employee and Induk school (positions), in link order:
    /// worked out once, as every priority-2 to 4 rule walks them; in a restricted context, the slice its rules see
    /// (``restricted(toLinkedPairs:)``).
    private(set) var linked: ArraySlice<LinkedPair>

    /// Positions of one exactly linked person: in `linkage.people`, `batch.employees`, `batch.schools`.
    struct LinkedPair {
        // 12 bytes a pair with the positions in 32 bits (32 before; 1.6 million pairs nationally).
        private let storedPerson: Int32
        private let storedEmployee: Int32
        private let storedSchool: OptionalPosition

        init(person: Int, employee: Int, school: Int?) {
            storedPerson = Int32(person)
            storedEmployee = Int32(employee)
            storedSchool = OptionalPosition(school)
        }

        var person: Int { Int(storedPerson) }
        var employee: Int { Int(storedEmployee) }
        var school: Int? { storedSchool.value }
    }

    public init(
        batch: Batch, tree: UnorTree, unitMap: UnitMap, linkage: Linkage, settings: ReconciliationSettings,
        rejectedPairs: RejectedPairs = RejectedPairs()
    ) {
        self.batch = batch
        self.rejectedPairs = rejectedPairs
        self.tree = tree
        self.unitMap = unitMap
        self.linkage = linkage
        self.settings = settings
        // Records read a field at a time by index: `enumerated()` or a local copy of a row retained its
        // every text, for 1.6 million rows.
        var index = NPSNIndex(minimumCapacity: batch.schools.count)
        for i in batch.schools.indices { index.setIfAbsent(i, for: batch.schools[i].npsn) }
        self.schoolIndex = index
        var linked = [LinkedPair]()
        linked.reserveCapacity(linkage.links.count)
        // Each row's NPSN read in place, and its school looked up only when it changes: a school's teachers follow
        // one another, and a lookup for each of 1.6 million links was most of this, with the other core idle.
        var last: (npsn: NPSN, school: Int?)?
        batch.teachers.withUnsafeBufferPointer { teachers in
            for link in linkage.links {
                guard link.method == .nip, let e = link.employee else { continue }
                let npsn = InPlace(teachers, linkage.people[link.person].induk).npsn
                if last?.npsn != npsn { last = (npsn, index[npsn]) }
                linked.append(LinkedPair(person: link.person, employee: e, school: last?.school))
            }
        }
        self.linked = linked[...]
    }

    /// Lets go of what only matching, the rules and the SKP verdicts look things up in: the NIP tables and
    /// the linked pairs (115 MB nationally, before the write stage). Judging or deciding after this is a
    /// programming error (``Linkage/lookupsReleased``).
    public mutating func releaseLookups() {
        linkage.releaseLookups()
        linked = []
    }

    /// The linked pairs' positions, for the rules.
    var linkedPositions: ArraySlice<LinkedPair> {
        precondition(!linkage.lookupsReleased, "JudgementContext: the rules ran after the lookups were released")
        return linked
    }

    /// How many people are exactly linked (the pairs a ``RuleScope/linkedPairs`` rule walks).
    public var linkedPairCount: Int { linked.count }

    /// This context with its ``RuleScope/linkedPairs`` rules seeing only the linked people at `range` of
    /// ``linkedPairCount`` (everything else as it is).
    ///
    /// The judge hands such rules a slice of a few thousand people at a time, all of them in turn, so that the
    /// people's records are read from memory once for all nine rather than once for each: walked whole, rule by
    /// rule, every rule missed the cache at each SIASN employee (1.6 million nationally, in no order the links
    /// follow), and the rules were most of the judge stage's time.
    public func restricted(toLinkedPairs range: Range<Int>) -> JudgementContext {
        precondition(range.clamped(to: linked.indices) == range, "JudgementContext: linked pairs out of range")
        var restricted = self
        restricted.linked = linked[range]
        return restricted
    }

    public func school(_ npsn: NPSN) -> School? { schoolIndex[npsn].map { batch.schools[$0] } }

    /// The deciding row of a person.
    public func indukRow(ofPerson person: Int) -> DapodikTeacher { batch.teachers[linkage.people[person].induk] }

    /// The person's Induk school.
    public func school(ofPerson person: Int) -> School? { school(indukRow(ofPerson: person).npsn) }

    /// Each exactly linked person with their SIASN employee.
    public var linkedPairs: [(person: Int, row: DapodikTeacher, employee: SiasnEmployee)] {
        linkedPositions.map { ($0.person, indukRow(ofPerson: $0.person), batch.employees[$0.employee]) }
    }

    /// A disparity about a Dapodik person, filled with the person's school and SIASN side when linked.
    public func ptkDisparity(_ code: DisparityCode, person: Int) -> Disparity {
        var d = Disparity(code: code, subject: .ptk, subjectKey: linkage.people[person].key(in: batch.teachers))
        d.person = person
        // The row read in place: a copy of it (``indukRow(ofPerson:)``) retained and released its every text, for
        // each of 170,000 findings nationally, while the other rules' threads retained the same texts.
        let npsn = batch.teachers.withUnsafeBufferPointer { teachers in
            let row = InPlace(teachers, linkage.people[person].induk)
            d.ptkId = row.ptkId ?? ""
            d.nip = row.nip.shown
            d.nama = row.nama
            d.source = row.source.description
            return row.npsn
        }
        if let e = linkage.linkedEmployee(ofPerson: person) {
            d.pnsId = batch.employees[e].pnsId.text
            d.unorId = batch.employees[e].unorId.text
        }
        fillSchool(&d, npsn: npsn)
        return d
    }

    /// The codes of the priority 1–3 `PTK` disparities of each person.
    public func blockingCodes(_ disparities: [Disparity]) -> BlockingCodes { blockingCodes(parts: [disparities]) }

    /// ``blockingCodes(_:)`` of findings in parts (the rules' own, in any order: the codes are sets).
    public func blockingCodes(parts: [[Disparity]]) -> BlockingCodes {
        var codes = BlockingCodes(people: linkage.people.count)
        // By position: `for d in` copied each disparity (every text retained and released).
        for disparities in parts {
            for i in disparities.indices where disparities[i].subject == .ptk && disparities[i].priority <= 3 {
                if let person = disparities[i].person {
                    codes.add(disparities[i].code, toPerson: person)
                } else {
                    codes.byKey[disparities[i].subjectKey, default: []].insert(disparities[i].code)
                }
            }
        }
        return codes
    }

    /// The rules' findings as `disparities.csv` holds them, each with the UPT whose escalation list receives it;
    /// then in output order.
    ///
    /// A finding with no school of its own but a kabupaten/kota (a SIASN teacher missing from Dapodik who sits in
    /// a Dinas unit, a unit conflict whose partner schools no UPT takes) goes to the UPT of that government's area
    /// (``AreaUpts``). What is still of no known area (its school not in Dapodik) goes to the UPT listing `*`, if
    /// any. `areas`, when given, are this context's ``areaUpts()`` made ahead (beside the rules, on a core
    /// they leave free); otherwise they are made for the first finding that needs them (most have a school).
    package func finished(_ findings: consuming [Disparity], areas made: AreaUpts? = nil) -> [Disparity] {
        var findings = findings
        let catchAll = settings.catchAllUpt
        var areas = made
        // Through the buffer: a computed look at an element of the array copied the whole finding.
        findings.withUnsafeMutableBufferPointer { found in
            for i in found.indices where found[i].hasNoUpt {
                if found[i].npsn.isEmpty, let government = Government(reading: found[i].kabupatenKota) {
                    let known = areas ?? areaUpts()
                    areas = known
                    found[i].upt = known.upt(of: government)
                }
                if found[i].upt.isEmpty, let catchAll { found[i].upt = catchAll }
            }
        }
        return Disparity.inOutputOrder(findings)
    }

    /// The UPTs of the governments' areas, for ``finished(_:areas:)``.
    package func areaUpts() -> AreaUpts { AreaUpts(schools: batch.schools, settings: settings) }

    /// Fills NPSN, school name, kabupaten/kota and UPT.
    public func fillSchool(_ d: inout Disparity, npsn: NPSN) {
        d.npsn = npsn.text
        guard let position = schoolIndex[npsn] else { return }
        // Read in place, as the row in ``ptkDisparity(_:person:)``.
        batch.schools.withUnsafeBufferPointer { schools in
            let school = InPlace(schools, position)
            d.namaSekolah = school.nama
            d.kabupatenKota = school.kabupatenKota
            d.upt = settings.upt(kodeWilayah: school.kodeWilayah, provinsi: school.provinsi)
        }
    }

    /// The unit of an employee's work place, when known in the tree.
    public func unit(of employee: SiasnEmployee) -> Int? { unit(ofUnor: employee.unorId) }

    /// The unit of a SIASN `unor_id`, when known in the tree.
    public func unit(ofUnor id: SiasnID) -> Int? { tree.index[id] }

    /// `UNOR_*` findings: `finding(person, employee, school)` for each linked person whose Induk school is
    /// Negeri (the scope of those checks), in link order, the records read in place rather than copied.
    func unorFindings(_ finding: (Int, InPlace<SiasnEmployee>, InPlace<School>) -> Disparity?) -> [Disparity] {
        batch.employees.withUnsafeBufferPointer { employees in
            batch.schools.withUnsafeBufferPointer { schools in
                linkedPositions.compactMap { pair in
                    guard let s = pair.school, schools[s].isNegeri else { return nil }
                    return finding(pair.person, InPlace(employees, pair.employee), InPlace(schools, s))
                }
            }
        }
    }
}

/// The `UNOR_*` rules' lookups for one linked person after another, the last answer of each kept: in link order
/// the people of a school follow one another, and so do most of a unit's. Looked up for every person, the
/// school's unit and the employee's unit were half of `UNOR_SATPEN_BERBEDA` nationally.
struct RecentUnits {
    private var lastSchool: (npsn: NPSN, unit: Int?, unitId: SiasnID?, assigned: Bool)?
    private var lastUnor: (id: SiasnID, unit: Int?)?

    /// The unit of a school's assignment and its id; nil when the school has no assignment.
    mutating func assignment(_ npsn: NPSN, in context: JudgementContext) -> (unit: Int?, unitId: SiasnID?)? {
        if let last = lastSchool, last.npsn == npsn { return last.assigned ? (last.unit, last.unitId) : nil }
        let found = context.unitMap.assignment(npsn)
        lastSchool = (npsn, found?.unit, found?.unitId, found != nil)
        return found.map { ($0.unit, $0.unitId) }
    }

    /// ``JudgementContext/unit(ofUnor:)``.
    mutating func unit(ofUnor id: SiasnID, in context: JudgementContext) -> Int? {
        if let last = lastUnor, last.id == id { return last.unit }
        let unit = context.unit(ofUnor: id)
        lastUnor = (id, unit)
        return unit
    }
}

/// The codes of the priority 1–3 `PTK` disparities of each person (those that stop an SKP).
public struct BlockingCodes: Sendable {
    private var byPerson: [Int: Set<DisparityCode>] = [:]
    /// A bit per person position: set when `byPerson` holds codes for them. Asked for every ASN teacher by the SKP
    /// verdicts and the report's flow, where most people have no code: a bit read in person order instead of a
    /// dictionary lookup (SipHash, a cache miss) each, which was a fifth of counting the flow nationally.
    private var flagged: [UInt64]
    /// Disparities made without a person position (by hand, in tests), by subject key.
    var byKey: [String: Set<DisparityCode>] = [:]

    /// Empty, with a bit for each of `people` positions (a position past them is looked up in the dictionary).
    init(people: Int = 0) { flagged = Array(repeating: 0, count: (people + 63) / 64) }

    mutating func add(_ code: DisparityCode, toPerson p: Int) {
        byPerson[p, default: []].insert(code)
        if p >= 0, p / 64 < flagged.count { flagged[p / 64] |= 1 << UInt64(p % 64) }
    }

    /// Whether `byPerson` may hold codes for `p` (false only when it holds none).
    private func mayHaveCodes(_ p: Int) -> Bool {
        guard p >= 0, p / 64 < flagged.count else { return true }
        return flagged[p / 64] & 1 << UInt64(p % 64) != 0
    }

    /// The codes raised for person `p` of `linkage`.
    public func codes(ofPerson p: Int, in context: JudgementContext) -> Set<DisparityCode> {
        let own = mayHaveCodes(p) ? byPerson[p] ?? [] : []
        guard !byKey.isEmpty, let keyed = byKey[context.linkage.people[p].key(in: context.batch.teachers)] else {
            return own
        }
        return own.union(keyed)
    }
}
