import Testing

@testable import PadanReaders

@Suite("CSV: rows that are rejected while reading goes on")
struct CSVRejectTests {
    @Test(arguments: ReadMode.all)
    func fieldCountRejectCarriesLineAfterMultiLineField(mode: ReadMode) throws {
        let text = "a,b,c\n1,\"baris\nkedua\nketiga\",3\n4,5\n6,7,8\n9,10,11,12\n"
        let reading = try CSVReading(text, mode: mode)
        #expect(reading.rows == [["1", "baris\nkedua\nketiga", "3"], ["6", "7", "8"]])
        #expect(
            reading.rejects == [
                RowReject(line: 5, reason: "jumlah kolom 2, seharusnya 3", raw: "4,5"),
                RowReject(line: 7, reason: "jumlah kolom 4, seharusnya 3", raw: "9,10,11,12"),
            ])
        #expect(reading.events.count == 4)
    }

    @Test func thirteenColumnHeaderFourteenFields() throws {
        let header = (1...13).map { "k\($0)" }.joined(separator: ";")
        let row = (1...14).map(String.init).joined(separator: ";")
        let reading = try CSVReading(header + "\n" + row + "\n")
        #expect(reading.rejects.map(\.reason) == ["jumlah kolom 14, seharusnya 13"])
    }

    @Test(arguments: ReadMode.all)
    func unterminatedQuoteRejectsItsLineAndReadingResumes(mode: ReadMode) throws {
        let text = "nip,nama,npsn\n1,\"Ahmad,20500001\n2,Budi,20500002\n3,Citra,20500003\n"
        let reading = try CSVReading(text, mode: mode)
        #expect(reading.rejects == [RowReject(line: 2, reason: "tanda kutip tidak ditutup", raw: "1,\"Ahmad,20500001")])
        #expect(reading.rows == [["2", "Budi", "20500002"], ["3", "Citra", "20500003"]])
        #expect(reading.records.map(\.line) == [3, 4])
    }

    @Test(arguments: ReadMode.all)
    func strayQuoteClosedLaterIsOneRejectShowingEveryLine(mode: ReadMode) throws {
        // The stray quote pairs with the one opening "Citra": lines 2–4 read as one record of 4 fields.
        let text = "nip,nama,npsn\n1,\"Ahmad,20500001\n2,Budi,20500002\n3,\"Citra, S.Pd.\",20500003\n4,Dewi,20500004\n"
        let reading = try CSVReading(text, mode: mode)
        #expect(
            reading.rejects == [
                RowReject(
                    line: 2, reason: "jumlah kolom 4, seharusnya 3",
                    raw: "1,\"Ahmad,20500001\n2,Budi,20500002\n3,\"Citra, S.Pd.\",20500003")
            ])
        #expect(reading.rows == [["4", "Dewi", "20500004"]])
        #expect(reading.records.map(\.line) == [5])
    }

    @Test(arguments: ReadMode.all)
    func unterminatedQuoteOnLastLine(mode: ReadMode) throws {
        let reading = try CSVReading("a,b\n1,2\n3,\"tidak selesai", mode: mode)
        #expect(reading.rows == [["1", "2"]])
        #expect(reading.rejects == [RowReject(line: 3, reason: "tanda kutip tidak ditutup", raw: "3,\"tidak selesai")])
    }

    @Test(arguments: ReadMode.all)
    func unterminatedQuoteAfterClosedMultiLineField(mode: ReadMode) throws {
        let reading = try CSVReading("a,b\r\n\"x\r\ny\",\"z\r\n5,6\r\n", mode: mode)
        // Line 2 is rejected; re-read from line 3, `y"` is a literal quote and `"z` opens a quote
        // that never closes either, so line 3 goes too; line 4 is a record again.
        #expect(
            reading.rejects == [
                RowReject(line: 2, reason: "tanda kutip tidak ditutup", raw: "\"x"),
                RowReject(line: 3, reason: "tanda kutip tidak ditutup", raw: "y\",\"z"),
            ])
        #expect(reading.rows == [["5", "6"]])
        #expect(reading.records.map(\.line) == [4])
    }

    @Test func unterminatedQuoteInHeaderIsFatal() {
        let error = csvError(Array("a,\"b\n1,2\n".utf8))
        #expect(error?.kind == .malformed)
        #expect(error?.message == "baris judul: tanda kutip tidak ditutup")
    }

    @Test(arguments: ReadMode.all)
    func nulRejectsTheRow(mode: ReadMode) throws {
        let bytes = Array("a,b\n1,x".utf8) + [0] + Array("y\n2,\"q".utf8) + [0] + Array("\"\n3,4\n".utf8)
        let reading = try CSVReading(bytes, mode: mode)
        #expect(reading.rows == [["3", "4"]])
        #expect(reading.rejects.map(\.reason) == ["berisi karakter NUL", "berisi karakter NUL"])
        #expect(reading.rejects.map(\.line) == [2, 3])
        #expect(reading.rejects.first?.raw == "1,x\u{0}y")
    }

    @Test func nulInHeaderIsFatal() {
        let error = csvError([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x0A])
        #expect(error?.kind == .malformed)
    }

    @Test(arguments: ReadMode.all)
    func overlongRecordIsRejectedAndSkipped(mode: ReadMode) throws {
        let long = String(repeating: "x", count: 5000)
        let text = "a,b\n1,\(long)\n2,3\n4,\"\(long)\n5,6\n"
        let reading = try CSVReading(text, mode: mode, maximumRecordBytes: 2048)
        #expect(reading.rows == [["2", "3"], ["5", "6"]])
        #expect(reading.rejects.map(\.line) == [2, 4])
        #expect(reading.rejects.first?.raw.hasPrefix("1,xxx") == true)
        #expect(reading.rejects.first?.raw.hasSuffix("…") == true)
        #expect(
            reading.rejects.map(\.reason) == Array(repeating: "baris lebih panjang dari 2048 bita; dilewati", count: 2))
    }

    @Test(arguments: ReadMode.all)
    func overlongQuotedFieldRecoversAtItsFirstLine(mode: ReadMode) throws {
        let lines = (1...400).map { "\($0),baris \($0)" }.joined(separator: "\n")
        let text = "a,b\n0,\"lepas\n" + lines + "\n"
        let reading = try CSVReading(text, mode: mode, maximumRecordBytes: 1024)
        #expect(reading.rejects == [RowReject(line: 2, reason: "tanda kutip tidak ditutup", raw: "0,\"lepas")])
        #expect(reading.rows.count == 400)
        #expect(reading.records.first?.line == 3)
        #expect(reading.records.last?.line == 402)
    }
}
