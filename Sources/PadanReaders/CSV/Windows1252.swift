/// Windows-1252 (the "ANSI" code page of Indonesian-locale Windows and Excel) to Unicode.
///
/// 0x00–0x7F is ASCII and 0xA0–0xFF is Latin-1; 0x80–0x9F holds typographic marks (`€ “ ” – —`).
/// The five bytes Windows leaves undefined there (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1
/// control of the same number, as the WHATWG encoding standard does, so no byte is ever lost.
package enum Windows1252 {
    /// Unicode scalars for 0x80–0x9F.
    private static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar value of one Windows-1252 byte.
    package static func scalar(_ byte: UInt8) -> UInt32 {
        if byte >= 0x80 && byte < 0xA0 { return UInt32(high[Int(byte - 0x80)]) }
        return UInt32(byte)
    }

    /// Decodes `bytes` as Windows-1252; every byte sequence is valid.
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            let value = scalar(byte)
            if value < 0x80 {
                utf8.append(UInt8(value))
            } else if value < 0x800 {
                utf8.append(UInt8(0xC0 | (value >> 6)))
                utf8.append(UInt8(0x80 | (value & 0x3F)))
            } else {
                utf8.append(UInt8(0xE0 | (value >> 12)))
                utf8.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (value & 0x3F)))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Decodes `bytes` as Windows-1252.
    package static func decode(_ bytes: some Collection<UInt8>) -> String {
        let copy = Array(bytes)
        return copy.withUnsafeBufferPointer { decode($0) }
    }
}
