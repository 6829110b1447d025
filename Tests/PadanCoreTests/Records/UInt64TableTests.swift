import Testing

@testable import PadanCore

/// The NIP and payload-key tables answer as a `Dictionary` of the same keys would.
@Suite("UInt64Table")
struct UInt64TableTests {
    @Test func answersAsADictionary() {
        var generator = SystemRandomNumberGenerator()
        var table = UInt64Table<Int>()
        var reference = [UInt64: Int]()
        // NIP-like keys (18 digits sharing long prefixes), 0, the largest key, and repeats.
        var keys: [UInt64] = [0, .max, 198_501_012_010_011_001]
        for i in 0..<20_000 { keys.append(198_501_012_010_011_000 + UInt64(i) * 1_000_000) }
        for _ in 0..<20_000 { keys.append(UInt64.random(in: 0...UInt64.max, using: &generator)) }
        keys += keys.prefix(5_000)
        for (i, key) in keys.enumerated() {
            let had = table.setIfAbsent(i, for: key)
            #expect(had == reference[key])
            if reference[key] == nil { reference[key] = i }
        }
        #expect(table.count == reference.count)
        for key in keys { #expect(table[key] == reference[key]) }
        #expect(table[42] == nil)
        table.set(-1, for: 0)
        #expect(table[0] == -1 && table.count == reference.count)
    }
}
