import CByteScan

/// Whether bytes are well-formed UTF-8, checked without building a string.
///
/// The standard library's `String(validating:as:)` answers the same question but goes through
/// generic metadata on every call, which cost the CSV reader a third of its time on short fields.
enum UTF8Validation {
    /// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        // The ASCII run at the start 64 bytes at a time (SSE2, `padan_ascii_prefix`): most records are all ASCII.
        var index = padan_ascii_prefix(base, count)
        while index < count {
            // Eight ASCII bytes at a time: the common case for Dapodik and SIASN exports.
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = base[index + 1]
            guard second >= low && second <= high else { return false }
            var offset = 2
            while offset < length {
                guard base[index + offset] & 0xC0 == 0x80 else { return false }
                offset += 1
            }
            index += length
        }
        return true
    }
}
