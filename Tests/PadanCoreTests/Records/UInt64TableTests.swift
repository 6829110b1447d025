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
        // Prefetching (any keys, present or not, and 0) reads only: the answers stay the same.
        keys.withUnsafeBufferPointer { table.prefetch($0) }
        for key in keys { #expect(table[key] == reference[key]) }
        table.set(-1, for: 0)
        #expect(table[0] == -1 && table.count == reference.count)
    }
}

/// People by NIP: the first holder, how many, and all of them in the order added, for NIPs with one holder and
/// with several (the first then kept flagged in the table, the rest aside).
@Suite("NIPIndex")
struct NIPIndexTests {
    @Test func answersAsADictionaryOfHolders() {
        var index = NIPIndex()
        var reference = [UInt64: [Int]]()
        let nips: [UInt64] = [0, 198_501_012_010_011_001, 199_002_022_015_032_002, 197_712_312_005_011_003]
        // Person p holds nips[p % 4]: three holders of each but the last, which has two; NIP 42 has one.
        for p in 0..<11 {
            index.append(p, for: nips[p % 4])
            reference[nips[p % 4], default: []].append(p)
        }
        index.append(20, for: 42)
        reference[42] = [20]
        for (nip, holders) in reference {
            #expect(index[nip] == holders)
            #expect(index.first(nip) == holders[0])
            #expect(index.count(nip) == holders.count)
        }
        #expect(index[7] == nil && index.first(7) == nil && index.count(7) == 0)
    }
}

/// Batches for prefetching: every position of the range once, in order, at most ``Lookahead/size`` at a time.
@Suite("Lookahead")
struct LookaheadTests {
    @Test(arguments: [0..<0, 0..<1, 3..<19, 0..<16, 5..<37, 100..<164])
    func batchesCoverTheRangeInOrder(range: Range<Int>) {
        let batches = Array(Lookahead.batches(range))
        #expect(batches.flatMap { Array($0) } == Array(range))
        #expect(batches.allSatisfy { !$0.isEmpty && $0.count <= Lookahead.size })
        #expect(batches.dropLast().allSatisfy { $0.count == Lookahead.size })
    }
}
