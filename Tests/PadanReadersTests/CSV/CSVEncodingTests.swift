import Testing

@testable import PadanReaders

@Suite("CSV: UTF-8, Windows-1252 fallback, UTF-16")
struct CSVEncodingTests {
    @Test(arguments: ReadMode.all)
    func invalidUTF8FieldIsReadAsWindows1252WithOneWarning(mode: ReadMode) throws {
        // "Jos\u{E9}" and “Ani” written by an ANSI spreadsheet; "Dédé" in the row after is real UTF-8.
        let bytes =
            Array("nama;catatan\n".utf8)
            + Array("Jos".utf8) + [0xE9] + Array(";".utf8) + [0x93] + Array("Ani".utf8) + [0x94] + [0x0A]
            + Array("Dédé;€ 5\n".utf8)
            + [0x80, 0x3B, 0x81, 0x8D, 0x9F, 0x0A]
        let reading = try CSVReading(bytes, mode: mode)
        #expect(reading.rows == [["José", "“Ani”"], ["Dédé", "€ 5"], ["€", "\u{81}\u{8D}Ÿ"]])
        #expect(reading.warnings == ["berkas bukan UTF-8 yang sah; dibaca sebagai Windows-1252 (pertama di baris 2)"])
        #expect(reading.records.map(\.raw) == ["José;“Ani”", "Dédé;€ 5", "€;\u{81}\u{8D}Ÿ"])
    }

    @Test func rawTextOfMixedRowKeepsItsUTF8Field() throws {
        let bytes = Array("a,b\n\"Dédé\",".utf8) + [0xE9] + [0x0A]
        let reading = try CSVReading(bytes)
        #expect(reading.records.first?.raw == "\"Dédé\",é")
        #expect(reading.rows == [["Dédé", "é"]])
    }

    @Test func windows1252HeaderWarnsOnLineOne() throws {
        let reading = try CSVReading(Array("kode;keterangan ".utf8) + [0xB2] + Array("\n1;2\n".utf8))
        #expect(reading.header == ["kode", "keterangan ²"])
        #expect(reading.warnings.count == 1)
        #expect(reading.warnings.first?.hasSuffix("(pertama di baris 1)") == true)
    }

    @Test func validUTF8FileHasNoWarning() throws {
        let reading = try CSVReading("nama,kota\nI Gusti Ngurah Rai,Denpasar\nÑoño 日本,–\n")
        #expect(reading.warnings.isEmpty)
        #expect(reading.rows.last == ["Ñoño 日本", "–"])
    }

    @Test(arguments: [
        (UInt8(0xE9), "é"), (0x93, "“"), (0x94, "”"), (0x80, "€"), (0x96, "–"), (0x97, "—"), (0x85, "…"),
        (0x8A, "Š"), (0x9E, "ž"), (0x99, "™"), (0xA0, "\u{A0}"), (0xFF, "ÿ"), (0x41, "A"), (0x90, "\u{90}"),
    ])
    func windows1252Table(byte: UInt8, expected: String) {
        #expect(Windows1252.decode([byte]) == expected)
    }

    @Test func windows1252MapsEveryByteToOneScalar() {
        let all = Windows1252.decode((0...255).map { UInt8($0) })
        #expect(all.unicodeScalars.count == 256)
        #expect(Set(all.unicodeScalars).count == 256)
    }

    @Test(arguments: [[0xFF, 0xFE, 0x61, 0x00], [0xFE, 0xFF, 0x00, 0x61]] as [[UInt8]])
    func utf16IsRefusedWithAdvice(bytes: [UInt8]) {
        let error = csvError(bytes)
        #expect(error?.kind == .malformed)
        #expect(error?.message.contains("UTF-16") == true)
    }
}
