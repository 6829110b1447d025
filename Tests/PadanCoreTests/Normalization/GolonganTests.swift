import PadanCore
import Testing

@Suite("Golongan")
struct GolonganTests {
    @Test(arguments: ["III/a", "III/A", "IIIa", "IIIA", "iii/a", "3a", "3A", "3/a", "3/A", "31", " III / a ", "III-a"])
    func notationsOfIIIa(_ text: String) {
        #expect(Golongan(reading: text)?.canonical == "III/a")
    }

    @Test(arguments: [
        ("11", "I/a"), ("12", "I/b"), ("21", "II/a"), ("34", "III/d"), ("41", "IV/a"), ("45", "IV/e"),
        ("IV/b", "IV/b"), ("4b", "IV/b"), ("II/c", "II/c"), ("I/d", "I/d"), ("1d", "I/d"),
    ])
    func siasnIdsAndRomanForms(_ text: String, _ canonical: String) {
        #expect(Golongan(reading: text)?.canonical == canonical)
    }

    @Test(arguments: [("ix", "IX"), ("IX", "IX"), ("x", "X"), ("Xi", "XI"), ("V", "V"), ("XVII", "XVII")])
    func pppkGradesAreUpperCaseRoman(_ text: String, _ canonical: String) {
        #expect(Golongan(reading: text)?.canonical == canonical)
    }

    @Test(arguments: [nil, "", " ", "-", "--", "/"] as [String?])
    func noValue(_ text: String?) {
        #expect(Golongan(reading: text) == nil)
    }

    @Test func equalityIsByCanonicalForm() {
        #expect(Golongan(reading: "III/a") == Golongan(reading: "31"))
        #expect(Golongan(reading: "ix") == Golongan(reading: "IX"))
        #expect(Golongan(reading: "III/a") != Golongan(reading: "III/b"))
        #expect(Golongan(reading: "IX") != Golongan(reading: "X"))
        #expect(Golongan(reading: "IV/e")?.description == "IV/e")
    }

    @Test(arguments: ["46", "51", "10", "V/a", "0a"])
    func unrecognizedTextIsKeptUpperCased(_ text: String) {
        // Not a golongan: compared as written (upper-cased, without separators).
        #expect(Golongan(reading: text)?.canonical == text.uppercased().replacingSlash())
    }
}

extension String {
    fileprivate func replacingSlash() -> String { String(filter { $0 != "/" }) }
}
