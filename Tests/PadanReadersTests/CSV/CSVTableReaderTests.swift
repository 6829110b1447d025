import Testing

@testable import PadanReaders

@Suite("CSV: delimiters, quoting, line ends")
struct CSVTableReaderTests {
    static let delimiters: [(String, UInt8)] = [(",", 0x2C), (";", 0x3B), ("|", 0x7C), ("\t", 0x09)]

    @Test(arguments: delimiters)
    func detectsEachDelimiter(delimiter: String, byte: UInt8) throws {
        let text =
            ["ptk_id", "nama", "nip"].joined(separator: delimiter) + "\n"
            + ["a1", "Budi Santoso", "198501012010011001"].joined(separator: delimiter) + "\n"
        let reading = try CSVReading(text)
        #expect(reading.delimiter == byte)
        #expect(reading.header == ["ptk_id", "nama", "nip"])
        #expect(reading.rows == [["a1", "Budi Santoso", "198501012010011001"]])
        #expect(reading.records.first?.line == 2)
    }

    @Test(arguments: [
        // Quoted delimiters of another kind do not count.
        ("\"a,b\";\"c,d\";e\n1;2;3\n", UInt8(0x3B), ["a,b", "c,d", "e"]),
        ("nama|\"x;y;z\"\n1|2\n", UInt8(0x7C), ["nama", "x;y;z"]),
        // One column: no delimiter at all.
        ("nama\nBudi\n", UInt8(0x2C), ["nama"]),
        // Ties go to the comma.
        ("a,b;c\n1,2;3\n", UInt8(0x2C), ["a", "b;c"]),
        // Blank lines before the header.
        ("\n  \n\t\nx;y\n1;2\n", UInt8(0x3B), ["x", "y"]),
    ])
    func detectsDelimiterOnHeaderLine(text: String, delimiter: UInt8, header: [String]) throws {
        let reading = try CSVReading(text)
        #expect(reading.delimiter == delimiter)
        #expect(reading.header == header)
        #expect(reading.rejects.isEmpty)
    }

