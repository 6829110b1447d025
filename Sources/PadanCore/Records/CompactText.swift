// Compact storage for the text fields of millions of records (`inputs.md`: a national hand-over is about
// three million PTK rows, 1.7 million SIASN people and 1.6 million SKP rows). A Swift `String` of more than
// 15 UTF-8 bytes is a 16-byte value plus its own heap block of 48 to 80 bytes: 18-digit NIPs, 16-digit NIKs,
// 36-character UUIDs and every repeated status or job title paid that per row, which put a national run's
// records near 4.5 GB. These types keep exactly the text as written, in a fraction of the space.

/// A text that many records share (a status, a job title, a government, a file name): one heap copy per
/// distinct value, 8 bytes per record. ``TextInterner`` hands out the shared boxes.
public final class SharedText: Sendable, Hashable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: SharedText, b: SharedText) -> Bool { a === b || a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

/// A golongan as written and what it reads as, shared by every record that wrote the same text: 8 bytes per
/// record where the text and the reading were 24.
public final class WrittenGolongan: Sendable {
    public let text: String
    public let golongan: Golongan?

    public init(_ text: String) {
        self.text = text
        self.golongan = Golongan(reading: text)
    }
}

/// Gives one ``SharedText`` per distinct value, so equal values share their storage. One per file read:
/// not shared between threads.
public final class TextInterner {
    private var boxes: [String: SharedText] = [:]

    public init() {}

    /// The shared box of `text`.
    public func box(_ text: String) -> SharedText {
        if let known = boxes[text] { return known }
        let box = SharedText(text)
        boxes[text] = box
        return box
    }

    /// The shared box of `text`, or nil.
    public func box(_ text: String?) -> SharedText? { text.map(box) }

    /// `text` with the storage of an equal earlier value (for fields kept as `String`).
    public func string(_ text: String) -> String { box(text).text }
}

/// A text that is usually a run of ASCII digits (NIP, NUPTK): up to 19 digits, leading zeros kept, in 9 bytes;
/// the two ways a NIP is most often typed otherwise (grouped `19761031 199809 1 537`, or behind a spreadsheet's
/// `'`) as compactly; anything else as written, boxed.
public enum DigitText: Hashable, Sendable, CustomStringConvertible {
    case digits(UInt64, count: UInt8)
    /// 18 digits grouped 8 6 1 3 (birth date, appointment, sex, number), one ASCII separator between groups:
    /// a space, a dot or a dash.
    case grouped(UInt64, separator: UInt8)
    /// 1 to 19 digits after an apostrophe (a spreadsheet's mark for "text").
    case quoted(UInt64, count: UInt8)
    indirect case other(String)

    // Every text has exactly one form (the forms above are tried in order and each is exact), so the
    // synthesized equality still compares texts. Nationally 800,000 NIPs were typed grouped or quoted: as
    // `other` each was a box and a string, 73 MB.

    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { Self(bytes: $0) }
    }

    /// A count as its decimal digits (`0` for zero).
    public static func count(_ n: Int) -> DigitText {
        precondition(n >= 0, "DigitText.count: \(n) is negative")
        var digits: UInt8 = 1, rest = n / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return .digits(UInt64(n), count: digits)
    }

    /// The text of UTF-8 `bytes`.
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        if let (value, count) = Self.number(bytes, from: 0, to: bytes.count) {
            self = .digits(value, count: count)
        } else if bytes.count == 21, let separator = Self.nipSeparator(bytes) {
            self = .grouped(Self.number(bytes, skipping: separator), separator: separator)
        } else if bytes.count >= 2, bytes[0] == UInt8(ascii: "'"),
            let (value, count) = Self.number(bytes, from: 1, to: bytes.count)
        {
            self = .quoted(value, count: count)
        } else {
            self = .other(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The value of `bytes[from..<to]` when it is 1 to 19 ASCII digits.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (UInt64, UInt8)? {
        guard to > from, to - from <= 19 else { return nil }
        var value: UInt64 = 0
        for i in from..<to {
            let byte = bytes[i]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + UInt64(byte - 0x30)
        }
        return (value, UInt8(to - from))
    }

    /// Offsets of the separators in a grouped NIP (8 6 1 3 digits).
    private static let nipGaps = [8, 15, 17]

    /// The separator of 21 bytes that are a NIP grouped 8 6 1 3 by one space, dot or dash.
    private static func nipSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        let separator = bytes[nipGaps[0]]
        guard separator == 0x20 || separator == 0x2E || separator == 0x2D else { return nil }
        for i in 0..<21 {
            guard nipGaps.contains(i) ? bytes[i] == separator : (bytes[i] >= 0x30 && bytes[i] <= 0x39) else {
                return nil
            }
        }
        return separator
    }

    /// The 18 digits of a grouped NIP, separators skipped.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, skipping separator: UInt8) -> UInt64 {
        var value: UInt64 = 0
        for byte in bytes where byte != separator { value = value * 10 + UInt64(byte - 0x30) }
        return value
    }

