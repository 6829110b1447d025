import Foundation
import Testing

/// Hostile CSV through the real binary: each bad row is a reject with its line, every good row is kept,
/// and the counts add up.
@Suite(.serialized)
struct CSVHostileTests {
    /// region-a as shipped: data rows and rejects of the files these tests change.
    enum RegionA {
        static let ptk1 = "dapodik/ptk-1.csv"
        static let ptk1Rows = 176
        static let ptk1Rejected = 2
        static let skp = "pmm/skp.csv"
        static let skpRows = 93
        static let skpRejected = 4
    }

    /// The lines of a file (split on LF, the last empty piece kept so joining restores it).
    static func lines(_ region: HostileRegion, _ file: String) throws -> [[UInt8]] {
        try region.bytes(file).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    static func join(_ lines: [[UInt8]]) -> [UInt8] { Array(lines.joined(separator: [0x0A])) }

    static func replacing(_ line: [UInt8], _ old: String, _ new: [UInt8]) throws -> [UInt8] {
        let text = String(decoding: line, as: UTF8.self)
        let range = try #require(text.range(of: old))
        return Array(text[..<range.lowerBound].utf8) + new + Array(text[range.upperBound...].utf8)
    }

    @Test func unterminatedQuoteRejectsItsLineOnly() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        var lines = try Self.lines(region, RegionA.skp)
        lines[4] = [0x22] + lines[4]
        try region.replace(RegionA.skp, with: Self.join(lines))

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["pmm_skp"]?.rows == RegionA.skpRows)
        #expect(accounting.inputs["pmm_skp"]?.rejected == RegionA.skpRejected + 1)
        #expect(accounting.rejects(of: RegionA.skp).contains { $0[2] == "5" && $0[3] == "tanda kutip tidak ditutup" })
    }

    @Test func quoteInsideAnUnquotedFieldIsKeptAsText() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        var lines = try Self.lines(region, RegionA.ptk1)
        lines[2] = try Self.replacing(lines[2], "Irfan Kurniawan", Array("Irfan \"Ucok\" Kurniawan".utf8))
        try region.replace(RegionA.ptk1, with: Self.join(lines))

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["dapodik_ptk"]?.files[RegionA.ptk1]?.rows == RegionA.ptk1Rows)
        #expect(accounting.inputs["dapodik_ptk"]?.files[RegionA.ptk1]?.rejected == RegionA.ptk1Rejected)
        let links = try PadanProcess.csv(region.latest.appendingPathComponent("links.csv"))
        #expect(links.contains { $0.contains("Irfan \"Ucok\" Kurniawan S.Pd.SD") })
    }

    @Test func nulBytesRejectTheRow() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        var lines = try Self.lines(region, RegionA.ptk1)
        lines[3].insert(contentsOf: [0, 0], at: 20)
        try region.replace(RegionA.ptk1, with: Self.join(lines))

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["dapodik_ptk"]?.files[RegionA.ptk1]?.rows == RegionA.ptk1Rows)
        #expect(accounting.inputs["dapodik_ptk"]?.files[RegionA.ptk1]?.rejected == RegionA.ptk1Rejected + 1)
        #expect(accounting.rejects(of: RegionA.ptk1).contains { $0[2] == "4" && $0[3] == "berisi karakter NUL" })
    }

    @Test func tenMegabyteNameIsRejectedWithoutSlowingTheRun() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        var lines = try Self.lines(region, RegionA.ptk1)
        // An ASN row, so the name would reach matching, the rules and the report.
        let index = try #require(lines.firstIndex { String(decoding: $0, as: UTF8.self).contains(",PNS,") })
        let name = "Kusnadi " + String(repeating: "A", count: 10 * 1024 * 1024)
        lines[index] = try Self.replacing(lines[index], "\"Kusnadi Fauzi, S.Si.\"", Array(name.utf8))
        try region.replace(RegionA.ptk1, with: Self.join(lines))

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.seconds < 30, "took \(run.seconds) s")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["dapodik_ptk"]?.files[RegionA.ptk1]?.rows == RegionA.ptk1Rows)
        #expect(accounting.inputs["dapodik_ptk"]?.files[RegionA.ptk1]?.rejected == RegionA.ptk1Rejected + 1)
        let reject = try #require(accounting.rejects(of: RegionA.ptk1).first { $0[2] == "\(index + 1)" })
        #expect(reject[3].hasPrefix("kolom 'nama' terlalu panjang"), "\(reject[3])")
        let report = try FileManager.default.attributesOfItem(
            atPath: region.latest.appendingPathComponent("report.html").path)
        #expect((report[.size] as? Int ?? 0) < 5_000_000)
    }

    @Test func oneMegabyteLineWithoutNewlineAtTheEndIsOneReject() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        var bytes = try region.bytes(RegionA.ptk1)
        if bytes.last != 0x0A { bytes.append(0x0A) }
        let line = (try Self.lines(region, RegionA.ptk1)).count - (bytes.last == 0x0A ? 0 : 1)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 1024 * 1024)
        try region.replace(RegionA.ptk1, with: bytes)

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["dapodik_ptk"]?.files[RegionA.ptk1]?.rows == RegionA.ptk1Rows + 1)
        #expect(accounting.inputs["dapodik_ptk"]?.files[RegionA.ptk1]?.rejected == RegionA.ptk1Rejected + 1)
        let reject = try #require(accounting.rejects(of: RegionA.ptk1).first { $0[2] == "\(line)" })
        #expect(reject[3] == "jumlah kolom 1, seharusnya 13")
    }

    @Test func invalidUTF8InTheMiddleIsReadAsWindows1252WithAWarning() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        var lines = try Self.lines(region, RegionA.ptk1)
        // `í` in Windows-1252 is the single byte 0xED, never valid UTF-8 before an ASCII letter.
        lines[5] = try Self.replacing(lines[5], "Kartini Astuti", Array("Kart".utf8) + [0xED] + Array("ni Astuti".utf8))
        try region.replace(RegionA.ptk1, with: Self.join(lines))

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let warning = "\(RegionA.ptk1): berkas bukan UTF-8 yang sah; dibaca sebagai Windows-1252 (pertama di baris 6)"
        #expect(run.stderr.contains(warning), "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.warnings.contains(warning))
        #expect(accounting.inputs["dapodik_ptk"]?.files[RegionA.ptk1]?.rejected == RegionA.ptk1Rejected)
        let links = try PadanProcess.csv(region.latest.appendingPathComponent("links.csv"))
        #expect(links.contains { $0.contains("Kartíni Astuti, S.Kom.") })
    }

    @Test func duplicateHeaderNameReadsTheFirst() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        var lines = try Self.lines(region, RegionA.ptk1)
        lines[0] = try Self.replacing(lines[0], ",nuptk,", Array(",nama,".utf8))
        try region.replace(RegionA.ptk1, with: Self.join(lines))

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["dapodik_ptk"]?.files[RegionA.ptk1]?.rows == RegionA.ptk1Rows)
        #expect(accounting.inputs["dapodik_ptk"]?.files[RegionA.ptk1]?.rejected == RegionA.ptk1Rejected)
        let links = try PadanProcess.csv(region.latest.appendingPathComponent("links.csv"))
        #expect(links.contains { $0.contains("Kartini Astuti, S.Kom.") })
    }

    @Test func headerOnlyIsAnEmptyInput() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let header = try #require(try Self.lines(region, RegionA.skp).first)
        try region.replace(RegionA.skp, with: header + [0x0A])

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["pmm_skp"]?.rows == 0)
        #expect(accounting.skp["rows"] == 0 && accounting.skp["eligible"] == 0)
    }

    @Test func emptyFileExits65NamingIt() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        try region.replace(RegionA.skp, with: [UInt8]())

        let run = try region.run()
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(RegionA.skp): berkas kosong"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: region.latest.path))
    }

    @Test func rowsWithAnotherDelimiterAreRejected() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        var lines = try Self.lines(region, RegionA.skp)
        for (index, delimiter) in [(3, ";"), (6, "|"), (7, "\t")] {
            lines[index] = Array(
                String(decoding: lines[index], as: UTF8.self).replacingOccurrences(of: ",", with: delimiter).utf8)
        }
        try region.replace(RegionA.skp, with: Self.join(lines))

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["pmm_skp"]?.rows == RegionA.skpRows)
        #expect(accounting.inputs["pmm_skp"]?.rejected == RegionA.skpRejected + 3)
        let rejected = Set(
            accounting.rejects(of: RegionA.skp).filter { $0[3].hasPrefix("jumlah kolom 1,") }.map { $0[2] })
        #expect(rejected == ["4", "7", "8"])
    }

    @Test(arguments: [false, true])
    func gzipIsReadAndATruncatedOneExits65(truncated: Bool) throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let gz = Process()
        gz.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gz.arguments = ["-n", region.url(RegionA.skp).path]
        try gz.run()
        gz.waitUntilExit()
        let name = RegionA.skp + ".gz"
        if truncated {
            let bytes = try region.bytes(name)
            try region.replace(name, with: Array(bytes.prefix(bytes.count / 2)))
        }
        try region.editPipeline { $0.replacingOccurrences(of: "\"\(RegionA.skp)\"", with: "\"\(name)\"") }

        let run = try region.run()
        if truncated {
            #expect(run.status == 65)
            #expect(run.stderr.contains("\(name): berkas .gz terpotong atau rusak"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: region.latest.path))
        } else {
            #expect(run.status == 0, "\(run.stderr)")
            let accounting = try RowAccounting(region)
            #expect(accounting.inputs["pmm_skp"]?.files[name]?.rows == RegionA.skpRows)
            #expect(accounting.inputs["pmm_skp"]?.rejected == RegionA.skpRejected)
        }
    }
}
