/// One Dapodik person: the rows of one `ptk_id` (or NIP, or line) across schools.
public struct DapodikPerson: Sendable {
    /// What identifies the person: the lower-cased `ptk_id`, else the valid NIP, else the row's place.
    public enum Identity: Hashable, Sendable {
        case ptk(IdentifierText)
        case nip(UInt64)
        case row(SourceLocation)

        /// The identity a row gives its person.
        public init(of row: DapodikTeacher) {
            if let id = row.ptkIdentifier?.lowercased, !id.isEmpty {
                self = .ptk(id)
            } else if let nip = row.nip.nip {
                self = .nip(nip.value)
            } else {
                self = .row(row.source)
            }
        }

        /// `ptk:` and the `ptk_id`, else `nip:` and the valid NIP, else `row:` and `file:line`.
        public var key: String {
            switch self {
            case .ptk(let id): return "ptk:" + id.text
            case .nip(let value): return "nip:" + DigitText.digits(value, count: 18).text
            case .row(let source): return "row:" + source.description
            }
        }
    }

    /// Positions in `Batch.teachers`, in file order (rows of a file without `ptk_id` merged in by NIP after
    /// the person's own).
    public var rows: PersonRows
    // 16 bytes a person: the identity is not kept but read again from the first row when asked (a copy of
    // it, 24 bytes more, was 70 MB for 2.9 million people nationally).
    private var storedInduk: Int32

    public init(rows: PersonRows, induk: Int) {
        self.rows = rows
        self.storedInduk = Int32(induk)
    }

    /// The row that decides the person's school and attributes (the first `Induk` row).
    public var induk: Int {
        get { Int(storedInduk) }
        set { storedInduk = Int32(newValue) }
    }

    /// The person's identity (their first row's, as grouping found it).
    public func identity(in teachers: [DapodikTeacher]) -> Identity { Identity(of: teachers[rows[0]]) }

    /// The identity key: `ptk:` and the `ptk_id`, else `nip:` and the valid NIP, else `row:` and `file:line`.
    public func key(in teachers: [DapodikTeacher]) -> String { identity(in: teachers).key }
}

/// The rows of one person: usually one, kept without an array of its own (2.9 million people nationally).
public struct PersonRows: RandomAccessCollection, Sendable {
    private var tail: [Int] = []
    private var head: Int32

    public init(_ first: Int) { head = Int32(first) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { 1 + tail.count }
    public subscript(position: Int) -> Int { position == 0 ? Int(head) : tail[position - 1] }

    /// Adds a row after the others.
    public mutating func append(_ row: Int) { tail.append(row) }
}

/// Person position → position of their link in `Linkage.links` (ASN people only): an array, not a
/// dictionary of 1.6 million entries.
public struct LinkPositions: Sendable {
    private var positions: [OptionalPosition]

    public init(people: Int) { positions = Array(repeating: OptionalPosition(nil), count: people) }

    /// The link position of `person`, or nil.
    public subscript(person: Int) -> Int? {
        get {
            guard person >= 0, person < positions.count else { return nil }
            return positions[person].value
        }
        set {
            guard person >= 0, person < positions.count else { return }
            positions[person] = OptionalPosition(newValue)
        }
    }
}

/// People by normalized NIP, held as one position per NIP with the rare second and later holders aside
/// (a dictionary of arrays spent an array per NIP, 1.6 million of them nationally).
public struct NIPIndex: Sendable {
    // A NIP and its first holder's position side by side, 16 bytes a slot (``UInt64Table``; two tables of 4
    // million slots nationally, let go before the write stage, where a run's memory peaks). A NIP with later
    // holders keeps its first as `~position` (negative), so that asking how many hold a NIP looks in `more` only
    // for those: asked of every ASN person and SKP row, it looked up the dictionary (SipHash) for every NIP as
    // soon as any NIP had a second holder.
    private var first: UInt64Table<Int32>
    private var more: [UInt64: [Int]] = [:]

    public init(minimumCapacity: Int = 0) {
        first = UInt64Table(minimumCapacity: minimumCapacity)
    }

    /// Loads the slots of `nips` at once (``UInt64Table/prefetch(_:)``).
    public func prefetch(_ nips: UnsafeBufferPointer<UInt64>) { first.prefetch(nips) }

    /// Adds `person` as a holder of `nip`.
    public mutating func append(_ person: Int, for nip: UInt64) {
        guard let known = first.setIfAbsent(Int32(person), for: nip) else { return }
        if known >= 0 { first.set(~known, for: nip) }
        more[nip, default: []].append(person)
    }

    /// The holders of `nip` in the order added, or nil.
    public subscript(nip: UInt64) -> [Int]? {
        guard let stored = first[nip] else { return nil }
        guard stored < 0 else { return [Int(stored)] }
        return [Int(~stored)] + (more[nip] ?? [])
    }

    /// The first holder of `nip`, or nil (without the array ``subscript(nip:)`` makes).
    public func first(_ nip: UInt64) -> Int? { first[nip].map { Int($0 < 0 ? ~$0 : $0) } }

