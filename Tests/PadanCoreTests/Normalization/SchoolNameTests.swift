import PadanCore
import PadanTestSupport
import Testing

@Suite("SchoolName")
struct SchoolNameTests {
    @Test(arguments: [
        ("UPT SD Negeri 1 Lojejer", "SD NEGERI 1 LOJEJER"),
        ("UPTD SD Negeri 1 Lojejer", "SD NEGERI 1 LOJEJER"),
        ("UPTD Satuan Pendidikan SMPN 2 Singgahan", "SMP NEGERI 2 SINGGAHAN"),
        ("UPT Satuan Pendidikan SD Negeri 01 Lojejer", "SD NEGERI 1 LOJEJER"),
        ("Satuan Pendidikan SMA Negeri 1 Garum", "SMA NEGERI 1 GARUM"),
        ("UPT UPTD SD Negeri 1 Lojejer", "SD NEGERI 1 LOJEJER"),
        // X is a Roman numeral, so a number token.
        ("SD Negeri 1 X", "SD NEGERI 1 10"),
        ("SDN 1 Lojejer", "SD NEGERI 1 LOJEJER"),
        ("SD N 1 Lojejer", "SD NEGERI 1 LOJEJER"),
        ("SDN Lojejer 01", "SD NEGERI LOJEJER 1"),
        ("SMPN 3 Tuban", "SMP NEGERI 3 TUBAN"),
        ("SMP N 3 Tuban", "SMP NEGERI 3 TUBAN"),
        ("SMAN 1 Bangorejo", "SMA NEGERI 1 BANGOREJO"),
        ("SMKN 1 Sepulu", "SMK NEGERI 1 SEPULU"),
        ("SLBN Tuban", "SLB NEGERI TUBAN"),
        ("SDS Al Falah", "SD SWASTA AL FALAH"),
        ("SD S Al Falah", "SD SWASTA AL FALAH"),
        ("SMPS PGRI 2", "SMP SWASTA PGRI 2"),
        ("SMKS Muhammadiyah 007", "SMK SWASTA MUHAMMADIYAH 7"),
        ("SD Negeri 00", "SD NEGERI 0"),
        ("SD Negeri Maindu I", "SD NEGERI MAINDU 1"),
        ("SD Negeri Maindu IV", "SD NEGERI MAINDU 4"),
        ("SD Negeri Maindu XX", "SD NEGERI MAINDU 20"),
        ("---SD NEGERI 1 LOJEJER", "SD NEGERI 1 LOJEJER"),
        ("- - SUB BAGIAN TATA USAHA SMKN 1 BANGKALAN", "SUB BAGIAN TATA USAHA SMK NEGERI 1 BANGKALAN"),
        ("SD Negeri 1 Garum, Blitar", "SD NEGERI 1 GARUM BLITAR"),
        ("SMK Negeri 1 Sepuluh  Bangkalan", "SMK NEGERI 1 SEPULUH BANGKALAN"),
        ("sd negeri 1 lojejer", "SD NEGERI 1 LOJEJER"),
        // A prefix that is the whole name stays.
        ("UPT", "UPT"),
    ])
    func normalized(_ raw: String, _ expected: String) {
        #expect(SchoolName(raw).text == expected)
    }

    @Test func romanAndArabicNumbersAreOneToken() {
        #expect(SchoolName("SD Negeri Maindu I") == SchoolName("SD NEGERI MAINDU 1"))
        #expect(SchoolName("SDN 01 X") == SchoolName("SD Negeri 1 X"))
    }

