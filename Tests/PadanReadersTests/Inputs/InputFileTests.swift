import Foundation
import Testing

@testable import PadanReaders

@Suite("InputFile: form decided by content")
struct InputFileTests {
    static let csv = "npsn;nama\n20500001;SD NEGERI 1 LOJEJER\n20500002;\"SMKN 1, SEPULU\"\n"

    private func readAll(_ reader: any TableReader) throws -> [TableEvent] {
        var events: [TableEvent] = []
        while let event = try reader.next() { events.append(event) }
        return events
    }

    @Test(arguments: ["sekolah.csv", "sekolah.txt", "sekolah.xml", "sekolah"])
    func csvWhateverTheExtension(name: String) throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        let path = try folder.write(name, Self.csv)
        let reader = try InputFile.open(path: path, displayName: name)
        #expect(reader is CSVTableReader)
        #expect(reader.header == ["npsn", "nama"])
        #expect(try readAll(reader).count == 2)
    }

    @Test(arguments: ["sekolah.csv.gz", "sekolah.csv"])
    func gzipDetectedByMagicBytes(name: String) throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        let path = try folder.write(name, try gzipped([0xEF, 0xBB, 0xBF] + Array(Self.csv.utf8)))
        let reader = try InputFile.open(path: path, displayName: name)
        #expect(reader is CSVTableReader)
        #expect(reader.header == ["npsn", "nama"])
        let events = try readAll(reader)
        #expect(
            events.last
                == .record(
                    TableRecord(line: 3, fields: ["20500002", "SMKN 1, SEPULU"], raw: "20500002;\"SMKN 1, SEPULU\"")))
    }

    @Test(arguments: [
        "<sekolah><baris npsn=\"1\"/></sekolah>",
        "\u{FEFF}<?xml version=\"1.0\"?><a/>",
        "\n\r\n  \t<a/>",
    ])
    func xmlDetectedByFirstVisibleByte(text: String) throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        for (name, bytes) in [("a.csv", Array(text.utf8)), ("a.csv.gz", try gzipped(Array(text.utf8)))] {
            let path = try folder.write(name, bytes)
            // The XML reader judges the content itself; it only has to be the one chosen.
            do {
                let reader = try InputFile.open(path: path, displayName: name)
                #expect(reader is XMLTableReader)
            } catch {
                #expect(error.file == name)
                #expect(error.kind != .unreadable)
            }
        }
    }

    @Test(arguments: [
        ("  nama,nip\n<b>,1\n", false), ("\u{FEFF}<a/>", true), ("\u{FEFF}nama\n", false), ("   ", false), ("", false),
    ])
    func markupDetection(text: String, isMarkup: Bool) throws {
        #expect(try InputFile.startsWithMarkup(PeekableByteSource(TrickleByteSource(text, step: 2))) == isMarkup)
    }

    /// `text` in UTF-16, little- or big-endian, after `mark` (a byte order mark, or none).
    private static func utf16(_ text: String, bigEndian: Bool, mark: [UInt8]) -> [UInt8] {
        mark
            + text.utf16.flatMap { unit in
                bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
    }

    @Test(arguments: [
        (false, [0xFF, 0xFE] as [UInt8]), (true, [0xFE, 0xFF]), (false, []), (true, []),
    ])
    func utf16MarkupIsXML(bigEndian: Bool, mark: [UInt8]) throws {
        for text in ["<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", " \r\n<a/>"] {
            let bytes = Self.utf16(text, bigEndian: bigEndian, mark: mark)
            #expect(try InputFile.startsWithMarkup(PeekableByteSource(TrickleByteSource(bytes, step: 1))))
        }
        // UTF-16 text that is not markup stays CSV (the CSV reader refuses it with its own message).
        let csv = Self.utf16("nama,nip\n", bigEndian: bigEndian, mark: mark)
        #expect(try !InputFile.startsWithMarkup(PeekableByteSource(TrickleByteSource(csv))))
    }

    @Test(arguments: [false, true])
    func utf16XMLFileIsReadWithItsRecordsAndLines(bigEndian: Bool) throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<daftar>\r\n<sekolah><npsn>20504741</npsn><nama>SD NEGERI Ḱ</nama></sekolah>\r\n<sekolah><npsn>20504744</npsn></sekolah>\r\n</daftar>\r\n"
        let path = try folder.write(
            "sekolah.xml", Self.utf16(text, bigEndian: bigEndian, mark: bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]))
        let reader = try InputFile.open(path: path, displayName: "sekolah.xml", columns: [["npsn"], ["nama"]])
        #expect(reader is XMLTableReader)
        #expect(reader.header == ["npsn", "nama"])
        #expect(
            try readAll(reader) == [
                .record(
                    TableRecord(
                        line: 3, fields: ["20504741", "SD NEGERI Ḱ"],
                        raw: "<sekolah><npsn>20504741</npsn><nama>SD NEGERI Ḱ</nama></sekolah>")),
                .record(
                    TableRecord(line: 4, fields: ["20504744", ""], raw: "<sekolah><npsn>20504744</npsn></sekolah>")),
            ])
    }

    @Test func columnsLeaveACSVHeaderAsWritten() throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        let path = try folder.write("sekolah.csv", Self.csv)
        let reader = try InputFile.open(
            path: path, displayName: "sekolah.csv", columns: [["npsn"], ["nama"], ["kecamatan"]])
        #expect(reader.header == ["npsn", "nama"])
        #expect(!reader.noRecordHeld(0) && !reader.noRecordHeld(5))
    }

    @Test func longBlankPrefixStillFindsMarkup() throws {
        let text = String(repeating: "\n", count: 100_000) + "<a/>"
        #expect(try InputFile.startsWithMarkup(PeekableByteSource(TrickleByteSource(text))))
    }

    @Test func folderAsInput() throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        #expect(throws: InputError(.unreadable, file: "data", message: "tidak dapat dibaca: bukan berkas (folder)")) {
            _ = try InputFile.open(path: folder.path, displayName: "data")
        }
    }

    @Test func missingInput() throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        #expect(throws: InputError(.unreadable, file: "ptk.csv", message: "tidak dapat dibaca: berkas tidak ada")) {
            _ = try InputFile.open(path: folder.path + "/ptk.csv", displayName: "ptk.csv")
        }
    }

    @Test func emptyInput() throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        let path = try folder.write("ptk.csv", "")
        #expect(throws: InputError(.malformed, file: "ptk.csv", message: "berkas kosong (tidak ada baris judul)")) {
            _ = try InputFile.open(path: path, displayName: "ptk.csv")
        }
    }

    @Test func truncatedGzipInput() throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        let compressed = try gzipped(Array(String(repeating: Self.csv, count: 200).utf8))
        let path = try folder.write("ptk.csv.gz", Array(compressed.prefix(compressed.count / 2)))
        let error = try #require(throws: InputError.self) {
            let reader = try InputFile.open(path: path, displayName: "ptk.csv.gz")
            _ = try readAll(reader)
        }
        #expect(error == InputError(.malformed, file: "ptk.csv.gz", message: "berkas .gz terpotong atau rusak"))
    }
}
