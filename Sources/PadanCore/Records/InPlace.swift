/// A record read where it lies in its table, a field at a time: `row.nama` reads and retains one text.
///
/// Handing a record from a buffer pointer to a closure copies it whole (every text it holds retained, then
/// released), whatever the closure reads: a fifth of the judge stage nationally, where each rule walks 1.6
/// million linked pairs. In an optimized build a stored field read through this is as direct as from the
/// record; a computed one whose getter is not inlined still gets a copy of the whole record to run on (the
/// compiler cannot prove the memory unchanged while the getter runs), so hot paths read stored fields.
///
/// Valid only while the table it points into is alive and unchanged: made by the loops that walk a table
/// through its buffer pointer, for the closures they call, and never kept.
@dynamicMemberLookup
public struct InPlace<Record> {
    private let pointer: UnsafePointer<Record>

    /// The record at `position` of `table`.
    package init(_ table: UnsafeBufferPointer<Record>, _ position: Int) {
        guard table.indices.contains(position), let base = table.baseAddress else {
            preconditionFailure("InPlace: position \(position) outside the table")
        }
        self.pointer = base + position
    }

    @inline(__always)
    public subscript<Value>(dynamicMember field: KeyPath<Record, Value>) -> Value { pointer.pointee[keyPath: field] }
}
