import Testing

@testable import PadanCore

/// Positions by NPSN: the first of several schools sharing an NPSN stands, `00000000` included.
@Suite("NPSNIndex")
struct NPSNIndexTests {
    @Test func answersAsADictionaryOfFirstPositions() throws {
        let texts = ["00000000", "20523157", "99999999", "10101010", "20523157", "00000000", "69725847"]
        var index = NPSNIndex(minimumCapacity: 2)
        var reference = [NPSN: Int]()
        for (i, text) in texts.enumerated() {
            let npsn = try #require(NPSN(text))
            #expect(index.setIfAbsent(i, for: npsn) == reference[npsn])
            if reference[npsn] == nil { reference[npsn] = i }
        }
        #expect(index.count == 5)
        for (npsn, position) in reference { #expect(index[npsn] == position) }
        #expect(index[try #require(NPSN("12345678"))] == nil)
        index.set(9, for: try #require(NPSN("20523157")))
        #expect(index[try #require(NPSN("20523157"))] == 9 && index.count == 5)
    }
}

/// Units by SIASN id: answers as a dictionary of first positions would, through growing, the zero id included.
@Suite("SiasnIDIndex")
struct SiasnIDIndexTests {
    @Test func answersAsADictionaryOfFirstPositions() throws {
        var generator = SystemRandomNumberGenerator()
        var ids = [SiasnID.zero]
        for _ in 0..<5_000 {
            let text = (0..<32).map { _ in String(Int.random(in: 0..<16, using: &generator), radix: 16) }.joined()
            ids.append(try #require(SiasnID(text)))
        }
        // The same id dashed and upper-case is the same key.
        let dashed = try #require(SiasnID("94E6F301-2B8E-03CB-1686-D25626B30052"))
        ids += [try #require(SiasnID("94e6f3012b8e03cb1686d25626b30052")), dashed]
        ids += ids.prefix(100)
        var index = SiasnIDIndex()
        var reference = [SiasnID: Int]()
        for (i, id) in ids.enumerated() {
            #expect(index.setIfAbsent(i, for: id) == reference[id])
            if reference[id] == nil { reference[id] = i }
        }
        #expect(index.count == reference.count)
        for id in ids { #expect(index[id] == reference[id]) }
        #expect(index[dashed] == 5_001)
        #expect(index[try #require(SiasnID("0123456789abcdef0123456789abcdef"))] == nil)
    }
}
