import PadanCore

/// Where each column of an input kind stands in one file's header.
package struct ColumnMap: Sendable {
    private var positions: [String: Int]
    /// Field position (-1: not in the file) and canonical column name by ``slot(_:)``; empty when two names
    /// of the kind share a slot. Read a dozen times per row: a dictionary lookup, hashing the name each
    /// time, was 3 CPU-seconds of a national run.
    ///
    /// Only the kind's own column names are ever asked for (the decoders' literals), and no two of them share
    /// a slot, so in a release build the slot alone answers; the name is checked by an assertion (debug builds,
    /// the tests). Comparing it on every field was 0.3 CPU-seconds of a national run, with its retains.
    private var slotPositions: [OptionalPosition] = []
    private var slotNames: [String?] = []

    /// Matches the header against the kind's columns; a missing required column throws (exit 65).
    /// When a header repeats a name, the first occurrence is read.
    package init(header: [String], kind: InputKind, file: String) throws(InputError) {
        var byKey = [String: Int]()
        for (i, name) in header.enumerated() where byKey[ColumnSpec.key(name)] == nil {
            byKey[ColumnSpec.key(name)] = i
        }
        var positions = [String: Int]()
        for column in kind.columns {
            let found = ([column.name] + column.aliases).lazy.compactMap { byKey[ColumnSpec.key($0)] }.first
            if let found {
                positions[column.name] = found
            } else if column.required {
                throw InputError(
                    .missingColumn, file: file, line: 1,
                    message: "kolom wajib '\(column.name)' tidak ada di baris judul (\(kind.rawValue))")
            }
        }
        self.positions = positions
        var slotPositions = [OptionalPosition](repeating: OptionalPosition(nil), count: 1 << 12)
        var slotNames = [String?](repeating: nil, count: 1 << 12)
        for column in kind.columns {
            let slot = Self.slot(column.name)
            if slotNames[slot] != nil { return }
            slotNames[slot] = column.name
            slotPositions[slot] = OptionalPosition(positions[column.name])
        }
        self.slotPositions = slotPositions
        self.slotNames = slotNames
    }

    /// A slot from a name's length and first and last bytes (12 bits). Over the contiguous bytes of the
    /// (literal) name: the `utf8` view's `last` alone was 5% of the read stage.
    static func slot(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { slot(bytes: $0) }
    }

    /// ``slot(_:)`` of a name the code spells out, from the literal's bytes: a `String`'s UTF-8 reached through
    /// `withUTF8`, a dozen times a row, was 0.26 CPU-seconds of a national run's reading.
    @inline(__always)
    static func slot(_ name: StaticString) -> Int {
        slot(bytes: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    @inline(__always)
    private static func slot(bytes utf8: UnsafeBufferPointer<UInt8>) -> Int {
        (utf8.count & 15) << 8 | Int((utf8.first ?? 0) & 15) << 4 | Int((utf8.last ?? 0) & 15)
    }

    /// The positions by ``slot(_:)`` in memory of their own, for a reader that looks them up a dozen times a
    /// row (see ``RecordDecoder/slotPositions``); nil when two names of the kind share a slot. The caller
    /// deallocates it.
    func slotTable() -> UnsafeMutablePointer<OptionalPosition>? {
        guard !slotPositions.isEmpty else { return nil }
        let table = UnsafeMutablePointer<OptionalPosition>.allocate(capacity: slotPositions.count)
        table.initialize(from: slotPositions, count: slotPositions.count)
        return table
    }

    /// The position of `column` in the file's fields.
    func position(_ column: String) -> Int? {
        guard !slotPositions.isEmpty else { return positions[column] }
        let slot = Self.slot(column)
        assert(slotNames[slot] == column, "ColumnMap: '\(column)' is not a column of this kind")
        return slotPositions[slot].value
    }

    /// The value of a column after the common reading rules: trimmed, a leading `'` dropped, and
    /// `null`, `NULL`, `-` and empty meaning no value.
    package func value(_ column: String, in fields: [String]) -> String? {
        guard let i = position(column), i < fields.count else { return nil }
        return Self.clean(fields[i])
    }

    /// The first column this kind reads whose value in `record` is longer than `limit` UTF-8 bytes, and its length
    /// (asked once ``hasOverlong(_:limit:)`` has found a field that is).
    func overlong(in record: TableRecord, limit: Int) -> (column: String, bytes: Int)? {
        var found: (column: String, index: Int)?
        for (column, i) in positions where i < record.count && record.byteCount(i) > limit && i < (found?.index ?? .max)
        {
            found = (column, i)
        }
        return found.map { ($0.column, record.byteCount($0.index)) }
    }

    /// Whether a field of `record` is longer than `limit` UTF-8 bytes.
    static func hasOverlong(_ record: TableRecord, limit: Int) -> Bool {
        (0..<record.count).contains(where: { record.byteCount($0) > limit })
    }

    /// `body` of the value of field `i` of `record` after the common reading rules (``clean(_:)``), as
    /// UTF-8 bytes; nil for no value.
    static func withValue<R>(_ i: Int, in record: TableRecord, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        record.withField(i) { bytes in
            // Most values: ASCII ends, nothing to trim or a little ASCII white space, no leading `'`.
            var low = 0, high = bytes.count
            while low < high, ASCII.isSpace(bytes[low]) { low += 1 }
            while high > low, ASCII.isSpace(bytes[high - 1]) { high -= 1 }
            if low == high { return body(nil) }
            if bytes[low] < 0x80, bytes[high - 1] < 0x80, bytes[low] != UInt8(ascii: "'") {
                return Self.isNull(bytes, low, high)
                    ? body(nil) : body(UnsafeBufferPointer(rebasing: bytes[low..<high]))
            }
            // A non-ASCII end or a leading `'`: the reading rules on the text.
            guard var text = Self.clean(String(decoding: bytes, as: UTF8.self)) else { return body(nil) }
            return text.withUTF8 { body($0) }
        }
    }

    /// `-`, `null` or `NULL` in `bytes[low..<high]`.
    private static func isNull(_ bytes: UnsafeBufferPointer<UInt8>, _ low: Int, _ high: Int) -> Bool {
        switch high - low {
        case 1: return bytes[low] == UInt8(ascii: "-")
        case 4:
            // As one word: comparing the bytes with a literal's `utf8` view went through its generic iterator.
            guard let base = bytes.baseAddress else { return false }
            let word = UInt32(littleEndian: UnsafeRawPointer(base + low).loadUnaligned(as: UInt32.self))
            return word == 0x6C6C_756E || word == 0x4C4C_554E  // `null`, `NULL`
        default: return false
        }
    }

    package static func clean(_ raw: String) -> String? {
        // Fast path, most values: nothing to trim and no leading `'` (ends checked as bytes).
        if let first = raw.utf8.first, let last = raw.utf8.last, first < 0x80, last < 0x80, first != UInt8(ascii: "'"),
            first > 0x20, last > 0x20
        {
            if raw.utf8.count <= 4, raw == "-" || raw == "null" || raw == "NULL" { return nil }
            return raw
        }
        var text = raw.trimmingSpaces
        if text.hasPrefix("'") { text = String(text.dropFirst()).trimmingSpaces }
        if text.isEmpty || text == "-" || text == "null" || text == "NULL" { return nil }
        return text
    }
}
