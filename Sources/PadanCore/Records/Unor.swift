/// One SIASN organisation unit; units form trees rooted at a government.
public struct Unor: Sendable {
    public var id: SiasnID
    /// The name without SIASN's leading `-` depth marks.
    public var nama: String
    public var parentId: SiasnID?
    // `Optional<…>` spelled out, as in ``DapodikTeacher``: `T?` made the initializer copy the whole value.
    public var instansiId: Optional<String>
    /// The unit's own active mark (missing means active).
    public var isActive: Bool
    public var source: SourceLocation

    public init(
        id: SiasnID, nama: String, parentId: SiasnID?, instansiId: String?, isActive: Bool, source: SourceLocation
    ) {
        self.id = id
        self.nama = nama
        self.parentId = parentId
        self.instansiId = instansiId
        self.isActive = isActive
        self.source = source
    }
}

/// One row of the BKD's own NPSN ↔ UNOR crosswalk.
public struct CrosswalkEntry: Sendable {
    public var unorId: SiasnID
    public var npsn: NPSN
    public var keterangan: Optional<String>
    public var source: SourceLocation

    public init(unorId: SiasnID, npsn: NPSN, keterangan: String?, source: SourceLocation) {
        self.unorId = unorId
        self.npsn = npsn
        self.keterangan = keterangan
        self.source = source
    }
}
