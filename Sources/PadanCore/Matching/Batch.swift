/// Every typed record of one run's inputs, as the readers decoded them.
public struct Batch: Sendable {
    public var teachers: [DapodikTeacher]
    public var schools: [School]
    public var employees: [SiasnEmployee]
    public var unors: [Unor]
    public var crosswalk: [CrosswalkEntry]
    public var skp: [SkpRecord]

    public init(
        teachers: [DapodikTeacher] = [], schools: [School] = [], employees: [SiasnEmployee] = [], unors: [Unor] = [],
        crosswalk: [CrosswalkEntry] = [], skp: [SkpRecord] = []
    ) {
        self.teachers = teachers
        self.schools = schools
        self.employees = employees
        self.unors = unors
        self.crosswalk = crosswalk
        self.skp = skp
    }

    /// Appends `other`'s records after this batch's, table by table.
    public mutating func append(_ other: Batch) {
        teachers += other.teachers
        schools += other.schools
        employees += other.employees
        unors += other.unors
        crosswalk += other.crosswalk
        skp += other.skp
    }
}
