import PadanCore
import Testing

@Suite("JaroWinkler")
struct JaroWinklerTests {
    @Test(arguments: [
        ("MARTHA", "MARHTA", 0.9611), ("DWAYNE", "DUANE", 0.84), ("DIXON", "DICKSONX", 0.8133),
        ("JELLYFISH", "SMELLYFISH", 0.8963), ("SUPRIYADI", "SUPRIADI", 0.9778),
    ])
    func knownValues(_ a: String, _ b: String, _ expected: Double) {
        #expect(abs(JaroWinkler.similarity(a, b) - expected) < 0.0005)
        #expect(abs(JaroWinkler.similarity(b, a) - expected) < 0.0005)
    }

    @Test func bounds() {
        #expect(JaroWinkler.similarity("", "") == 1)
        #expect(JaroWinkler.similarity("SITI", "SITI") == 1)
        #expect(JaroWinkler.similarity("", "SITI") == 0)
        #expect(JaroWinkler.similarity("ABC", "XYZ") == 0)
    }

    @Test func scalarsAndStringsAgree() {
        let a = "KÉDIRI", b = "KEDIRI"
        #expect(
            JaroWinkler.similarity(a, b)
                == JaroWinkler.similarity(Array(a.unicodeScalars), Array(b.unicodeScalars)))
    }

    /// ASCII texts take the byte path: the same similarity, to the last bit, as their scalars give, for random
    /// pairs of a small alphabet (many matches and transpositions) and of every length to 14.
    @Test func asciiBytesAndScalarsAgree() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("ABDEIKNSU ").map(String.init)
        for _ in 0..<3000 {
            let a = (0..<Int.random(in: 0...14, using: &generator)).map { _ in letters.randomElement(using: &generator)!
            }
            .joined()
            let b = (0..<Int.random(in: 0...14, using: &generator)).map { _ in letters.randomElement(using: &generator)!
            }
            .joined()
            #expect(
                JaroWinkler.similarity(a, b)
                    == JaroWinkler.similarity(Array(a.unicodeScalars), Array(b.unicodeScalars)),
                "\(a) / \(b)")
        }
    }

    @Test func prefixBonusIsCappedAtFour() {
        // Jaro = (9/10 + 9/10 + 9/9) / 3; nine common leading letters count as four.
        let jaro = (0.9 + 0.9 + 1) / 3
        #expect(abs(JaroWinkler.similarity("ABCDEFGHIJ", "ABCDEFGHIK") - (jaro + 0.4 * (1 - jaro))) < 1e-12)
    }
}
