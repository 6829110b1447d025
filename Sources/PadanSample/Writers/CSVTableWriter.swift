/// Writes one CSV input file the way a source system or a spreadsheet would: a chosen delimiter,
/// line end and encoding, RFC 4180 quoting, and the line number of every row for the truth.
package final class CSVTableWriter {
    /// Text encodings a region's files use.
    package enum Encoding: Sendable { case utf8, windows1252 }

    private let sink: any ByteSink
    private let delimiter: UInt8
    private let lineEnd: [UInt8]
    private let encoding: Encoding
    private var scratch: [UInt8] = []
    /// The 1-based line the next row starts on.
    package private(set) var nextLine = 1
    /// Data rows written (every row after the header, rejects included).
    package private(set) var rows = 0

    /// Writes the header at once; `byteOrderMark` starts the file with EF BB BF.
    package init(
        sink: any ByteSink, header: [String], delimiter: Character = ",", crlf: Bool = false,
        encoding: Encoding = .utf8, byteOrderMark: Bool = false
    ) throws(SampleError) {
        self.sink = sink
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        lineEnd = crlf ? [13, 10] : [10]
        self.encoding = encoding
        scratch.reserveCapacity(1024)
        if byteOrderMark { try sink.write([0xEF, 0xBB, 0xBF]) }
        _ = try emit(header, quoting: true)  // the header is line 1
        rows = 0
    }

    /// Writes one row, quoting fields that need it; returns the line it starts on.
    @discardableResult
    package func write(_ fields: [String]) throws(SampleError) -> Int {
        try emit(fields, quoting: true)
    }

    /// Writes one row with no quoting at all (a planted stray delimiter); returns its line.
    @discardableResult
    package func writeUnquoted(_ fields: [String]) throws(SampleError) -> Int {
        try emit(fields, quoting: false)
    }

    /// Writes text as it is (a planted unterminated quote) followed by a line end; returns its line.
    @discardableResult
    package func writeRaw(_ text: String) throws(SampleError) -> Int {
        let line = nextLine
        scratch.removeAll(keepingCapacity: true)
        append(text)
        scratch += lineEnd
        try flushScratch()
        nextLine += 1 + text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        rows += 1
        return line
    }

    /// Closes the underlying file.
    package func close() throws(SampleError) { try sink.close() }

    /// Bytes in the file so far.
    package var bytesWritten: Int { sink.bytesWritten }

    private func emit(_ fields: [String], quoting: Bool) throws(SampleError) -> Int {
        let line = nextLine
        scratch.removeAll(keepingCapacity: true)
        var breaks = 0
        for (index, field) in fields.enumerated() {
            if index > 0 { scratch.append(delimiter) }
            if quoting && needsQuotes(field) {
                scratch.append(UInt8(ascii: "\""))
                append(field.replacingQuotes())
                scratch.append(UInt8(ascii: "\""))
                breaks += field.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            } else {
                append(field)
            }
        }
        scratch += lineEnd
        try flushScratch()
        nextLine += 1 + breaks
        rows += 1
        return line
    }

    private func needsQuotes(_ field: String) -> Bool {
        field.utf8.contains { $0 == delimiter || $0 == 34 || $0 == 10 || $0 == 13 }
    }

    private func append(_ text: String) {
        switch encoding {
        case .utf8: scratch.append(contentsOf: text.utf8)
        case .windows1252: for scalar in text.unicodeScalars { scratch.append(Windows1252Encoding.byte(for: scalar)) }
        }
    }

    private func flushScratch() throws(SampleError) {
        try sink.write(scratch)
    }
}

extension String {
    /// `"` doubled, as RFC 4180 writes it inside quotes.
    func replacingQuotes() -> String {
        contains("\"") ? split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") : self
    }
}

/// Windows-1252 bytes for Unicode scalars (what an Indonesian-locale spreadsheet saves as "CSV").
enum Windows1252Encoding {
    private static let high: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// The byte for `scalar`; `?` for what Windows-1252 cannot hold.
    static func byte(for scalar: Unicode.Scalar) -> UInt8 {
        let value = scalar.value
        if value < 0x80 || (0xA0...0xFF).contains(value) { return UInt8(value) }
        return high[value] ?? UInt8(ascii: "?")
    }

    /// Whether every scalar of `text` has a Windows-1252 byte.
    static func canEncode(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x80 || (0xA0...0xFF).contains($0.value) || high[$0.value] != nil }
    }
}
