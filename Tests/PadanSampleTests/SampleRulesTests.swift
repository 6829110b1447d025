import PadanSample
import Testing

/// The generator's own reading of `rules.md` section 1, which its truth depends on.
struct SampleRulesTests {
    @Test(arguments: [
        ("198501012010011001", "valid"),
        ("199205222019221887", "valid"),
        ("19850101 201001 1 001", "valid"),
        ("19850101.201001.1.001", "valid"),
        ("'198501012010011001", "valid"),
        ("1.98501E+17", "corrupted"),
        ("1,98501E+17", "corrupted"),
        ("198501012010011001,0", "corrupted"),
        ("198501012010011000.0", "corrupted"),
        ("19850101201001100", "invalid"),
        ("198513012010011001", "invalid"),
        ("198501012010131001", "invalid"),
        ("198501011995011001", "invalid"),
        ("", "empty"),
    ])
    func nipReading(written: String, expected: String) {
        let reading = NIP.read(written.isEmpty ? nil : written)
        switch (reading, expected) {
        case (.valid, "valid"), (.corrupted, "corrupted"), (.invalid, "invalid"), (.empty, "empty"): break
        default: Issue.record("\(written): \(reading), expected \(expected)")
        }
    }

    @Test(arguments: [
        ("Drs. H. Ahmad Fauzi, S.Pd., M.M.", "AHMAD FAUZI"),
        ("Irfan Kurniawan S.Pd.SD", "IRFAN KURNIAWAN"),
        ("=Hasan Eko Prasetyo", "HASAN EKO PRASETYO"),
        ("Siti-Aminah Rahayu", "SITI AMINAH RAHAYU"),
        ("Ni Made Sukarmá", "NI MADE SUKARMÁ"),
    ])
    func personNames(written: String, normalized: String) {
        #expect(PersonName.normalize(written) == normalized)
    }

    @Test func sameNameRules() {
        #expect(PersonName.samePerson("SITI AMINAH", "SITI AMINAH RAHAYU"))
        #expect(PersonName.samePerson("SUPRIYADI", "SUPRIADI"))
        #expect(!PersonName.samePerson("SRI WAHYUNI", "ENDANG KUSUMAWATI"))
    }

    @Test(arguments: [
        ("SDN LOJEJER 01", "SD NEGERI LOJEJER 1"),
        ("UPT SATUAN PENDIDIKAN SD N ROWOSARI III", "SD NEGERI ROWOSARI 3"),
        ("--UPTD SMKN 1 SEPULU", "SMK NEGERI 1 SEPULU"),
        ("SDS ISLAM KALISAT", "SD SWASTA ISLAM KALISAT"),
    ])
    func schoolNames(written: String, tokens: String) {
        #expect(SchoolName.tokens(written).joined(separator: " ") == tokens)
    }

    @Test func regionIsDroppedFromTheEnd() {
        let endings = [["KABUPATEN", "BLITAR"], ["KAB", "BLITAR"], ["BLITAR"]]
        let tokens = SchoolName.tokens("UPT SMA Negeri 1 Garum Blitar Kabupaten Blitar")
        #expect(SchoolName.droppingRegion(tokens, endings) == ["SMA", "NEGERI", "1", "GARUM"])
    }

    @Test func scores() {
        #expect(JaroWinkler.softDice(["GLAGAH"], ["GLAGAH", "FILIAL"]) < 0.7)
        #expect(JaroWinkler.softDice(["KEDUNGMAKAM"], ["KEDUNGMAKA"]) == 1)
        #expect(JaroWinkler.similarity("MARTHA", "MARHTA") > 0.96)
    }

    @Test func randomIsStable() {
        var random = SampleRandom(seed: 42)
        let first = (0..<4).map { _ in random.next() }
        var again = SampleRandom(seed: 42)
        #expect(first == (0..<4).map { _ in again.next() })
        #expect(Set(first).count == 4)
    }
}
