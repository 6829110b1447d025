import Foundation
import Testing

/// Inputs shaped as real regions hand them over, through the real binary on region-a: XML exports that leave
/// out empty elements or spell names in another case, UTF-16 XML, an XML file without records, duplicate
/// keys, unknown values in optional columns and NIPs grouped with no-break spaces.
@Suite(.serialized)
struct InputShapeTests {
    /// What a run found, in terms that do not depend on the inputs' form: each link and each disparity by
    /// the people, schools and units it names (never by file and line, nor by a NIP as typed).
    struct Findings: Equatable {
        var links: [String]
        var disparities: [String]
        var skp: [String: Int]

        init(_ region: HostileRegion) throws {
            func rows(_ file: String, _ columns: [String]) throws -> [String] {
                let table = try PadanProcess.csv(region.latest.appendingPathComponent(file))
                let header = try #require(table.first)
                let wanted = try columns.map { try #require(header.firstIndex(of: $0), "\(file): \($0)") }
                return table.dropFirst().map { row in wanted.map { row[$0] }.joined(separator: "|") }.sorted()
            }
            links = try rows("links.csv", ["ptk_id", "npsn", "method", "pns_id"])
            disparities = try rows("disparities.csv", ["code", "pns_id", "ptk_id", "npsn", "unor_id", "field"])
            skp = try RowAccounting(region).skp
        }
    }

    /// What a run of region-a as it is finds, the reference each reshaped region is compared with (nil where
    /// region-a is not there).
    static func untouchedFindings() throws -> Findings? {
        guard let base = try HostileRegion.make() else { return nil }
        defer { base.remove() }
        #expect(try base.run().status == 0)
        return try Findings(base)
    }

    /// `text` with XML's special characters escaped.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A CSV table as XML records named `record`, empty values left out as .NET's `DataSet.WriteXml` does;
    /// rows whose field count is not the header's (rejects in the CSV) are left out too.
    static func xmlWithoutEmptyElements(_ table: [[String]], root: String, record: String) -> String {
        guard let header = table.first else { return "" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root)>\n"
        for row in table.dropFirst() where row.count == header.count {
            xml += "  <\(record)>"
            for (name, value) in zip(header, row) where !value.isEmpty { xml += "<\(name)>\(escaped(value))</\(name)>" }
            xml += "</\(record)>\n"
        }
        return xml + "</\(root)>\n"
    }

    @Test func xmlWithoutEmptyElementsInAnyCaseAndInUTF16FindsWhatTheCSVFinds() throws {
        guard let expected = try Self.untouchedFindings() else { return }

        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        // PTK: the first record has no status_tugas, tugas_tambahan or nuptk element.
        let ptk = try PadanProcess.csv(region.url("dapodik/ptk-1.csv"))
        try region.replace(
            "dapodik/ptk-1.csv", with: Self.xmlWithoutEmptyElements(ptk, root: "daftar_ptk", record: "ptk"))
        // Schools: the first record without kecamatan; later ones spell NPSN and KECAMATAN in capitals;
        // the file in UTF-16 with a byte order mark, as Windows tools write it.
        var schools = try region.text("dapodik/sekolah.xml")
        let first = try #require(schools.range(of: "</sekolah>"))
        let head = schools[..<first.upperBound].replacingOccurrences(
            of: #"\s*<kecamatan>[^<]*</kecamatan>"#, with: "", options: .regularExpression)
        let rest = schools[first.upperBound...].replacingOccurrences(of: "npsn>", with: "NPSN>")
            .replacingOccurrences(of: "kecamatan>", with: "KECAMATAN>")
        schools = (head + rest).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        try region.replace(
            "dapodik/sekolah.xml", with: [0xFF, 0xFE] + schools.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["dapodik_sekolah"]?.rejected == 0)
        #expect(accounting.inputs["dapodik_sekolah"]?.rows == 42)
        #expect(try Findings(region) == expected)
    }

    @Test func aRequiredColumnNoRecordHoldsIsFatalAndALackingRecordIsARowReject() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let schools = try region.text("dapodik/sekolah.xml")
        let withoutNames = schools.replacingOccurrences(
            of: #"<nama>[^<]*</nama>"#, with: "", options: .regularExpression)
        try region.replace("dapodik/sekolah.xml", with: withoutNames)
        let message = "dapodik/sekolah.xml: kolom wajib 'nama' tidak ada di rekaman mana pun (dapodik_sekolah)"
        let run = try region.run()
        #expect(run.status == 65)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        let check = try PadanProcess.run(["check", region.pipeline.path])
        #expect(check.status == 65)
        #expect(check.stderr.contains(message), "\(check.stderr)")

        // One school with its name: the others are rejects, the run goes on.
        let first = try #require(withoutNames.range(of: "<sekolah>"))
        try region.replace(
            "dapodik/sekolah.xml",
            with: withoutNames.replacingCharacters(in: first, with: "<sekolah><nama>SDN MOJOAGUNG</nama>"))
        #expect(try region.run().status == 0)
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["dapodik_sekolah"]?.rejected == 41)
        #expect(accounting.rejects(of: "dapodik/sekolah.xml").allSatisfy { $0[3] == "kolom wajib 'nama' kosong" })
    }

