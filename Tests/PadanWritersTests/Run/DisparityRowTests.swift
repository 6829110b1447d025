import PadanCore
import PadanTestSupport
import Testing

@testable import PadanWriters

@Suite("DisparityRow")
struct DisparityRowTests {
    static func disparity() -> Disparity {
        var d = Disparity(code: .unorSatpenBerbeda, subject: .ptk, subjectKey: "ptk:p")
        d.nip = "198501012010011001"
        d.pnsId = "632cda9fb0b6d00d402fcd41fabd926f"
        d.ptkId = "p"
        d.nama = "Drs. H. Ahmad Fauzi, S.Pd."
        d.npsn = "20500001"
        d.namaSekolah = "SD NEGERI 1 LOJEJER"
        d.unorId = "a0000000000000000000000000000005"
        d.kabupatenKota = "Kab. Tuban"
        d.upt = "BGP Tuban"
        d.field = "unor"
        d.dapodikValue = "SD NEGERI 1 LOJEJER"
        d.siasnValue = "SD NEGERI 2 LOJEJER"
        d.suggestion = "a0000000000000000000000000000004"
        d.source = "ptk-1.csv:12"
        return d
    }

    @Test func cellsFollowTheHeader() {
        let d = Self.disparity()
        let row = DisparityRow(d, status: "BERLANJUT", firstSeen: "20241120T190000Z", ageDays: 2)
        #expect(row.cells.count == DisparityRow.header.count)
        #expect(row["disparity_id"] == d.id)
        #expect(row["code"] == "UNOR_SATPEN_BERBEDA")
        #expect(row["priority"] == "3")
        #expect(row["owner"] == "BKD")
        #expect(row["subject"] == "PTK")
        #expect(row["suggestion"] == "a0000000000000000000000000000004")
        #expect(row["status"] == "BERLANJUT")
        #expect(row["first_seen"] == "20241120T190000Z")
        #expect(row["age_days"] == "2")
        #expect(row["source"] == "ptk-1.csv:12")
        #expect(row["no_such_column"] == "")
    }

    @Test func headerIsOutputsMd() {
        #expect(
            DisparityRow.header == [
                "disparity_id", "code", "priority", "owner", "subject", "nip", "pns_id", "ptk_id", "nama", "npsn",
                "nama_sekolah", "unor_id", "kabupaten_kota", "upt", "field", "dapodik_value", "siasn_value",
                "suggestion",
                "status", "first_seen", "age_days", "source",
            ])
    }

    @Test func subscriptSetsAColumn() {
        var row = DisparityRow(Self.disparity(), status: "BARU", firstSeen: "r1", ageDays: 0)
        row["status"] = "SELESAI"
        row["unknown"] = "x"
        #expect(row["status"] == "SELESAI")
        #expect(row.cells.count == DisparityRow.header.count)
    }

    /// `resolved.csv`'s rows (from the store) in `disparities.csv`'s order: priority as a number, then
    /// kabupaten/kota, NPSN, code and NIP as texts, the id last.
    @Test func rowsSortAsDisparitiesCsv() {
        func row(_ id: String, _ code: String, _ priority: String, kab: String, npsn: String, nip: String)
            -> DisparityRow
        {
            var row = DisparityRow(cells: [id, code, priority])
            row["kabupaten_kota"] = kab
            row["npsn"] = npsn
            row["nip"] = nip
            return row
        }
        let expected = [
            row("f1", "NIP_TIDAK_VALID", "1", kab: "Kab. Tuban", npsn: "2", nip: "9"),
            row("a2", "UNOR_WILAYAH_BERBEDA", "2", kab: "Kab. Banyuwangi", npsn: "1", nip: "1"),
            row("e3", "GOLONGAN_BERBEDA", "4", kab: "Kab. Banyuwangi", npsn: "1", nip: "5"),
            row("d4", "GOLONGAN_BERBEDA", "4", kab: "Kab. Tuban", npsn: "1", nip: "1"),
            row("c5", "NAMA_BERBEDA", "4", kab: "Kab. Tuban", npsn: "1", nip: "1"),
            row("b6", "NAMA_BERBEDA", "4", kab: "Kab. Tuban", npsn: "1", nip: "2"),
            row("a7", "NAMA_BERBEDA", "10", kab: "", npsn: "", nip: ""),
        ]
        #expect(
            expected.reversed().sorted(by: DisparityRow.outputOrder).map { $0["disparity_id"] }
                == expected.map { $0["disparity_id"] })
    }

    @Test func shortRowsArePadded() {
        let row = DisparityRow(cells: ["id", "NIP_KOSONG"])
        #expect(row.cells.count == DisparityRow.header.count)
        #expect(row["code"] == "NIP_KOSONG")
        #expect(row["source"] == "")
    }

    @Test(arguments: [
        "plain", "", "Siti \"Ani\"", #"C:\path\to"#, "baris\nkedua\r\n", "\u{01}\u{1F}\t", "Śarī Ḥasanah 😀", "=cmd",
        "[\"x\",",
    ])
    func jsonRoundTrip(_ text: String) throws {
        var d = Self.disparity()
        d.nama = text
        d.dapodikValue = text + text
        let row = DisparityRow(d, status: "BARU", firstSeen: "r", ageDays: 0)
        let back = try #require(DisparityRow(json: row.json))
        #expect(back == row)
    }

    @Test func jsonIsACanonicalArrayOfStrings() {
        let row = DisparityRow(cells: ["a\"b", "é"])
        #expect(row.json.hasPrefix(#"["a\"b","é","#))
    }

    @Test(arguments: [
        (#"["a", "b"]"#, ["a", "b"]), (#" [ ] "#, []), (#"["\u00e9\/"]"#, ["é/"]), ("[\"x\"]", ["x"]),
    ])
    func parsesWhatOtherWritersProduce(_ json: String, _ cells: [String]) {
        #expect(JSONStringArray.parse(json) == cells)
    }

    @Test(arguments: ["", "{}", "[1]", #"["a""#, #"["a" "b"]"#, #"["\u12"]"#, #"["\"#, "[\"a\",]", "[\"\\ud800\"]"])
    func rejectsMalformedJSON(_ json: String) {
        #expect(DisparityRow(json: json) == nil)
    }
}
