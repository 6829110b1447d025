import CByteScan
import Testing

@testable import PadanReaders

/// The byte scans that go 16 or 64 bytes at a time agree with the plain definition at every offset.
@Suite("Byte scans")
struct ByteScanTests {
    /// UTF-8 validity as the standard library judges it, on ASCII runs of every length up to two 64-byte blocks
    /// followed by valid and invalid sequences, and on random bytes.
    @Test func utf8ValidityMatchesTheStandardLibrary() {
        let tails: [[UInt8]] = [
            [], [0xC3, 0xA9], [0xE2, 0x80, 0x94], [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0xE9], [0xED, 0xA0, 0x80],
            [0xC0, 0x80], [0xFF],
        ]
        for prefix in 0...130 {
            for tail in tails {
                let bytes = Array(repeating: UInt8(ascii: "a"), count: prefix) + tail + Array("bc".utf8)
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(UTF8Validation.isValid(buffer) == (String(validating: bytes, as: UTF8.self) != nil))
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let ascii = (0..<Int.random(in: 0...200, using: &generator)).map { _ in
                UInt8.random(in: 0...0x7F, using: &generator)
            }
            let bytes =
                ascii
                + (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                    UInt8.random(in: 0...0xFF, using: &generator)
                }
            bytes.withUnsafeBufferPointer { buffer in
                #expect(UTF8Validation.isValid(buffer) == (String(validating: bytes, as: UTF8.self) != nil))
            }
        }
    }

    /// The ASCII run and a byte's count, at every length and offset.
    @Test func asciiPrefixAndByteCount() {
        for count in 0...140 {
            for mark in [nil] + Array(0..<count) {
                var bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 % 2 == 0 ? 0x0A : 0x41 + $0 % 26) }
                if let mark { bytes[mark] = 0xC3 }
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(padan_ascii_prefix(buffer.baseAddress, count) == mark ?? count)
                    #expect(padan_count_byte(buffer.baseAddress, count, 0x0A) == bytes.filter { $0 == 0x0A }.count)
                }
            }
        }
    }
}