    /// How many hold `nip`.
    public func count(_ nip: UInt64) -> Int {
        guard let stored = first[nip] else { return 0 }
        return stored >= 0 ? 1 : 1 + (more[nip]?.count ?? 0)
    }
}

/// How a Dapodik ASN person was linked (`links.csv` `method`).
public enum LinkMethod: String, Sendable {
    case nip = "NIP"
    case suggested = "SARAN"
    case ambiguous = "GANDA"
    case none = "TIDAK"
}

/// The link of one Dapodik ASN person.
public struct PersonLink: Sendable {
    // Positions and counts in 32 bits: 16 bytes a link instead of 48 (1.7 million links nationally).
    private var storedPerson: Int32
    private var storedEmployee: OptionalPosition
    private var storedCandidates: Int32
    public var method: LinkMethod
    /// The person's NIP problem, the first `NIP_*` code that applies.
    public var nipProblem: DisparityCode?

    public init(person: Int, method: LinkMethod, employee: Int?, candidates: Int, nipProblem: DisparityCode?) {
        storedPerson = Int32(person)
        storedEmployee = OptionalPosition(employee)
        storedCandidates = Int32(clamping: candidates)
        self.method = method
        self.nipProblem = nipProblem
    }

    /// Position in `Linkage.people`.
    public var person: Int {
        get { Int(storedPerson) }
        set { storedPerson = Int32(newValue) }
    }
    /// The SIASN employee: the exact link for `NIP`, the single candidate for `SARAN`.
    public var employee: Int? {
        get { storedEmployee.value }
        set { storedEmployee = OptionalPosition(newValue) }
    }
    /// How many candidates were found (0 when not searched).
    public var candidates: Int {
        get { Int(storedCandidates) }
        set { storedCandidates = Int32(clamping: newValue) }
    }
}

/// Result of matching people (`rules.md` §2).
public struct Linkage: Sendable {
    public var people: [DapodikPerson]
    /// One per Dapodik ASN person, in person order.
    public var links: [PersonLink]
    /// Person position → position in `links`.
    public var linkOfPerson: LinkPositions
    /// SIASN employees missing from Dapodik (positions in `Batch.employees`).
    public var missingFromDapodik: [Int]
    /// Number of PNS Depag people.
    public var kemenagPeople: Int
    /// Every person's position by NIP, of any employment: the doubling test, the search for people missing from
    /// Dapodik (``carries(_:where:)``) and the SKP rows' lookups.
    public var anyPersonByNIP: NIPIndex
    /// NIP text without separators → people (of any employment) with a row whose NIP is not valid, so that an
    /// SKP row holding the same invalid NIP still finds them (skipped as theirs would be, else blocked with
    /// their `NIP_*` code).
    public var peopleByInvalidNIP: [String: [Int]] = [:]
    /// Non-ASN people (PNS Depag aside) whose valid NIP another Dapodik person carries too: each gets
    /// `NIP_GANDA`, as the ASN people involved do.
    public var doubledNonASN: [Int] = []
    /// The SIASN employees holding each NIP of a `NIP_GANDA` person (none, one, or several when SIASN doubles
    /// it), for the disparity's `siasn_value`.
    public var siasnOfDoubledNIP: [UInt64: [Int]] = [:]

    /// True once ``releaseLookups()`` let go of the NIP tables.
    public private(set) var lookupsReleased = false

    /// Whether a person `isCarrier` says carries NIPs (ASN and PNS Depag, for the search for people missing
    /// from Dapodik) has a row holding `nip`. One table of every person's NIPs, asked about its holders: a
    /// second table of the carriers' NIPs was 1.6 million more insertions nationally, on the one core that
    /// matches people while the other matches units.
    public func carries(_ nip: UInt64, where isCarrier: (Int) -> Bool) -> Bool {
        guard let first = anyPersonByNIP.first(nip) else { return false }
        if isCarrier(first) { return true }
        guard anyPersonByNIP.count(nip) > 1, let holders = anyPersonByNIP[nip] else { return false }
        return holders.dropFirst().contains(where: isCarrier)
    }

    /// Lets go of the NIP tables (`anyPersonByNIP`, `peopleByInvalidNIP`): matching and the SKP verdicts look
    /// people up in them, nothing written afterwards does (nationally 48 MB, which the write stage needs).
    /// Looking up after this is a programming error.
    public mutating func releaseLookups() {
        anyPersonByNIP = NIPIndex()
        peopleByInvalidNIP = [:]
        lookupsReleased = true
    }

    /// How many links were made by `method` (counted in place, no array of them made).
    public func count(_ method: LinkMethod) -> Int {
        links.reduce(0) { $0 + ($1.method == method ? 1 : 0) }
    }

    /// How many people are linked by NIP.
    public var linkedCount: Int { count(.nip) }

    /// The exact SIASN employee of a person, when linked by NIP.
    public func linkedEmployee(ofPerson person: Int) -> Int? {
        guard let l = linkOfPerson[person], links[l].method == .nip else { return nil }
        return links[l].employee
    }
}
