import PadanCore
import Testing

@Suite("Government")
struct GovernmentTests {
    @Test(arguments: [
        [
            "Pemerintah Kab. Tuban", "Pemerintah Kabupaten Tuban", "Kab. Tuban", "Kabupaten Tuban", "KAB TUBAN",
            "Pemkab Tuban",
        ],
        ["Pemerintah Kota Madiun", "Kota Madiun", "KOTA MADIUN", "Pemkot Madiun"],
        [
            "Pemerintah Provinsi Jawa Timur", "Prov. Jawa Timur", "Provinsi Jawa Timur", "Propinsi Jawa Timur",
            "PROP. JAWA TIMUR",
        ],
        ["Prov. D.K.I. Jakarta", "Pemerintah Provinsi DKI Jakarta", "Provinsi D K I Jakarta"],
        ["Prov. D.I. Yogyakarta", "Pemerintah Provinsi DI Yogyakarta"],
    ])
    func spellingsOfOneGovernment(_ spellings: [String]) throws {
        let first = try #require(Government(reading: spellings[0]))
        for spelling in spellings.dropFirst() {
            let other = try #require(Government(reading: spelling), "\(spelling)")
            #expect(other.key == first.key, "\(spelling)")
            #expect(other == first, "\(spelling)")
            #expect(other.hashValue == first.hashValue, "\(spelling)")
        }
    }

    @Test(arguments: [
        ("Kab. Madiun", "Kota Madiun"), ("Kab. Tuban", "Kab. Banyuwangi"), ("Prov. Jawa Timur", "Prov. Jawa Tengah"),
        ("Kab. Jawa Timur", "Prov. Jawa Timur"),
    ])
    func differentGovernments(_ a: String, _ b: String) throws {
        let x = try #require(Government(reading: a)), y = try #require(Government(reading: b))
        #expect(x.key != y.key)
        #expect(x != y)
    }

    @Test(
        arguments: [nil, "", "Tuban", "Kab.", "Pemerintah", "Dinas Pendidikan Kab. Tuban", "BADAN KEPEGAWAIAN DAERAH"]
            as [String?])
    func notAGovernment(_ text: String?) {
        #expect(Government(reading: text) == nil)
    }

    @Test func kindsAndNames() throws {
        let kab = try #require(Government(reading: "Pemerintah Kab. Tulang Bawang Barat"))
        #expect(kab.kind == .kabupaten)
        #expect(kab.nameTokens == ["TULANG", "BAWANG", "BARAT"])
        #expect(kab.description == "Kab. Tulang Bawang Barat")
        #expect(Government(reading: "Pemerintah Kota Madiun")?.description == "Kota Madiun")
        #expect(Government(reading: "Pemerintah Provinsi Jawa Timur")?.description == "Prov. Jawa Timur")
        #expect(Government(reading: "Pemerintah Provinsi Jawa Timur")?.kind == .provinsi)
    }

    @Test func nameEndingsLongestFirst() throws {
        #expect(
            try #require(Government(reading: "Kab. Blitar")).nameEndings == [
                ["KABUPATEN", "BLITAR"], ["KAB", "BLITAR"], ["BLITAR"],
            ])
        #expect(try #require(Government(reading: "Kota Madiun")).nameEndings == [["KOTA", "MADIUN"], ["MADIUN"]])
    }

    @Test func nameTokensSplitOnEverythingButLettersAndDigits() {
        #expect(NameTokens.split("Pemerintah Kab. D.I.-Yogya, 2") == ["PEMERINTAH", "KAB", "D", "I", "YOGYA", "2"])
        #expect(NameTokens.split("  ") == [])
        #expect(NameTokens.split("Kab. Sélatan-Ñ 2") == ["KAB", "SÉLATAN", "Ñ", "2"])
    }

    /// ASCII text is split byte by byte; the tokens are those of the scalar-by-scalar split.
    @Test func asciiSplitIsTheScalarSplit() {
        func scalarSplit(_ text: String) -> [String] {
            var tokens = [String](), current = ""
            for scalar in text.uppercased().unicodeScalars {
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    current.unicodeScalars.append(scalar)
                } else if !current.isEmpty {
                    tokens.append(current)
                    current = ""
                }
            }
            return current.isEmpty ? tokens : tokens + [current]
        }
        let alphabet = Array("aZ09 .,-_/'()\t\n@[`{~\u{7F}\u{01}mQ")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0..<24)).map { _ in alphabet.randomElement()! })
            #expect(NameTokens.split(text) == scalarSplit(text), "\(text.debugDescription)")
        }
    }
}
