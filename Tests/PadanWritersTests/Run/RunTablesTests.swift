import Foundation
import PadanCore
import PadanTestSupport
import Testing

@testable import PadanWriters

@Suite("RunTables")
struct RunTablesTests {
    @Test(arguments: [
        (0.0, "0.00"), (1.0, "1.00"), (0.875, "0.88"), (0.857_142_857, "0.86"), (0.8, "0.80"), (0.05, "0.05"),
        (0.666_666, "0.67"), (0.004, "0.00"), (0.999, "1.00"),
    ])
    func formatScore(_ score: Double, _ text: String) {
        #expect(RunTables.formatScore(score) == text)
    }

    @Test func headersAreOutputsMd() {
        #expect(
            RunTables.linksHeader == ["ptk_id", "nip", "nama", "npsn", "method", "pns_id", "nip_siasn", "candidates"])
        #expect(
            RunTables.unorMapHeader == [
                "npsn", "nama_sekolah", "kabupaten_kota", "unor_id", "nama_unor", "method", "score",
            ])
        #expect(RunTables.rejectsHeader == ["input", "file", "line", "reason", "raw"])
        #expect(RunTables.blockedHeader == ["nip", "npsn", "periode", "peran", "reasons", "source"])
        #expect(RunTables.skippedHeader == ["nip", "npsn", "periode", "peran", "reason", "source"])
        #expect(
            RunTables.proposalsHeader == [
                "npsn", "nama_sekolah", "kabupaten_kota", "unor_id", "nama_unor", "skor", "alasan", "keputusan",
            ])
    }

    /// `SmallRegion` with one person per link method and one school per unit method.
    static func run() -> Reconciled {
        var region = SmallRegion()
        region.add(.with { $0.ptkId = "linked" })
        region.add(
            .with {
                $0.ptkId = "saran"; $0.nama = "Supriyadi"; $0.siasnNama = "SUPRIADI"; $0.nip = nil;
                $0.born = "1980-02-02"; $0.siasnBorn = "1980-02-02";
                $0.siasnNip = Fixture.pnsNIP(born: "19800202", serial: 5)
            })
        region.add(
            .with {
                $0.ptkId = "ganda"; $0.nama = "Siti"; $0.gender = .female; $0.nip = "1.98E+17"; $0.born = "1990-03-03"
            }, siasn: false)
        region.b.employee(
            "SITI AMINAH", nip: Fixture.pnsNIP(born: "19900303", sex: 2, serial: 6), unit: region.unit2,
            gender: .female, born: "1990-03-03")
        region.b.employee(
            "SITI RAHAYU", nip: Fixture.pnsNIP(born: "19900303", sex: 2, serial: 7), unit: region.unit2,
            gender: .female, born: "1990-03-03")
        region.add(
            .with {
                $0.ptkId = "tidak"; $0.nama = "=Zainal"; $0.nip = "19850101 201001 1 999"
            }, siasn: false)
        region.add(
            .with {
                $0.ptkId = "honor"; $0.status = "Guru Honor Sekolah"; $0.nip = nil
            }, siasn: false)
        // A fuzzy school: SDN Lojejer 04 against SD NEGERI 4 LOJEJER.
        region.b.school("20500004", "SDN Lojejer 04")
        region.b.unit("SD NEGERI 4 LOJEJER", under: region.tuban, id: "a00000000000000000000000000000f4")
        region.b.crosswalk(region.gentengUnit, SmallRegion.genteng)
        region.b.skp(nip: Fixture.pnsNIP(born: "19850101", serial: 101), npsn: SmallRegion.school1)
        region.b.skp(
            nip: Fixture.pnsNIP(born: "19850101", serial: 101), npsn: SmallRegion.school1, periode: "2024-1",
            peran: .kepalaSekolah)
        region.b.skp(nip: "19850101 201001 1 999", npsn: SmallRegion.school2, nipPenilai: "1")
        return region.b.reconcile()
    }

    static func csv(_ header: [String], _ rows: [[String]]) throws -> [UInt8] {
        let dir = try ScratchFolder()
        let path = dir.path("t.csv")
        let writer = try CSVFileWriter(path: path, header: header)
        for row in rows { try writer.write(row) }
        try writer.close()
        return [UInt8](try #require(FileManager.default.contents(atPath: path)))
    }

    @Test func links() throws {
        let rows = RunTables.links(Self.run().context)
        #expect(rows.map { $0[0] } == ["linked", "saran", "ganda", "tidak"])
        #expect(rows.map { $0[4] } == ["NIP", "SARAN", "GANDA", "TIDAK"])
        #expect(rows.map { $0[7] } == ["0", "1", "2", "0"])
        // A GANDA row names no one.
        #expect(rows[2][5] == "" && rows[2][6] == "")
        GoldenFile.check(try Self.csv(RunTables.linksHeader, rows), "Run/links.csv")
    }

    @Test func unorMap() throws {
        let rows = Array(RunTables.unorMap(Self.run().context))
        #expect(
            rows.map { $0[0] } == [
                "20500001", "20500002", "20500003", "20500004", SmallRegion.sma, SmallRegion.genteng,
            ])
        #expect(rows.map { $0[5] } == ["NAMA", "NAMA", "TIDAK", "FUZZY", "NAMA", "PEMADANAN"])
        #expect(rows[3][6] == "1.00")
        #expect(rows[2][3] == "" && rows[2][6] == "")
        GoldenFile.check(try Self.csv(RunTables.unorMapHeader, rows), "Run/unor_map.csv")
    }

    @Test func blockedAndSkipped() throws {
        let (blocked, skipped) = RunTables.skp(Self.run().decisions)
        // The linked teacher's school lists no principal; the unknown NIP; the other period.
        #expect(blocked.map { $0[4] } == ["PENILAI_TIDAK_DITEMUKAN", "NIP_TIDAK_DITEMUKAN"])
        #expect(blocked[1][0] == "198501012010011999")
        #expect(skipped.map { $0[4] } == ["PERIODE_LAIN"])
        #expect(skipped[0][2] == "2024-S1" && skipped[0][3] == "KEPALA_SEKOLAH")
        GoldenFile.check(try Self.csv(RunTables.blockedHeader, blocked), "Run/blocked.csv")
        GoldenFile.check(try Self.csv(RunTables.skippedHeader, skipped), "Run/skipped.csv")
    }

    @Test func disparitiesGolden() throws {
        let rows = Self.run().disparities.map {
            DisparityRow($0, status: "BARU", firstSeen: "20241122T190000Z", ageDays: 0)
        }
        GoldenFile.check(try Self.csv(DisparityRow.header, rows.map(\.cells)), "Run/disparities.csv")
    }
}