    @Test func anXMLFileWithoutRecordsIsAnEmptyTable() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        try region.replace(
            "dapodik/ptk-3.csv", with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<daftar_ptk>\n</daftar_ptk>")
        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let files = try #require(try RowAccounting(region).inputs["dapodik_ptk"]?.files)
        #expect(files["dapodik/ptk-3.csv"]?.rows == 0)
        #expect(try PadanProcess.run(["check", region.pipeline.path]).status == 0)
    }

    @Test func duplicateKeyRejectsCarryTheRawTextOfTheRejectedRow() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let pns = try region.text("siasn/pns.csv")
        let firstPerson = String(try #require(pns.split(separator: "\n").dropFirst().first))
        let twin = firstPerson.replacingOccurrences(of: "SULASTRI SURYANI", with: "SULASTRI KEDUA")
        try region.replace("siasn/pns.csv", with: pns + twin + "\n")
        let unor = try region.text("siasn/unor.csv")
        let firstUnit = String(try #require(unor.split(separator: "\n").dropFirst().first))
        try region.replace("siasn/unor.csv", with: unor + firstUnit + "\n")
        let schools = try region.text("dapodik/sekolah.xml")
        let record =
            "<sekolah><npsn>20504741</npsn><nama>SDN MOJOAGUNG KEDUA</nama><bentuk_pendidikan>SD</bentuk_pendidikan><status_sekolah>Negeri</status_sekolah><kode_wilayah>050619</kode_wilayah><kabupaten_kota>Kab. Tuban</kabupaten_kota><provinsi>Prov. Jawa Timur</provinsi></sekolah>"
        try region.replace(
            "dapodik/sekolah.xml",
            with: schools.replacingOccurrences(of: "</daftar_sekolah>", with: record + "\n</daftar_sekolah>"))

        #expect(try region.run().status == 0)
        let accounting = try RowAccounting(region)
        let raw = { (file: String, reason: String) in
            accounting.rejects(of: file).filter { $0[3].hasPrefix(reason) }.map { $0[4] }
        }
        #expect(raw("siasn/pns.csv", "pns_id ganda") == [twin])
        #expect(raw("siasn/unor.csv", "Id UNOR ganda") == [firstUnit])
        #expect(raw("dapodik/sekolah.xml", "NPSN ganda") == [record])
    }

    @Test func unknownOptionalValuesAreReadAsTheDefaultWithOneWarningPerFile() throws {
        guard let expected = try Self.untouchedFindings() else { return }

        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        // status_tugas: every empty (Induk) value of ptk-1.csv written as "Ya (Induk)".
        var ptk = try PadanProcess.csv(region.url("dapodik/ptk-1.csv"))
        let column = try #require(ptk.first?.firstIndex(of: "status_tugas"))
        var changed = 0
        for i in ptk.indices.dropFirst() where ptk[i].count == ptk[0].count && ptk[i][column].isEmpty {
            ptk[i][column] = "Ya (Induk)"
            changed += 1
        }
        // The rows the CSV rejects by their shape are left out (they are rejects either way).
        let csv = ptk.filter { $0.count == ptk[0].count }.map { row in
            row.map {
                $0.contains(",") || $0.contains("\"")
                    ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0
            }
            .joined(separator: ",")
        }
        try region.replace("dapodik/ptk-1.csv", with: csv.joined(separator: "\n") + "\n")
        // NIPs grouped with no-break spaces, as pasted from a web page.
        let ptk2 = try region.text("dapodik/ptk-2.csv").replacingOccurrences(
            of: #"(?<=,)(\d{8})(\d{6})(\d)(\d{3})(?=,)"#, with: "$1\u{00A0}$2\u{00A0}$3\u{202F}$4",
            options: .regularExpression)
        try region.replace("dapodik/ptk-2.csv", with: ptk2)

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(!accounting.rejects(of: "dapodik/ptk-1.csv").contains { $0[3].contains("status_tugas") })
        #expect(
            accounting.warnings.contains(
                "dapodik/ptk-1.csv: status_tugas tidak dikenal pada \(changed) baris (mis. 'Ya (Induk)'): dibaca sebagai Induk"
            ),
            "\(accounting.warnings)")
        #expect(try Findings(region) == expected)
    }
}
