import Testing

@testable import PadanCore

struct PayloadKeyTests {
    static let hex = "00ff10a9b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829ffeeddcc"

    @Test func hexRoundTripsInLowerCase() throws {
        let key = try #require(PayloadKey(hex: Self.hex))
        #expect(key.hex == Self.hex)
        #expect(PayloadKey(hex: Self.hex.uppercased()) == key)
        #expect(key.description == Self.hex)
    }

    @Test func digestBytesGiveTheSameKeyAsTheirHex() throws {
        var bytes = [UInt8]()
        var i = Self.hex.startIndex
        while i < Self.hex.endIndex {
            let next = Self.hex.index(i, offsetBy: 2)
            bytes.append(try #require(UInt8(Self.hex[i..<next], radix: 16)))
            i = next
        }
        #expect(PayloadKey(digest: bytes) == PayloadKey(hex: Self.hex))
    }

    @Test(arguments: [
        "", "k1", String(repeating: "0", count: 63), String(repeating: "0", count: 65),
        String(repeating: "g", count: 64),
    ])
    func anythingButSixtyFourHexDigitsIsNoKey(_ text: String) {
        #expect(PayloadKey(hex: text) == nil)
    }

    @Test func ordersAsItsHexText() throws {
        let texts = [
            Self.hex, String(repeating: "0", count: 63) + "1", "f" + String(Self.hex.dropFirst()),
            String(Self.hex.dropLast()) + "0", "00ff10a9b2c3d4e6" + String(repeating: "0", count: 48),
        ]
        let keys = try texts.map { try #require(PayloadKey(hex: $0)) }
        #expect(keys.sorted().map(\.hex) == texts.sorted())
    }
}

struct PayloadKeySetTests {
    static func key(_ hex: String) -> PayloadKey {
        guard let key = PayloadKey(hex: hex) else { preconditionFailure("not a key: \(hex)") }
        return key
    }
    static let a = key("00000000000000aa" + String(repeating: "1", count: 48))
    /// Same first 8 bytes as `a`, the rest different.
    static let aTwin = key("00000000000000aa" + String(repeating: "2", count: 48))
    static let b = key("00000000000000bb" + String(repeating: "1", count: 48))

    /// Inserts `keys[source]`, the set asking again for earlier keys by their source.
    func insert(_ source: Int, of keys: [PayloadKey], into set: inout PayloadKeySet) -> Bool {
        set.insert(keys[source], from: source) { keys[$0] }
    }

    @Test func countsEachKeyOnce() {
        let keys = [Self.b, Self.a, Self.b, Self.a]
        var set = PayloadKeySet()
        #expect(insert(0, of: keys, into: &set))
        #expect(insert(1, of: keys, into: &set))
        #expect(!insert(2, of: keys, into: &set))
        #expect(!insert(3, of: keys, into: &set))
        #expect(set.count == 2)
    }

    @Test func keysSharingTheirFirstBytesStayApart() {
        let keys = [Self.a, Self.aTwin, Self.aTwin, Self.a, Self.b]
        var set = PayloadKeySet(minimumCapacity: 4)
        #expect(insert(0, of: keys, into: &set))
        #expect(insert(1, of: keys, into: &set))
        #expect(!insert(2, of: keys, into: &set))
        #expect(!insert(3, of: keys, into: &set))
        #expect(insert(4, of: keys, into: &set))
        #expect(set.count == 3)
    }
}

struct PayloadKeyIndexTests {
    static func key(_ first: UInt64, _ rest: UInt64 = 1) -> PayloadKey {
        func hex(_ word: UInt64) -> String {
            String(repeating: "0", count: 16 - String(word, radix: 16).count) + String(word, radix: 16)
        }
        return PayloadKeySetTests.key(hex(first) + hex(rest) + hex(rest) + hex(rest))
    }

    @Test func findsExactlyTheKeysGivenInAnyOrder() {
        // Keys at both ends of the first-two-byte buckets, in one bucket, and twins sharing 8 bytes.
        let keys = [
            Self.key(0xFFFF_0000_0000_0001), Self.key(0), Self.key(0x0001_0000_0000_0000),
            Self.key(0x00FF_FFFF_FFFF_FFFF),
            Self.key(0x1234_0000_0000_0000, 1), Self.key(0x1234_0000_0000_0000, 2), Self.key(0x1234_FFFF_FFFF_FFFF),
            Self.key(0), Self.key(UInt64.max, UInt64.max),
        ]
        let index = PayloadKeyIndex(keys)
        #expect(index.count == 8)
        #expect(index.sortedKeys == Array(Set(keys)).sorted())
        for key in keys { #expect(index.contains(key)) }
        for absent in [
            Self.key(1), Self.key(0x1234_0000_0000_0000, 3), Self.key(0xFFFF_0000_0000_0002), Self.key(UInt64.max),
        ] {
            #expect(!index.contains(absent))
        }
        #expect(!PayloadKeyIndex([]).contains(Self.key(0)))
    }

    @Test func keysGivenAsSortedBlocksComeOutInOrder() {
        // As a store gives them: blocks each in order, the blocks not, a few keys twice.
        var generator = SystemRandomNumberGenerator()
        let blocks = (0..<4).map { _ in (0..<5_000).map { _ in Self.key(generator.next(), generator.next()) }.sorted() }
        let keys = blocks.reversed().flatMap { $0 } + blocks[1].prefix(10)
        let index = PayloadKeyIndex(keys)
        #expect(index.sortedKeys == Array(Set(keys)).sorted())
        #expect(keys.allSatisfy(index.contains))
    }
}