    @Test(arguments: [
        // (name, region, expected)
        ("UPT SMA Negeri 1 Garum Blitar Kabupaten Blitar", "Kab. Blitar", "SMA NEGERI 1 GARUM"),
        ("SMA NEGERI 1 GARUM KAB BLITAR", "Kab. Blitar", "SMA NEGERI 1 GARUM"),
        ("SMA NEGERI 1 GARUM KAB. BLITAR BLITAR", "Kab. Blitar", "SMA NEGERI 1 GARUM"),
        ("SMA NEGERI 1 GARUM", "Kab. Blitar", "SMA NEGERI 1 GARUM"),
        ("SMP NEGERI 1 KOTA MADIUN", "Kota Madiun", "SMP NEGERI 1"),
        ("SMP NEGERI 1 MADIUN", "Kota Madiun", "SMP NEGERI 1"),
        ("SMP NEGERI 1 MADIUN", "Kab. Madiun", "SMP NEGERI 1"),
        ("SMP NEGERI 1 KABUPATEN MADIUN", "Kab. Madiun", "SMP NEGERI 1"),
        // Another region's ending stays.
        ("SMA NEGERI 1 BANGILAN TUBAN", "Kab. Pasuruan", "SMA NEGERI 1 BANGILAN TUBAN"),
        ("SMP NEGERI 1 KAB MADIUN", "Kota Madiun", "SMP NEGERI 1 KAB"),
        // Multi-word regions.
        ("SD NEGERI 2 SUKADANA TULANG BAWANG BARAT", "Kab. Tulang Bawang Barat", "SD NEGERI 2 SUKADANA"),
        // Never the whole name.
        ("BLITAR", "Kab. Blitar", "BLITAR"),
    ])
    func droppingTheOwnRegion(_ raw: String, _ region: String, _ expected: String) throws {
        let government = try #require(Government(reading: region))
        #expect(SchoolName(raw).droppingRegion(government).text == expected)
    }

    @Test func parts() {
        let parts = SchoolName("UPT SD Negeri 01 Lojejer Wetan").parts
        #expect(parts.level == "SD")
        #expect(parts.status == "NEGERI")
        #expect(parts.numbers == ["1"])
        #expect(parts.places == ["LOJEJER", "WETAN"])

        let noStatus = SchoolName("SMP 2 Satu Atap 3 Jenu").parts
        #expect(noStatus.level == "SMP")
        #expect(noStatus.status == nil)
        #expect(noStatus.numbers == ["2", "3"])
        #expect(noStatus.places == ["SATU", "ATAP", "JENU"])

        let office = SchoolName("Dinas Pendidikan").parts
        #expect(office.level == nil)
        #expect(office.places == ["DINAS", "PENDIDIKAN"])
    }

    @Test(arguments: [
        ("SD NEGERI 1 JATI", "SD NEGERI 1 WETAN", true),
        ("SD NEGERI 1 JATI", "SD NEGERI 2 JATI", false),
        ("SD NEGERI 1 JATI", "SD NEGERI JATI", false),
        ("SD NEGERI 1 JATI", "SD 1 JATI", true),
        ("SD NEGERI 1 JATI", "SD SWASTA 1 JATI", false),
        ("SD NEGERI 1 JATI", "SMP NEGERI 1 JATI", false),
        ("SD NEGERI 1 2 JATI", "SD NEGERI 2 1 JATI", false),
        ("SDN 01 JATI", "SD Negeri I JATI", true),
        ("SD NEGERI 1 MAINDU I", "SD NEGERI 1 MAINDU", false),
        ("DINAS JATI", "DINAS JATI", false),
    ])
    func compatibility(_ a: String, _ b: String, _ compatible: Bool) {
        #expect(SchoolName(a).parts.isCompatible(with: SchoolName(b).parts) == compatible)
        #expect(SchoolName(b).parts.isCompatible(with: SchoolName(a).parts) == compatible)
    }

    @Test(arguments: [
        ("SD NEGERI 1", true), ("SDN X", true), ("SDLB NEGERI X", true), ("SMPLB X", true), ("SMLB X", true),
        ("SUB BAGIAN TATA USAHA SMKN 1 X", false), ("DINAS PENDIDIKAN", false), ("PEMERINTAH KAB. TUBAN", false),
        ("UPT SMK NEGERI 1 X", true), ("", false),
    ])
    func schoolLike(_ raw: String, _ expected: Bool) {
        #expect(SchoolName(raw).isSchoolLike == expected)
    }

