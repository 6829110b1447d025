/// Positions (of schools, of a table's entries) by NPSN: a ``UInt64Table`` keyed by the NPSN's number.
///
/// A school's NPSN is looked up for nearly every SKP row, linked person and report count, in no order of schools
/// (rows of a school do not follow one another in every export): through `Dictionary` each lookup of the
/// 212,000 national schools missed the cache twice (the key, then the value apart from it), here once, and a
/// batch's slots can be loaded ahead (``Lookahead/prefetch(in:)-(NPSNIndex)``).
public struct NPSNIndex: Sendable {
    private var table: UInt64Table<Int32>

    /// An empty index with room for `minimumCapacity` NPSNs before it grows.
    public init(minimumCapacity: Int = 0) { table = UInt64Table(minimumCapacity: minimumCapacity) }

    /// How many NPSNs the index holds.
    public var count: Int { table.count }

    /// The position of `npsn`, or nil.
    public subscript(npsn: NPSN) -> Int? { table[npsn.number].map { Int($0) } }

    /// Sets the position of `npsn`, added or replaced.
    public mutating func set(_ position: Int, for npsn: NPSN) { table.set(Int32(position), for: npsn.number) }

    /// Sets the position of `npsn` unless it has one (the first of several schools with one NPSN stands); returns
    /// the position it already had (nil when set now).
    @discardableResult
    public mutating func setIfAbsent(_ position: Int, for npsn: NPSN) -> Int? {
        table.setIfAbsent(Int32(position), for: npsn.number).map { Int($0) }
    }

    /// Loads the slots of `numbers` (``NPSN/number``) at once (``UInt64Table/prefetch(_:)``).
    public func prefetch(_ numbers: UnsafeBufferPointer<UInt64>) { table.prefetch(numbers) }
}

extension Lookahead {
    /// Loads the slots of ``keys`` (NPSN numbers) in `index`.
    public func prefetch(in index: NPSNIndex) { keys.withUnsafeBufferPointer { index.prefetch($0) } }
}
