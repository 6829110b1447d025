import PadanCore
import Testing

@Suite("Periode, SkpRole, Predikat, PerilakuFokus")
struct PeriodeTests {
    @Test(arguments: [
        ("2024-1", 2024, 1), ("2024-2", 2024, 2), ("2024-S1", 2024, 1), ("2024-S2", 2024, 2), ("2024-s2", 2024, 2),
        (" 2024 - S2 ", 2024, 2), ("Januari-Juni 2024", 2024, 1), ("Juli-Desember 2024", 2024, 2),
        ("JULI-DESEMBER 2025", 2025, 2), ("januari-juni 2023", 2023, 1),
    ])
    func readings(_ text: String, _ year: Int, _ semester: Int) throws {
        let periode = try #require(Periode(reading: text))
        #expect(periode.year == year)
        #expect(periode.semester == semester)
        #expect(periode == Periode(year: year, semester: semester))
    }

    @Test(
        arguments: [
            nil, "", "2024", "2024-3", "2024-S3", "2024-S0", "24-S2", "2024-S12", "Juli-Juni 2024", "Juli-Desember 24",
            "Semester 2 2024", "S2-2024",
        ] as [String?])
    func notAPeriode(_ text: String?) {
        #expect(Periode(reading: text) == nil)
    }

    @Test func descriptionAndBounds() throws {
        let s1 = try #require(Periode(year: 2024, semester: 1)), s2 = try #require(Periode(year: 2024, semester: 2))
        #expect(s1.description == "2024-S1")
        #expect(s1.start == "2024-01-01" && s1.end == "2024-06-30")
        #expect(s2.description == "2024-S2")
        #expect(s2.start == "2024-07-01" && s2.end == "2024-12-31")
        #expect(Periode(year: 2024, semester: 3) == nil)
    }

    @Test(arguments: [
        ("GURU", SkpRole.guru), ("Guru", .guru), ("guru", .guru), ("KEPALA_SEKOLAH", .kepalaSekolah),
        ("Kepala Sekolah", .kepalaSekolah), ("kepala sekolah", .kepalaSekolah),
        ("PLT_KEPALA_SEKOLAH", .pltKepalaSekolah),
        ("Plt. Kepala Sekolah", .pltKepalaSekolah), ("Plt Kepala Sekolah", .pltKepalaSekolah),
    ])
    func roles(_ text: String, _ role: SkpRole) {
        #expect(SkpRole(reading: text) == role)
    }

    @Test(arguments: [nil, "", "Kepala", "Pengawas", "Wakil Kepala Sekolah", "GURU_BK"] as [String?])
    func notARole(_ text: String?) {
        #expect(SkpRole(reading: text) == nil)
    }

    @Test func modelPerRole() {
        #expect(SkpRole.guru.model == "JF")
        #expect(SkpRole.kepalaSekolah.model == "JPT")
        #expect(SkpRole.pltKepalaSekolah.model == "JPT")
    }

    @Test(arguments: [
        ("Sangat Baik", "Sangat Baik"), ("SANGAT BAIK", "Sangat Baik"), ("sangat  baik", "Sangat Baik"),
        ("baik", "Baik"),
        ("Butuh Perbaikan", "Butuh Perbaikan"), ("kurang", "Kurang"), ("Sangat Kurang", "Sangat Kurang"),
    ])
    func predikat(_ text: String, _ canonical: String) {
        #expect(Predikat.canonical(text) == canonical)
    }

    @Test(arguments: ["", "Cukup", "Baik Sekali", "Sangat"])
    func notAPredikat(_ text: String) {
        #expect(Predikat.canonical(text) == nil)
    }

    @Test(arguments: PerilakuFokus.all)
    func perilakuFokusAnyCase(_ aspect: String) {
        #expect(PerilakuFokus.canonical(aspect.uppercased()) == aspect)
        #expect(PerilakuFokus.canonical(" \(aspect.lowercased()) ") == aspect)
    }

    @Test func perilakuFokusOutsideBerAKHLAK() {
        #expect(PerilakuFokus.canonical("Disiplin") == nil)
        #expect(PerilakuFokus.all.count == 7)
    }
}
