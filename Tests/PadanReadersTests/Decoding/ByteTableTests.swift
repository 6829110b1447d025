import Testing

@testable import PadanReaders

extension Decoding {
    @Suite("ByteTable")
    struct ByteTableTests {
        /// `body` with the UTF-8 bytes of `text`.
        func bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            var text = text
            return text.withUTF8(body)
        }

        @Test func everyKeyFindsItsOwnValueThroughGrowthAndProbing() {
            var table = ByteTable<Int>()
            // Lengths 0 to 40 (the word loop, its tail and both together), keys that differ in one byte only,
            // and enough of them to grow the table several times.
            let keys =
                [""] + (0..<2_000).map { "kunci \($0) " + String(repeating: "x", count: $0 % 41) }
                + (0..<64).map { String(repeating: "a", count: 16) + String(UnicodeScalar(UInt8(64 + $0))) }
            for (value, key) in keys.enumerated() {
                #expect(bytes(key) { table[$0] } == nil)
                bytes(key) { table.insert(value, for: $0) }
            }
            #expect(table.count == keys.count)
            for (value, key) in keys.enumerated() { #expect(bytes(key) { table[$0] } == value, "\(key)") }
            for absent in [
                "kunci", "kunci 1", "kunci 2000 ", String(repeating: "a", count: 15), String(repeating: "b", count: 17),
                "x",
            ] {
                #expect(bytes(absent) { table[$0] } == nil, "\(absent)")
            }
        }

        @Test func aKeyTooLongForASlotIsLeftOutAndTheOthersStayFound() {
            var table = ByteTable<Int>()
            bytes("Guru") { table.insert(1, for: $0) }
            let long = [UInt8](repeating: 0x61, count: 1 << 24)
            long.withUnsafeBufferPointer { table.insert(2, for: $0) }
            #expect(long.withUnsafeBufferPointer { table[$0] } == nil)
            #expect(Array(long.prefix((1 << 24) - 1)).withUnsafeBufferPointer { table[$0] } == nil)
            bytes("Kepala") { table.insert(3, for: $0) }
            #expect(table.count == 2)
            #expect(bytes("Guru") { table[$0] } == 1)
            #expect(bytes("Kepala") { table[$0] } == 3)
        }

        @Test func keysOfOneWordAndATailDifferingAnywhereHashApart() {
            // Not a requirement of the table (it compares the bytes), but a hash that ignored a byte would make
            // long runs of probes: every position of a 19-byte key changes the hash.
            let base = Array("Guru Ahli Pertama 1".utf8)
            let hashes = Set(
                (0..<base.count).map { position in
                    var key = base
                    key[position] ^= 0x01
                    return key.withUnsafeBufferPointer(ByteTable<Int>.hash)
                })
            #expect(hashes.count == base.count)
        }

        /// The key of `values` (nil: no value).
        func key(_ values: [String?]) -> [UInt8] {
            var key = FieldsKey()
            for value in values {
                if let value { bytes(value) { key.append($0) } } else { key.append(nil) }
            }
            return key.bytes
        }

        @Test func fieldsKeysTellApartEveryWayOfSplittingAndEmptiness() {
            let long = String(repeating: "j", count: 300)
            let rows: [[String?]] = [
                ["ab", "c"], ["a", "bc"], ["abc", nil], [nil, "abc"], ["", "abc"], ["abc", ""], [nil, nil], ["", ""],
                [long, "c"], [long + "c", nil], [String(repeating: "j", count: 253), "x"],
                [String(repeating: "j", count: 254), "x"], [String(repeating: "j", count: 253) + "\u{1}", "x"],
            ]
            let keys = rows.map(key)
            #expect(Set(keys).count == rows.count)
            // A value of 254 bytes or more has its length in four bytes after a 255.
            #expect(Array(keys[8].prefix(5)) == [255, 44, 1, 0, 0])
            #expect(keys[0] == [3, 0x61, 0x62, 2, 0x63])
        }
    }
}
