/// Where a record came from: the file as the operator named it and the 1-based line.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    // 16 bytes: the file name shared by every row of the file, the line in 32 bits.
    private var fileBox: SharedText
    private var storedLine: Int32

    public var file: String {
        get { fileBox.text }
        set { fileBox = SharedText(newValue) }
    }
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int) {
        self.init(file: SharedText(file), line: line)
    }

    /// A location in a file whose name every row of it shares.
    public init(file: SharedText, line: Int) {
        self.fileBox = file
        self.storedLine = Int32(clamping: line)
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { (a.file, a.line) < (b.file, b.line) }
}

/// A SIASN id (PNS ID or UNOR id): 32 hex characters or a dashed UUID, compared case-insensitively.
public struct SiasnID: Hashable, Sendable, Comparable, CustomStringConvertible {
    // The 32 hex digits as two numbers and whether they were dashed: 17 bytes, where the two strings
    // (`text`, `key`) were 32 bytes and two heap blocks per id, three ids per SIASN person and unit.
    private let hi: UInt64
    private let lo: UInt64
    private let dashed: Bool

    /// Lower-case, as written otherwise (dashes kept): what outputs show.
    public var text: String { IdentifierText.format(hi, lo, dashed: dashed, upperCase: false) }
    /// The 32 hex digits without dashes: what comparisons use.
    public var key: String { IdentifierText.format(hi, lo, dashed: false, upperCase: false) }

    /// Appends ``text``'s UTF-8 bytes to `out`, without a `String` in between.
    public func appendText(to out: inout [UInt8]) {
        IdentifierText.append(hi, lo, dashed: dashed, upperCase: false, to: &out)
    }

    /// Writes ``text``'s UTF-8 bytes from the start of `out` (room for 36); returns how many.
    public func writeText(into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        IdentifierText.write(hi, lo, dashed: dashed, upperCase: false, into: out)
    }

    public static func == (a: SiasnID, b: SiasnID) -> Bool { a.hi == b.hi && a.lo == b.lo }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(hi)
        hasher.combine(lo)
    }
    /// What sets and dictionaries use (see ``FastHash``).
    public func _rawHashValue(seed: Int) -> Int { FastHash.mix(hi, lo, seed: seed) }

    /// The 32 hex digits as two numbers (``SiasnIDIndex``'s key); equal for equal ids.
    var words: (hi: UInt64, lo: UInt64) { (hi, lo) }

    /// Accepts 32 hex characters or an 8-4-4-4-12 dashed UUID, either case (mixed too).
    public init?(_ raw: String?) {
        guard let raw = raw?.trimmingSpaces, !raw.isEmpty,
            let (hi, lo, style) = IdentifierText.parse(raw) ?? IdentifierText.parse(raw.lowercased())
        else { return nil }
        self.hi = hi
        self.lo = lo
        self.dashed = style.dashed
    }

    /// Reads trimmed UTF-8 `bytes` as ``init(_:)`` reads text.
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        if let (hi, lo, style) = IdentifierText.parse(bytes: bytes) {
            self.hi = hi
            self.lo = lo
            self.dashed = style.dashed
        } else {
            // Mixed case, or not an id at all: the slow way.
            guard let id = Self(String(decoding: bytes, as: UTF8.self)) else { return nil }
            self = id
        }
    }

    private init(hi: UInt64, lo: UInt64) {
        self.hi = hi
        self.lo = lo
        self.dashed = false
    }

    /// 32 zeros: no SIASN person's or unit's (a stand-in, ``PayloadPerson/none``).
    public static let zero = SiasnID(hi: 0, lo: 0)

    public var description: String { text }
    /// In the order of `key` (fixed-width lower-case hex sorts as the numbers do).
    public static func < (a: SiasnID, b: SiasnID) -> Bool { (a.hi, a.lo) < (b.hi, b.lo) }
}

/// An 8-digit school number.
public struct NPSN: Hashable, Sendable, Comparable, CustomStringConvertible {
    // The number in 4 bytes; the text is always its 8 digits, leading zeros included.
    private let value: UInt32

    public var text: String { digits.text }
    /// The 8 digits as a digit text (written as bytes, no `String` made).
    public var digits: DigitText { .digits(UInt64(value), count: 8) }

    /// What sets and dictionaries use (see ``FastHash``).
    public func _rawHashValue(seed: Int) -> Int { FastHash.mix(UInt64(value), 0, seed: seed) }

    /// The number the 8 digits write (``NPSNIndex``'s key).
    public var number: UInt64 { UInt64(value) }

    /// Accepts exactly 8 digits (after trimming and a leading `'`).
    public init?(_ raw: String?) {
        guard var raw = raw?.trimmingSpaces else { return nil }
        if raw.hasPrefix("'") { raw.removeFirst() }
        guard raw.utf8.count == 8 else { return nil }
        var value: UInt32 = 0
        for byte in raw.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + UInt32(byte - 0x30)
        }
        self.value = value
    }

    /// The same reading from a value's UTF-8 bytes already trimmed (``ColumnMap``'s common reading rules): a
    /// leading `'` dropped, then exactly 8 digits.
    public init?(bytes: UnsafeBufferPointer<UInt8>) {
        var digits = bytes[...]
        if digits.first == UInt8(ascii: "'") { digits = digits.dropFirst() }
        guard digits.count == 8 else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + UInt32(byte - 0x30)
        }
        self.value = value
    }

    public var description: String { text }
    /// In the order of `text` (8 digits sort as the numbers do).
    public static func < (a: NPSN, b: NPSN) -> Bool { a.value < b.value }
}
