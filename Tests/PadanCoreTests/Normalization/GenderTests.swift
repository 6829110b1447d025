import PadanCore
import Testing

@Suite("Gender")
struct GenderTests {
    @Test(arguments: ["L", "l", "M", "Laki-laki", "LAKI-LAKI", "laki laki", " L "])
    func male(_ text: String) {
        #expect(Gender(reading: text) == .male)
    }

    @Test(arguments: ["P", "p", "F", "Perempuan", "PEREMPUAN", " P "])
    func female(_ text: String) {
        #expect(Gender(reading: text) == .female)
    }

    @Test(arguments: [nil, "", " ", "X", "LP", "Laki", "-"] as [String?])
    func unknown(_ text: String?) {
        // `Laki` alone is accepted as male; everything else here is not a sex.
        if text == "Laki" {
            #expect(Gender(reading: text) == .male)
        } else {
            #expect(Gender(reading: text) == nil)
        }
    }

    @Test func rawValuesAreDapodiks() {
        #expect(Gender.male.rawValue == "L")
        #expect(Gender.female.rawValue == "P")
    }
}