    @Test func endsWith() {
        let name = SchoolName("SMP NEGERI 1 KOTA MADIUN")
        #expect(name.ends(with: ["MADIUN"]))
        #expect(name.ends(with: ["KOTA", "MADIUN"]))
        #expect(!name.ends(with: ["KAB", "MADIUN"]))
        #expect(!name.ends(with: []))
        #expect(!SchoolName("MADIUN").ends(with: ["MADIUN"]))
    }
}

@Suite("SoftDice")
struct SoftDiceTests {
    @Test(
        arguments: [
            ([], [], 1.0),
            (["A"], [], 0.0),
            ([], ["A"], 0.0),
            (["LOJEJER"], ["LOJEJER"], 1.0),
            // One-letter differences pair (Jaro-Winkler ≥ 0.90).
            (["SEPULU"], ["SEPULUH"], 1.0),
            (["KEDUNGREJO", "WETAN"], ["KEDUNGREJA", "WETAN"], 1.0),
            // 2 × 1 ÷ (2 + 1).
            (["LOJEJER", "WETAN"], ["LOJEJER"], 2.0 / 3),
            // Each token pairs at most once.
            (["JATI", "JATI"], ["JATI"], 2.0 / 3),
            (["WETAN"], ["KULON"], 0.0),
            // Order does not matter.
            (["WETAN", "LOJEJER"], ["LOJEJER", "WETAN"], 1.0),
        ] as [([String], [String], Double)])
    func score(_ a: [String], _ b: [String], _ expected: Double) {
        #expect(abs(SoftDice.score(a, b) - expected) < 1e-9)
        #expect(abs(SoftDice.score(b, a) - expected) < 1e-9)
    }

    @Test func greedyTakesTheMostSimilarPairFirst() {
        // SUMBERREJO pairs with its exact twin, not with SUMBEREJO (0.98), which is left alone.
        let pairs = SoftDice.pairs(["SUMBERREJO"], ["SUMBEREJO", "SUMBERREJO"])
        #expect(pairs.count == 1)
        #expect(pairs.first?.1 == "SUMBERREJO")
        #expect(pairs.first?.2 == 1)
    }

    /// The score counts the pairs without making them: the same count as ``SoftDice/pairs(_:_:tokenThreshold:)``
    /// for random token lists of a few near-alike words.
    @Test func pairCountIsThePairs() {
        var generator = SystemRandomNumberGenerator()
        let words = ["SUMBEREJO", "SUMBERREJO", "SUMBER", "REJO", "WETAN", "WETAM", "KULON", "JATI", "JATIREJO"]
        for _ in 0..<1000 {
            let a = (0..<Int.random(in: 0...5, using: &generator)).map { _ in words.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...5, using: &generator)).map { _ in words.randomElement(using: &generator)! }
            #expect(SoftDice.pairCount(a, b, tokenThreshold: 0.9) == SoftDice.pairs(a, b).count, "\(a) / \(b)")
        }
    }

    @Test func tokenThreshold() {
        // JENU / JENGGOLO ≈ 0.80.
        #expect(SoftDice.score(["JENU"], ["JENGGOLO"]) == 0)
        #expect(SoftDice.score(["JENU"], ["JENGGOLO"], tokenThreshold: 0.75) == 1)
    }

    @Test func tokensExactlyAtTheThresholdPair() {
        // ASRI / AMASRI is exactly 9/10, computed as 0.8999999999999999.
        #expect(SoftDice.score(["ASRI"], ["AMASRI"]) == 1)
        #expect(SchoolName("SD NEGERI 1 ASRI").parts.score(against: SchoolName("SD NEGERI 1 AMASRI").parts) == 1)
    }

    @Test func partsScoreIsSoftDiceOfPlaces() {
        let a = SchoolName("SMK NEGERI 1 SEPULU").parts, b = SchoolName("SMK 1 SEPULUH").parts
        #expect(a.score(against: b) == 1)
        let c = SchoolName("SD NEGERI 1 LOJEJER WETAN").parts, d = SchoolName("SD NEGERI 1 LOJEJER").parts
        #expect(abs(c.score(against: d) - 2.0 / 3) < 1e-9)
    }
}