    @Test(arguments: ReadMode.all)
    func quotedFieldsHoldDelimitersNewlinesAndDoubledQuotes(mode: ReadMode) throws {
        let text = """
            nama,alamat,catatan
            "Drs. H. Ahmad Fauzi, S.Pd., M.M.","Jl. Melati 5
            RT 01/RW 02",ok
            "Siti ""Ani"" Rahma","",""\"\"
            Budi,x,y

            """
        let reading = try CSVReading(text, mode: mode)
        #expect(
            reading.rows == [
                ["Drs. H. Ahmad Fauzi, S.Pd., M.M.", "Jl. Melati 5\nRT 01/RW 02", "ok"],
                ["Siti \"Ani\" Rahma", "", "\""],
                ["Budi", "x", "y"],
            ])
        #expect(reading.records.map(\.line) == [2, 4, 5])
        #expect(reading.records[0].raw == "\"Drs. H. Ahmad Fauzi, S.Pd., M.M.\",\"Jl. Melati 5\nRT 01/RW 02\",ok")
        #expect(reading.records[1].raw == "\"Siti \"\"Ani\"\" Rahma\",\"\",\"\"\"\"")
    }

    /// The scanner steps through 64-byte masks of field-ending bytes: a field that opens with a quote, an empty
    /// field and a line end are read alike at every offset of a mask and of the buffer's end.
    @Test(arguments: ReadMode.all + [ReadMode(step: .max, chunk: 100), ReadMode(step: 100, chunk: 64)])
    func fieldsAtEveryOffsetOfTheScannersMasks(mode: ReadMode) throws {
        var text = "a,b,c,d\n"
        var expected = [[String]]()
        for width in 0..<140 {
            let plain = String(repeating: "x", count: width)
            text += "\(plain),\"q,\"\"\",,\(plain)\n"
            expected.append([plain, "q,\"", "", plain])
        }
        let reading = try CSVReading(text, mode: mode)
        #expect(reading.rows == expected)
        #expect(reading.rejects.isEmpty)
    }

    @Test(arguments: ReadMode.all)
    func crlfLineEnds(mode: ReadMode) throws {
        let reading = try CSVReading("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n\r\n3,w", mode: mode)
        #expect(reading.header == ["a", "b"])
        #expect(reading.rows == [["1", "x\r\ny"], ["2", "z"], ["3", "w"]])
        #expect(reading.records.map(\.line) == [2, 4, 6])
        #expect(reading.records.map(\.raw) == ["1,\"x\r\ny\"", "2,z", "3,w"])
    }

    @Test(arguments: ReadMode.all)
    func loneCarriageReturnEndsLines(mode: ReadMode) throws {
        let reading = try CSVReading("a;b\r1;2\r\"x\ry\";3\r4;5\r", mode: mode)
        #expect(reading.rows == [["1", "2"], ["x\ry", "3"], ["4", "5"]])
        #expect(reading.records.map(\.line) == [2, 3, 5])
    }

    @Test(arguments: ReadMode.all)
    func byteOrderMarkIsSkipped(mode: ReadMode) throws {
        let reading = try CSVReading([0xEF, 0xBB, 0xBF] + Array("ptk_id;nama\n1;Ani\n".utf8), mode: mode)
        #expect(reading.header == ["ptk_id", "nama"])
        #expect(reading.rows == [["1", "Ani"]])
        #expect(reading.warnings.isEmpty)
    }

    @Test(arguments: ReadMode.all)
    func blankLinesAreSkippedButCounted(mode: ReadMode) throws {
        let reading = try CSVReading("a,b\n\n1,2\n   \n\t\n3,4\n\n", mode: mode)
        #expect(reading.rows == [["1", "2"], ["3", "4"]])
        #expect(reading.records.map(\.line) == [3, 6])
        #expect(reading.rejects.isEmpty)
    }

    @Test func tabOnlyLineIsBlankInTabFile() throws {
        let reading = try CSVReading("a\tb\n\t\n1\t2\n")
        #expect(reading.rows == [["1", "2"]])
        #expect(reading.rejects.isEmpty)
    }

    @Test func lineOfDelimitersIsARecordOfEmptyValues() throws {
        let reading = try CSVReading("a,b,c\n,,\n")
        #expect(reading.rows == [["", "", ""]])
    }

    @Test(arguments: ReadMode.all)
    func quoteInsideUnquotedFieldIsLiteral(mode: ReadMode) throws {
        let reading = try CSVReading("nama,alamat\nBudi,Jl. \"Melati\" 5\nAni 12\",x\n", mode: mode)
        #expect(reading.rows == [["Budi", "Jl. \"Melati\" 5"], ["Ani 12\"", "x"]])
    }

    @Test(arguments: ReadMode.all)
    func textAfterClosingQuoteIsKept(mode: ReadMode) throws {
        let reading = try CSVReading("a,b\n\"abc\"def,\"x\"\"\"y\"z\n", mode: mode)
        #expect(reading.rows == [["abcdef", "x\"y\"z"]])
    }

    @Test(arguments: ReadMode.all)
    func lastLineWithoutLineBreakAndEmptyFields(mode: ReadMode) throws {
        let reading = try CSVReading("a,b,c\n,,\n1,,\n,2,\"\"", mode: mode)
        #expect(reading.rows == [["", "", ""], ["1", "", ""], ["", "2", ""]])
        #expect(reading.records.last?.raw == ",2,\"\"")
    }

    @Test func valuesAreNotTrimmedAtThisLayer() throws {
        let reading = try CSVReading("a,b\n  x , 'y\n")
        #expect(reading.rows == [["  x ", " 'y"]])
    }

    @Test func duplicateHeaderNamesAreKept() throws {
        let reading = try CSVReading("nama,nama,NIP\n1,2,3\n")
        #expect(reading.header == ["nama", "nama", "NIP"])
        #expect(reading.rows == [["1", "2", "3"]])
    }

    @Test(arguments: ["a,b,c\n", "a,b,c", "\u{FEFF}a,b,c\r\n\r\n", "\"a\",b,c\n  \n"])
    func headerOnlyYieldsNoEvents(text: String) throws {
        let reading = try CSVReading(text)
        #expect(reading.header == ["a", "b", "c"])
        #expect(reading.events.isEmpty)
    }

    @Test(arguments: [[], [0xEF, 0xBB, 0xBF], Array("\n\n".utf8), Array(" \r\n\t\r\n".utf8)] as [[UInt8]])
    func emptyFileHasNoHeader(bytes: [UInt8]) {
        let error = csvError(bytes)
        #expect(error == InputError(.malformed, file: "uji.csv", message: "berkas kosong (tidak ada baris judul)"))
    }

    @Test func quotedHeaderSpanningLines() throws {
        let reading = try CSVReading("\"nama\nlengkap\",nip\nAni,1\n")
        #expect(reading.header == ["nama\nlengkap", "nip"])
        #expect(reading.records.first?.line == 3)
    }

    /// More fields than the scanner first has room for (64), of every shape, also in a record that is not all
    /// UTF-8 (its values then decoded field by field, its raw text rebuilt from the fields as written).
    @Test(arguments: ReadMode.all)
    func wideRecordsOfEveryShape(mode: ReadMode) throws {
        let count = 150
        let header = (0..<count).map { "k\($0)" }.joined(separator: ",")
        func cell(_ i: Int) -> (written: String, value: String) {
            switch i % 4 {
            case 0: ("v\(i)", "v\(i)")
            case 1: ("\"q,\(i)\"", "q,\(i)")
            case 2: ("\"a\"\"b\(i)\"", "a\"b\(i)")
            default: ("", "")
            }
        }
        let written = (0..<count).map { cell($0).written }.joined(separator: ",")
        let values = (0..<count).map { cell($0).value }
        // The second record holds a Windows-1252 byte (é as 0xE9) in its first field.
        var bytes = Array("\(header)\n\(written)\n".utf8)
        bytes += [0x76, 0xE9] + Array(written.utf8.dropFirst(2)) + [0x0A]
        let reading = try CSVReading(bytes, mode: mode)
        #expect(reading.rows.count == 2)
        #expect(reading.rows.first == values)
        #expect(reading.rows.last == ["v\u{E9}"] + values.dropFirst())
        #expect(reading.records.first?.raw == written)
        #expect(reading.records.last?.raw == "v\u{E9}" + written.dropFirst(2))
    }
}
