import Foundation
import Testing

@testable import PadanWriters

@Suite("EscalationList")
struct EscalationListTests {
    @Test(arguments: [
        ("BGP Jawa Timur", "bgp-jawa-timur"), ("BGP Tuban", "bgp-tuban"), ("UPT  Kab. Tuban / II", "upt-kab-tuban-ii"),
        ("  -BGP- ", "bgp"), ("BBGP Nusa Tenggara Barat (NTB)", "bbgp-nusa-tenggara-barat-ntb"), ("", "upt"),
        ("---", "upt"),
        ("BGP 05", "bgp-05"),
    ])
    func slug(_ name: String, _ expected: String) {
        #expect(EscalationList.slug(name) == expected)
    }

    static func entry(
        _ code: String, priority: Int, age: Int, kab: String = "Kab. Tuban", npsn: String = "20500001", nip: String = ""
    )
        -> EscalationList.Entry
    {
        EscalationList.Entry(
            priority: priority, code: code, uraian: "uraian \(code)", owner: "BKD", kabupatenKota: kab, npsn: npsn,
            sekolah: "SD NEGERI 1 LOJEJER", nip: nip, nama: "Ahmad", ageDays: age, since: "20241101T190000Z",
            action: "tindakan \(code)")
    }

    @Test func oldestFirstThenHighestPriority() {
        let list = EscalationList(
            upt: "BGP Tuban",
            entries: [
                Self.entry("NPSN_BELUM_PADAN", priority: 3, age: 30),
                Self.entry("NIP_KOSONG", priority: 1, age: 2),
                Self.entry("UNOR_WILAYAH_BERBEDA", priority: 2, age: 30),
                Self.entry("NIP_RUSAK", priority: 1, age: 30, kab: "Kab. Banyuwangi"),
                Self.entry("NIP_RUSAK", priority: 1, age: 30, nip: "2"),
                Self.entry("NIP_RUSAK", priority: 1, age: 30, nip: "1"),
                Self.entry("NIP_GANDA", priority: 1, age: 45),
            ])
        #expect(
            list.entries.map { "\($0.ageDays) \($0.code) \($0.kabupatenKota) \($0.nip)" } == [
                "45 NIP_GANDA Kab. Tuban ", "30 NIP_RUSAK Kab. Banyuwangi ", "30 NIP_RUSAK Kab. Tuban 1",
                "30 NIP_RUSAK Kab. Tuban 2", "30 UNOR_WILAYAH_BERBEDA Kab. Tuban ", "30 NPSN_BELUM_PADAN Kab. Tuban ",
                "2 NIP_KOSONG Kab. Tuban ",
            ])
    }

    @Test func headerAndCellsInBahasa() {
        #expect(
            EscalationList.header == [
                "Prioritas", "Kode", "Uraian", "Penanggung Jawab", "Kabupaten/Kota", "NPSN", "Sekolah", "NIP", "Nama",
                "Umur (hari)", "Sejak", "Saran Tindakan",
            ])
        let cells = Self.entry("NIP_KOSONG", priority: 1, age: 3, nip: "x").cells
        #expect(
            cells == [
                "1", "NIP_KOSONG", "uraian NIP_KOSONG", "BKD", "Kab. Tuban", "20500001", "SD NEGERI 1 LOJEJER", "x",
                "Ahmad",
                "3", "20241101T190000Z", "tindakan NIP_KOSONG",
            ])
    }

    @Test func golden() throws {
        let list = EscalationList(
            upt: "BGP Tuban",
            entries: [
                Self.entry("NPSN_BELUM_PADAN", priority: 3, age: 0),
                Self.entry("NIP_KOSONG", priority: 1, age: 12, nip: "-"),
            ])
        let dir = try ScratchFolder()
        let path = dir.path(EscalationList.slug(list.upt) + ".csv")
        let writer = try CSVFileWriter(path: path, header: EscalationList.header, bom: true)
        for entry in list.entries { try writer.write(entry.cells) }
        try writer.close()
        #expect(path.hasSuffix("/bgp-tuban.csv"))
        GoldenFile.check(
            [UInt8](try #require(FileManager.default.contents(atPath: path))), "Run/escalation-bgp-tuban.csv")
    }
}