    /// The text as written.
    public var text: String {
        switch self {
        case .other(let text): return text
        case .digits(let value, let count): return Self.format(value, count: Int(count))
        case .quoted(let value, let count): return "'" + Self.format(value, count: Int(count))
        case .grouped(let value, let separator):
            var bytes = Array(Self.format(value, count: 18).utf8)
            for gap in Self.nipGaps { bytes.insert(separator, at: gap) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `value` in `count` digits, leading zeros kept.
    private static func format(_ value: UInt64, count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { out in
            writeDigits(value, into: out)
            return count
        }
    }

    /// `value` in as many digits as `out` holds, leading zeros kept.
    ///
    /// Two digits a division, from a table of the hundred pairs: a NIP is written for every `links.csv` row and
    /// twice a payload line, and digit by digit its 18 divisions were a fifth of writing a `links.csv` row.
    private static func writeDigits(_ value: UInt64, into out: UnsafeMutableBufferPointer<UInt8>) {
        guard let base = out.baseAddress else { return }
        let pairs = digitPairs.utf8Start
        var rest = value
        var i = out.count
        while i >= 2 {
            let pair = Int(rest % 100)
            rest /= 100
            base[i - 2] = pairs[2 * pair]
            base[i - 1] = pairs[2 * pair + 1]
            i -= 2
        }
        if i == 1 { base[0] = 0x30 + UInt8(rest % 10) }
    }

    /// `00` to `99`, one after another.
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// Appends ``text``'s UTF-8 bytes to `out`; a run of digits without a `String` in between.
    public func appendText(to out: inout [UInt8]) {
        guard case .digits(let value, let count) = self else {
            out.append(contentsOf: text.utf8)
            return
        }
        out.appendWritten(Int(count)) { Self.writeDigits(value, into: $0) }
    }

    /// Writes a run of digits (the `digits` form) into the start of `out` and returns how many bytes it wrote;
    /// nil for the other forms. Not generic, unlike ``withText(_:)``: called from another module, that was made
    /// for its closure's result type at run time, at every payload line's NIPs.
    public func writeDigitRun(into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard case .digits(let value, let count) = self else { return nil }
        precondition(out.count >= Int(count), "DigitText.writeDigitRun: \(count) digits into \(out.count) bytes")
        Self.writeDigits(value, into: UnsafeMutableBufferPointer(rebasing: out[..<Int(count)]))
        return Int(count)
    }

    /// `body` of ``text``'s UTF-8 bytes; a run of digits is written on the stack, without a `String`.
    public func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard case .digits(let value, let count) = self else {
            var text = text
            return text.withUTF8(body)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(count)) { out in
            Self.writeDigits(value, into: out)
            return body(UnsafeBufferPointer(out))
        }
    }

    /// The value of exactly 18 digits (a NIP's), for keys that need no text.
    public var eighteenDigits: UInt64? {
        if case .digits(let value, 18) = self { return value }
        return nil
    }

    public var description: String { text }
}

/// A text that is usually a UUID (`ptk_id`): 32 hex digits, dashed 8-4-4-4-12 or not, all lower or all upper
/// case, in 17 bytes; anything else as written, boxed.
public enum IdentifierText: Hashable, Sendable, CustomStringConvertible {
    case uuid(UInt64, UInt64, style: UUIDStyle)
    indirect case other(String)

    /// How a UUID was written.
    public struct UUIDStyle: Hashable, Sendable {
        public var dashed: Bool
        public var upperCase: Bool
    }

    public init(_ text: String) {
        if let (hi, lo, style) = Self.parse(text) {
            self = .uuid(hi, lo, style: style)
        } else {
            self = .other(text)
        }
    }

    /// The text of UTF-8 `bytes`.
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        if let (hi, lo, style) = Self.parse(bytes: bytes) {
            self = .uuid(hi, lo, style: style)
        } else {
            self = .other(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The text as written.
    public var text: String {
        switch self {
        case .other(let text): return text
        case .uuid(let hi, let lo, let style):
            return Self.format(hi, lo, dashed: style.dashed, upperCase: style.upperCase)
        }
    }

    /// The text lower-cased (what identity compares), without building it for a lower-case UUID.
    public var lowercased: IdentifierText {
        switch self {
        case .other(let text): return IdentifierText(text.lowercased())
        case .uuid(let hi, let lo, let style):
            return .uuid(hi, lo, style: UUIDStyle(dashed: style.dashed, upperCase: false))
        }
    }

    public var description: String { text }

    /// True for an empty text.
    public var isEmpty: Bool {
        if case .other(let text) = self { return text.isEmpty }
        return false
    }

    /// 32 hex digits, dashed 8-4-4-4-12 or not, in one case: the two halves and the style.
    static func parse(_ text: String) -> (UInt64, UInt64, UUIDStyle)? {
        var text = text
        // Over the contiguous UTF-8 bytes: iterating the `utf8` view generically was a tenth of decoding a PTK row.
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes utf8: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UUIDStyle)? {
        guard let base = utf8.baseAddress else { return nil }
        let dashed: Bool
        switch utf8.count {
        case 32: dashed = false
        case 36:
            dashed = true
            guard utf8[8] == 0x2D, utf8[13] == 0x2D, utf8[18] == 0x2D, utf8[23] == 0x2D else { return nil }
        default: return nil
        }
        // The 32 digits gathered without their dashes, then read eight at a time (``hexWord(_:)``): byte by byte
        // through a table, ids were 5% of the read stage (two per SIASN row, one per PTK row).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { hex in
            guard let digits = hex.baseAddress else { return nil }
            if dashed {
                for (from, count, to) in [(0, 8, 0), (9, 4, 8), (14, 4, 12), (19, 4, 16), (24, 12, 20)] {
                    (digits + to).update(from: base + from, count: count)
                }
            } else {
                digits.update(from: base, count: 32)
            }
            let raw = UnsafeRawPointer(digits)
            var halves: (UInt64, UInt64) = (0, 0)
            var lower = false, upper = false
            for k in 0..<4 {
                guard let word = hexWord(UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)))
                else {
                    return nil
                }
                lower = lower || word.lower
                upper = upper || word.upper
                if k < 2 {
                    halves.0 = halves.0 << 32 | UInt64(word.value)
                } else {
                    halves.1 = halves.1 << 32 | UInt64(word.value)
                }
            }
            // One case: a mixed-case text is kept as written (it has no canonical spelling to give back).
            guard !(lower && upper) else { return nil }
            return (halves.0, halves.1, UUIDStyle(dashed: dashed, upperCase: upper))
        }
    }

    /// The value of eight hex digits (the first in the word's highest byte), and whether any is a lower- or an
    /// upper-case letter; nil when a byte is no hex digit.
    @inline(__always)
    static func hexWord(_ word: UInt64) -> (value: UInt32, lower: Bool, upper: Bool)? {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
        // The high bit of each byte b with m < b < n (exact per byte for m, n ≤ 128; a byte from 0x80 is in none).
        func between(_ m: UInt64, _ n: UInt64) -> UInt64 {
            ((ones &* (127 &+ n)) &- low7) & ~word & (low7 &+ ones &* (127 &- m)) & highs
        }
        let digit = between(0x2F, 0x3A), lower = between(0x60, 0x67), upper = between(0x40, 0x47)
        guard digit | lower | upper == highs else { return nil }
        // Each byte's value: its low four bits, plus 9 for a letter (`a`/`A` is 0x_1).
        var v = (word & 0x0F0F_0F0F_0F0F_0F0F) &+ ((lower | upper) >> 7) &* 9
        // The eight nibbles packed, the highest byte's first.
        v = (v | v >> 4) & 0x00FF_00FF_00FF_00FF
        v = (v | v >> 8) & 0x0000_FFFF_0000_FFFF
        v = (v | v >> 16) & 0xFFFF_FFFF
        return (UInt32(truncatingIfNeeded: v), lower != 0, upper != 0)
    }

    /// Appends ``text``'s UTF-8 bytes to `out`; a UUID without a `String` in between.
    public func appendText(to out: inout [UInt8]) {
        switch self {
        case .other(let text): out.append(contentsOf: text.utf8)
        case .uuid(let hi, let lo, let style):
            Self.append(hi, lo, dashed: style.dashed, upperCase: style.upperCase, to: &out)
        }
    }

    /// The 32 hex digits of (hi, lo), dashed 8-4-4-4-12 when asked.
    static func format(_ hi: UInt64, _ lo: UInt64, dashed: Bool, upperCase: Bool) -> String {
        // Written straight into the string's storage (an id is formatted for every payload line and row
        // of the tables).
        String(unsafeUninitializedCapacity: 36) { out in
            write(hi, lo, dashed: dashed, upperCase: upperCase, into: out)
        }
    }

    /// Appends the digits ``format(_:_:dashed:upperCase:)`` makes to `out`.
    static func append(_ hi: UInt64, _ lo: UInt64, dashed: Bool, upperCase: Bool, to out: inout [UInt8]) {
        out.appendWritten(dashed ? 36 : 32) { _ = write(hi, lo, dashed: dashed, upperCase: upperCase, into: $0) }
    }

    /// Writes the 32 hex digits of (hi, lo), dashed when asked, from the start of `out`; returns how many bytes.
    ///
    /// Eight digits at a time (``hexDigits(_:upperCase:)``): digit by digit, with a branch for each, this was
    /// most of writing an id, and ids are written three times a payload line and twice a `links.csv` row.
    static func write(
        _ hi: UInt64, _ lo: UInt64, dashed: Bool, upperCase: Bool, into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        let words = (
            hexDigits(UInt32(truncatingIfNeeded: hi >> 32), upperCase: upperCase),
            hexDigits(UInt32(truncatingIfNeeded: hi), upperCase: upperCase),
            hexDigits(UInt32(truncatingIfNeeded: lo >> 32), upperCase: upperCase),
            hexDigits(UInt32(truncatingIfNeeded: lo), upperCase: upperCase)
        )
        return withUnsafeBytes(of: words) { digits in
            guard dashed else {
                UnsafeMutableRawBufferPointer(out).copyMemory(from: digits)
                return 32
            }
            // 8-4-4-4-12, each group copied to its place (through a list of the groups' ranges, a dashed id
            // cost twice an undashed one).
            guard let to = UnsafeMutableRawPointer(out.baseAddress), let from = digits.baseAddress else { return 0 }
            to.copyMemory(from: from, byteCount: 8)
            to.storeBytes(of: UInt8(ascii: "-"), toByteOffset: 8, as: UInt8.self)
            (to + 9).copyMemory(from: from + 8, byteCount: 4)
            to.storeBytes(of: UInt8(ascii: "-"), toByteOffset: 13, as: UInt8.self)
            (to + 14).copyMemory(from: from + 12, byteCount: 4)
            to.storeBytes(of: UInt8(ascii: "-"), toByteOffset: 18, as: UInt8.self)
            (to + 19).copyMemory(from: from + 16, byteCount: 4)
            to.storeBytes(of: UInt8(ascii: "-"), toByteOffset: 23, as: UInt8.self)
            (to + 24).copyMemory(from: from + 20, byteCount: 12)
            return 36
        }
    }

    /// The eight hex digits of `value`, most significant first, as the bytes of a word in memory order.
    @inline(__always)
    static func hexDigits(_ value: UInt32, upperCase: Bool) -> UInt64 {
        // Each nibble spread into a byte of its own, the most significant in the highest byte.
        var x = UInt64(value)
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFF
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FF
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0F
        // A byte of 10 or more is a letter: `0` + 10 + 7 (upper case) or + 39 (lower case) past `9`.
        let letters = ((x &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        let ascii = x &+ 0x3030_3030_3030_3030 &+ letters &* (upperCase ? 7 : 39)
        // The first digit first in memory: the highest byte first, as a big-endian word stores it.
        return ascii.bigEndian
    }
}

extension [UInt8] {
    /// Appends `count` bytes that `fill` writes (given exactly those `count` bytes).
    mutating func appendWritten(_ count: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        // Written on the stack, then appended in one copy (room made with `repeatElement` and written over was
        // a generic append per id).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { room in
            fill(room)
            append(contentsOf: UnsafeBufferPointer(room))
        }
    }
}

/// Hexadecimal digits of ids and keys, read and written as bytes.
enum HexDigits {
    /// Per byte: the digit's value in the low four bits, and whether it is a lower- or upper-case letter
    /// (``lowerLetter``, ``upperLetter``); ``invalid`` for a byte that is no hex digit.
    static let table: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case 0x30...0x39: UInt8(byte) - 0x30
        case 0x61...0x66: (UInt8(byte) - 0x61 + 10) | lowerLetter
        case 0x41...0x46: (UInt8(byte) - 0x41 + 10) | upperLetter
        default: invalid
        }
    }
    static let lowerLetter: UInt8 = 0x10
    static let upperLetter: UInt8 = 0x20
    static let invalid: UInt8 = 0xFF

    /// The value of one hex digit of either case; nil for any other byte.
    static func value(_ byte: UInt8) -> UInt8? {
        let entry = table[Int(byte)]
        return entry == invalid ? nil : entry & 0x0F
    }

    /// Writes the 16 hex digits of `word`, the most significant first, over `out[at..<at + 16]` (eight at a time,
    /// ``IdentifierText/hexDigits(_:upperCase:)``).
    static func write(_ word: UInt64, upperCase: Bool = false, into out: UnsafeMutableBufferPointer<UInt8>, at: Int) {
        precondition(at >= 0 && at + 16 <= out.count, "HexDigits.write: no room for 16 digits at \(at)")
        guard let base = out.baseAddress else { return }
        let raw = UnsafeMutableRawPointer(base + at)
        raw.storeBytes(
            of: IdentifierText.hexDigits(UInt32(truncatingIfNeeded: word >> 32), upperCase: upperCase), as: UInt64.self)
        raw.storeBytes(
            of: IdentifierText.hexDigits(UInt32(truncatingIfNeeded: word), upperCase: upperCase), toByteOffset: 8,
            as: UInt64.self)
    }
}
