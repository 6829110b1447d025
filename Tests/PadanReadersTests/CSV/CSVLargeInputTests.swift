import Testing

@testable import PadanReaders

@Suite("CSV: large fields and lines stay linear")
struct CSVLargeInputTests {
    @Test func tenMegabyteQuotedField() throws {
        let big = String(repeating: "abc,\"de\"\n", count: 1_200_000)  // 10.8 MB, quotes and newlines inside
        var escaped: [UInt8] = []
        escaped.reserveCapacity(big.utf8.count * 2)
        for byte in big.utf8 {
            escaped.append(byte)
            if byte == 0x22 { escaped.append(byte) }
        }
        let bytes = Array("id,isi,akhir\n1,\"".utf8) + escaped + Array("\",x\n2,y,z\n".utf8)
        let reading = try CSVReading(bytes)
        #expect(reading.rows.count == 2)
        #expect(reading.rows.first?[1].utf8.count == big.utf8.count)
        #expect(reading.rows.first?[1] == big)
        #expect(reading.records.last?.line == 3 + 1_200_000)
    }

    @Test func oneMegabyteLineWithoutNewline() throws {
        let fields = (0..<100_000).map { "v\($0 % 10)" }
        let line = fields.joined(separator: "|")
        let wide = String(repeating: "x", count: 1_000_000)
        let text = "a|b\n" + line + "\n1|" + wide
        let reading = try CSVReading(text)
        #expect(reading.rejects.map(\.reason) == ["jumlah kolom 100000, seharusnya 2"])
        #expect(reading.rows == [["1", wide]])
        #expect(reading.records.first?.raw.utf8.count == 1_000_002)
    }

    @Test func oneMegabyteHeaderWithoutNewline() throws {
        let names = (0..<100_000).map { "kolom_\($0)" }
        let reading = try CSVReading(names.joined(separator: ";"))
        #expect(reading.header.count == 100_000)
        #expect(reading.delimiter == 0x3B)
        #expect(reading.events.isEmpty)
    }
}
