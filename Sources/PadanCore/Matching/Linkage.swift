/// One Dapodik person: the rows of one `ptk_id` (or NIP, or line) across schools.
public struct DapodikPerson: Sendable {
    /// What identifies the person: the lower-cased `ptk_id`, else the valid NIP, else the row's place.
    public enum Identity: Hashable, Sendable {
        case ptk(IdentifierText)
        case nip(UInt64)
        case row(SourceLocation)
    }

    public var identity: Identity
    /// Positions in `Batch.teachers`, in file order.
    public var rows: PersonRows
    /// The row that decides the person's school and attributes (the first `Induk` row).
    public var induk: Int

    public init(identity: Identity, rows: PersonRows, induk: Int) {
        self.identity = identity
        self.rows = rows
        self.induk = induk
    }

    /// The identity key: `ptk:` and the `ptk_id`, else `nip:` and the valid NIP, else `row:` and `file:line`.
    public var key: String {
        switch identity {
        case .ptk(let id): return "ptk:" + id.text
        case .nip(let value): return "nip:" + DigitText.digits(value, count: 18).text
        case .row(let source): return "row:" + source.description
        }
    }
}

/// The rows of one person: usually one, kept without an array of its own (2.9 million people nationally).
public struct PersonRows: RandomAccessCollection, Sendable {
    private var head: Int
    private var tail: [Int] = []

    public init(_ first: Int) { head = first }

    public var startIndex: Int { 0 }
    public var endIndex: Int { 1 + tail.count }
    public subscript(position: Int) -> Int { position == 0 ? head : tail[position - 1] }

    /// Adds a row after the others.
    public mutating func append(_ row: Int) { tail.append(row) }
}

/// Person position → position of their link in `Linkage.links` (ASN people only): an array, not a
/// dictionary of 1.6 million entries.
public struct LinkPositions: Sendable {
    private var positions: [Int32]

    public init(people: Int) { positions = [Int32](repeating: -1, count: people) }

    /// The link position of `person`, or nil.
    public subscript(person: Int) -> Int? {
        get {
            guard person >= 0, person < positions.count, positions[person] >= 0 else { return nil }
            return Int(positions[person])
        }
        set {
            guard person >= 0, person < positions.count else { return }
            positions[person] = newValue.map { Int32(clamping: $0) } ?? -1
        }
    }
}

/// People by normalized NIP, held as one position per NIP with the rare second and later holders aside
/// (a dictionary of arrays spent an array per NIP, 1.6 million of them nationally).
public struct NIPIndex: Sendable {
    private var first: UInt64Table<Int>
    private var more: [UInt64: [Int]] = [:]

    public init(minimumCapacity: Int = 0) {
        first = UInt64Table(minimumCapacity: minimumCapacity)
    }

    /// Adds `person` as a holder of `nip`.
    public mutating func append(_ person: Int, for nip: UInt64) {
        if first.setIfAbsent(person, for: nip) != nil { more[nip, default: []].append(person) }
    }

    /// The holders of `nip` in the order added, or nil.
    public subscript(nip: UInt64) -> [Int]? {
        guard let person = first[nip] else { return nil }
        guard !more.isEmpty, let others = more[nip] else { return [person] }
        return [person] + others
    }

    /// The first holder of `nip`, or nil (without the array ``subscript(nip:)`` makes).
    public func first(_ nip: UInt64) -> Int? { first[nip] }

    /// How many hold `nip`.
    public func count(_ nip: UInt64) -> Int {
        guard first[nip] != nil else { return 0 }
        return more.isEmpty ? 1 : 1 + (more[nip]?.count ?? 0)
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
    /// Position in `Linkage.people`.
    public var person: Int
    public var method: LinkMethod
    /// The SIASN employee: the exact link for `NIP`, the single candidate for `SARAN`.
    public var employee: Int?
    /// How many candidates were found (0 when not searched).
    public var candidates: Int
    /// The person's NIP problem, the first `NIP_*` code that applies.
    public var nipProblem: DisparityCode?
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
    /// Normalized NIP → the people whose rows carry it (ASN and PNS Depag), for SKP lookups.
    public var peopleByNIP: NIPIndex
    /// Every person's position by NIP, of any employment (to tell non-ASN NIPs in SKP rows).
    public var anyPersonByNIP: NIPIndex
    /// NIP text without separators → ASN people whose NIP is not valid (so an SKP row holding the
    /// same broken NIP still finds them and carries their `NIP_*` code).
    public var peopleByInvalidNIP: [String: [Int]] = [:]

    /// The exact SIASN employee of a person, when linked by NIP.
    public func linkedEmployee(ofPerson person: Int) -> Int? {
        guard let l = linkOfPerson[person], links[l].method == .nip else { return nil }
        return links[l].employee
    }
}
