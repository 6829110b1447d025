import Testing

@testable import PadanCore

@Suite("PersonName")
struct PersonNameTests {
    @Test(arguments: [
        ("Drs. H. Ahmad Fauzi, S.Pd., M.M.", "AHMAD FAUZI"),
        ("Irfan Kurniawan S.Pd.SD", "IRFAN KURNIAWAN"),
        ("IRFAN KURNIAWAN, S.Pd.SD", "IRFAN KURNIAWAN"),
        ("Hj. Lina Suryani, M.Pd.", "LINA SURYANI"),
        ("Dr. Yusuf Effendi", "YUSUF EFFENDI"),
        ("dr Yusuf Effendi", "YUSUF EFFENDI"),
        ("Prof. Dr. Ir. Budi Santoso", "BUDI SANTOSO"),
        ("DRS.H. Ahmad Fauzi", "AHMAD FAUZI"),
        ("KH Hasyim Asy'ari", "HASYIM ASY'ARI"),
        ("drg. Siti Aminah", "SITI AMINAH"),
        ("FITRI NURHAYATI S.Ag.", "FITRI NURHAYATI"),
        ("Dedi Hidayat S.Kom.", "DEDI HIDAYAT"),
        ("Siti Handayani A.Ma.", "SITI HANDAYANI"),
        ("Nur Aini S.Pd.I", "NUR AINI"),
        ("Budi Santoso S.Pd. M.Pd.", "BUDI SANTOSO"),
        ("Kusnadi Eko Susanto, A.Ma.", "KUSNADI EKO SUSANTO"),
        ("  siti   aminah  ", "SITI AMINAH"),
        ("Siti-Aminah", "SITI AMINAH"),
        ("M. Yusuf", "M YUSUF"),
        ("Ahmad S.", "AHMAD S"),
        // A name that is only a title keeps it: there is nothing else to compare.
        ("H.", "H"),
        ("Ni Luh Putu Ayu", "NI LUH PUTU AYU"),
    ])
    func normalizedForComparison(_ raw: String, _ expected: String) {
        #expect(PersonName(raw).text == expected)
    }

    @Test(arguments: [
        ("SITI AMINAH", "SITI AMINAH"),
        ("Drs. H. Ahmad Fauzi, S.Pd., M.M.", "AHMAD FAUZI"),
        ("siti aminah", "SITI AMINAH"),
        // Containment, either way round.
        ("SITI AMINAH", "SITI AMINAH RAHAYU"),
        ("SITI AMINAH RAHAYU", "SITI AMINAH"),
        ("AMINAH", "SITI AMINAH"),
        ("RAHAYU SITI", "SITI AMINAH RAHAYU"),
        // One-letter spellings, by Jaro-Winkler.
        ("SUPRIYADI", "SUPRIADI"),
        ("BUDI SANTOSO", "BUDI SANTOSA"),
        ("SITI AMINAH", "SITI AMINA"),
    ])
    func samePerson(_ a: String, _ b: String) {
        #expect(PersonName(a).isSamePerson(as: PersonName(b), threshold: 0.90))
    }

    @Test(arguments: [
        ("BUDI SANTOSO", "AGUS SALIM"),
        ("SITI AMINAH", "SRI WAHYUNI"),
        ("WIDODO", "WIDADA"),
        // Containment counts tokens with multiplicity.
        ("SITI SITI", "SITI AMINAH"),
        ("", "SITI"),
    ])
    func differentPeople(_ a: String, _ b: String) {
        #expect(!PersonName(a).isSamePerson(as: PersonName(b), threshold: 0.90))
        #expect(!PersonName(b).isSamePerson(as: PersonName(a), threshold: 0.90))
    }

    @Test func thresholdDecides() {
        // SRI WAHYUNI / SRI WAHYUNINGSIH ≈ 0.9375.
        let a = PersonName("SRI WAHYUNI"), b = PersonName("SRI WAHYUNINGSIH")
        #expect(a.isSamePerson(as: b, threshold: 0.93))
        #expect(!a.isSamePerson(as: b, threshold: 0.95))
    }

    /// The byte path for ASCII names gives the tokens the general path gives.
    @Test(arguments: [
        "Drs. H. Ahmad Fauzi, S.Pd., M.M.", "Irfan Kurniawan S.Pd.SD", "DRS.H. Ahmad Fauzi", "KH Hasyim Asy'ari",
        "Nur Aini S.Pd.I", "  Siti\tAminah  ", "S.Pd.", "H.", "Dr. ", "A.B.C.D.E F", "AB.CDEFG.H X", "Budi 2 Santoso-Putra",
        "Wawan Nugroho, S.Pd., M.Pd.", "..H..DRS.. Ani", "Ani M.", "Ani .M", "ani.b.c", "x\r\ny", "", ",", "O'NEIL Bin' ",
        "Prof.Dr.Ir. H. M. Yusuf", "dr Yusuf Effendi S.Kom", "A.Ma Siti", "Siti A.Ma.Pd",
    ])
    func asciiPathMatchesGeneralPath(_ name: String) {
        #expect(PersonName.asciiTokens(name) == PersonName.tokens(name))
    }
}
