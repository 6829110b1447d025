/// One Dapodik person: the rows of one `ptk_id` (or NIP, or line) across schools.
public struct DapodikPerson: Sendable {
    /// The identity key: `ptk_id`, else the valid NIP, else `file:line`.
    public var key: String
    /// Positions in `Batch.teachers`, in file order.
    public var rows: [Int]
    /// The row that decides the person's school and attributes (the first `Induk` row).
    public var induk: Int
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
    public var linkOfPerson: [Int: Int]
    /// SIASN employees missing from Dapodik (positions in `Batch.employees`).
    public var missingFromDapodik: [Int]
    /// Number of PNS Depag people.
    public var kemenagPeople: Int
    /// Normalized NIP → the people whose rows carry it (ASN and PNS Depag), for SKP lookups.
    public var peopleByNIP: [String: [Int]]
    /// Every person's position by NIP, of any employment (to tell non-ASN NIPs in SKP rows).
    public var anyPersonByNIP: [String: [Int]]
    /// NIP text without separators → ASN people whose NIP is not valid (so an SKP row holding the
    /// same broken NIP still finds them and carries their `NIP_*` code).
    public var peopleByInvalidNIP: [String: [Int]] = [:]

    /// The exact SIASN employee of a person, when linked by NIP.
    public func linkedEmployee(ofPerson person: Int) -> Int? {
        guard let l = linkOfPerson[person], links[l].method == .nip else { return nil }
        return links[l].employee
    }
}
