/// A UTF-8 byte buffer that JSON is written into: strings escaped as Python's
/// `json.dumps(..., ensure_ascii=False)` escapes them, everything else appended as given.
///
/// Escaping works on UTF-8 bytes: only `"`, `\` and bytes below 0x20 are escaped, and those never occur
/// inside a multi-byte sequence, so other bytes are copied as they are. Appending scalar by scalar to a
/// `String` instead cost a fifth of a 300,000-teacher run's CPU time (payload lines and store rows).
package struct JSONBytes: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as a `String`.
    package var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends one byte.
    package mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// Appends text as it is (JSON punctuation, literals, pre-rendered JSON).
    package mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends raw bytes as they are.
    package mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Appends an integer.
    package mutating func int(_ n: Int) {
        // Digits written backwards into a small buffer: `String(n)` made a string for each (three a line).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var value = n.magnitude, at = 20
            repeat {
                at -= 1
                digits[at] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            if n < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[at..<20]))
        }
    }

    /// Appends a newline and two spaces per level (pretty printing).
    package mutating func newline(indent: Int) {
        bytes.append(0x0A)
        for _ in 0..<(indent * 2) { bytes.append(0x20) }
    }

    /// Appends a JSON string literal.
    package mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    /// Appends a JSON string literal, or `null`.
    package mutating func string(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    /// Appends `utf8` as a JSON string literal.
    package mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: one pass to find out, then one copy.
        if !Self.needsEscape(utf8) {
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        var start = 0
        for (i, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
            start = i + 1
            switch b {
            case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
            case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
            case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
            default: bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]]
            }
        }
        if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether `utf8` holds a byte JSON escapes: below 0x20, `"` or `\\`. Eight bytes at a time (each word
    /// tested for a byte below 0x20 and a byte equal to either mark, the classic bit tricks, exact for
    /// "any"): the byte-at-a-time scan was most of `escape`, itself 7% of encoding the payload lines.
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= utf8.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let control = (word &- 0x20 &* ones) & ~word & highs
            let quote = word ^ (0x22 &* ones), backslash = word ^ (0x5C &* ones)
            let marks = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs
            if control | marks != 0 { return true }
            i += 8
        }
        while i < utf8.count {
            let b = utf8[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return true }
            i += 1
        }
        return false
    }

    /// Lower-case hex digits.
    static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
