import Foundation
import PadanCore
import Testing

@testable import PadanWriters

@Suite("CSVFileWriter")
struct CSVFileWriterTests {
    @Test(arguments: [
        ("plain", "plain"), ("", ""), ("Siti Ḥasanah Śarī", "Siti Ḥasanah Śarī"),
        // Formula guard.
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+62 812", "'+62 812"), ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"), ("\tTAB", "'\tTAB"), ("\rCR", "\"'\rCR\""),
        // Only at the start.
        ("a=b", "a=b"), ("2024-S2", "2024-S2"), (" =x", " =x"),
        // Quoting.
        ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("crlf\r\nend", "\"crlf\r\nend\""), ("'already", "'already"),
    ])
    func escape(_ cell: String, _ written: String) {
        #expect(CSVFileWriter.escape(cell) == written)
    }

    static let header = ["nip", "nama", "catatan"]
    static let rows: [[String]] = [
        ["198501012010011001", "Drs. H. Ahmad Fauzi, S.Pd.", "biasa"],
        ["", "=cmd|' /C calc'!A0", "+1"],
        ["-", "@import", "\tindent"],
        ["1.98501E+17", "Siti \"Ani\" Ḥasanah", "baris\nkedua"],
        ["'198501012010011001", "Ni Luh Putu Ayu", "\rreturn"],
    ]

    func written(bom: Bool) throws -> (bytes: [UInt8], mode: Int) {
        let dir = try ScratchFolder()
        let path = dir.path("out.csv")
        let writer = try CSVFileWriter(path: path, header: Self.header, bom: bom)
        for row in Self.rows { try writer.write(row) }
        try writer.close()
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        return ([UInt8](bytes), mode)
    }

    @Test func goldenWithoutBOM() throws {
        let (bytes, _) = try written(bom: false)
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF])
        GoldenFile.check(bytes, "CSV/tricky.csv")
    }

    @Test func goldenWithBOM() throws {
        let (bytes, _) = try written(bom: true)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(bytes.dropFirst(3)) == (try written(bom: false)).bytes)
        GoldenFile.check(bytes, "CSV/tricky-bom.csv")
    }

    @Test func createdWithMode0640() throws {
        // The umask is process-wide, so it is left alone here; `anExistingFileIsTruncatedAndNarrowed`
        // shows the mode is set explicitly, not left to the umask.
        let (_, mode) = try written(bom: false)
        #expect(mode & 0o777 == 0o640)
    }

    @Test func anExistingFileIsTruncatedAndNarrowed() throws {
        let dir = try ScratchFolder()
        let path = dir.path("old.csv")
        #expect(
            FileManager.default.createFile(
                atPath: path, contents: Data(repeating: 0x41, count: 1_000), attributes: [.posixPermissions: 0o666]))
        let writer = try CSVFileWriter(path: path, header: ["a"])
        try writer.write(["b"])
        try writer.close()
        #expect(FileManager.default.contents(atPath: path) == Data("a\nb\n".utf8))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o640)
    }

    @Test func largeOutputIsStreamedWhole() throws {
        let dir = try ScratchFolder()
        let path = dir.path("big.csv")
        let writer = try CSVFileWriter(path: path, header: ["i", "teks"])
        for i in 0..<20_000 { try writer.write([String(i), "baris \(i), dengan koma"]) }
        try writer.close()
        let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 20_001)
        #expect(lines.last == "19999,\"baris 19999, dengan koma\"")
    }

    @Test func anUnwritablePathIsAWriterErrorNamingIt() {
        let path = "/nonexistent-padan-dir/out.csv"
        #expect {
            _ = try CSVFileWriter(path: path, header: ["a"])
        } throws: { error in
            guard let error = error as? WriterError else { return false }
            return error.path == path && error.description.hasPrefix(path + ": tidak dapat ditulis")
        }
    }

    @Test func outputFileWriteHasMode0640() throws {
        let dir = try ScratchFolder()
        let path = dir.path("summary.json")
        try OutputFile.write("{}\n", to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("{}\n".utf8))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o640)
    }

    /// Ids and digit texts in every form, and texts that need quoting or the formula guard.
    static let cellRows: [(IdentifierText?, SiasnID?, DigitText?, String)] = [
        (
            IdentifierText("284D853F-F3D2-4FC5-A52A-C3799AA285D7"), SiasnID("418C1C4D1CB749FD92F3637A31AE5FE4"),
            DigitText("197610311998091537"), "Irfan, S.Pd."
        ),
        (
            IdentifierText("284d853ff3d24fc5a52ac3799aa285d7"), SiasnID("418c1c4d-1cb7-49fd-92f3-637a31ae5fe4"),
            DigitText("19761031 199809 1 537"), "=SUM(A1)"
        ),
        (IdentifierText("=not,an \"id\""), nil, DigitText("'197610311998091537"), "say \"hi\""),
        (nil, nil, DigitText("-1.98E+17, rusak"), ""),
        (IdentifierText(""), nil, nil, "-"),
        (nil, nil, DigitText("0012"), "two\nlines"),
    ]

    @Test func rowsOfCompactCellsAreWrittenAsTheirTextsWouldBe() throws {
        let dir = try ScratchFolder()
        let bytesPath = dir.path("bytes.csv"), textPath = dir.path("text.csv")
        let byBytes = try CSVFileWriter(path: bytesPath, header: ["ptk_id", "pns_id", "nip", "nama"])
        let byText = try CSVFileWriter(path: textPath, header: ["ptk_id", "pns_id", "nip", "nama"])
        for (ptk, pns, nip, nama) in Self.cellRows {
            func cells(_ row: inout some CSVCells) {
                row.id(ptk)
                row.id(pns)
                row.digits(nip)
                row.text(nama)
            }
            try byBytes.writeRow { cells(&$0) }
            var texts = CSVTextRow()
            cells(&texts)
            #expect(texts.cells == [ptk?.text ?? "", pns?.text ?? "", nip?.text ?? "", nama])
            try byText.write(texts.cells)
        }
        try byBytes.close()
        try byText.close()
        let written = try #require(FileManager.default.contents(atPath: bytesPath))
        #expect(written == FileManager.default.contents(atPath: textPath))
        #expect(String(decoding: written, as: UTF8.self).contains("\"'=not,an \"\"id\"\"\""))
    }
}
