import CSV
import Foundation
import PadanReaders
import SwiftCSV

/// One CSV reader under test: reads the file once and reports rows and fields seen.
enum BenchReader: String, CaseIterable {
    case padan
    case padanGzip = "padan-gz"
    case padanInput = "padan-input"
    case padanScan = "padan-scan"
    case csvSwift = "csv.swift"
    case swiftCSV = "swiftcsv"

    var note: String {
        switch self {
        case .padan: "CSVTableReader on FileByteSource; streams 256 KiB chunks; builds every field, raw text and line"
        case .padanGzip: "InputFile.open on the same file gzipped (inflate + CSV)"
        case .padanInput: "InputFile.open on the file as the run opens it (CSV or XML), no decoding"
        case .padanScan: "as padan-input, but each record only counted (no field made a String): the reader alone"
        case .csvSwift: "CSVReader(stream: InputStream); streams, one UnicodeScalar at a time"
        case .swiftCSV: "EnumeratedCSV(string:) + enumerateAsArray; whole file as one String in memory"
        }
    }

    struct Count { var rows = 0; var fields = 0; var bytes = 0 }

    func read(path: String) throws -> Count {
        var count = Count()
        switch self {
        case .padan:
            let reader = try CSVTableReader(source: FileByteSource(path: path), file: path)
            while let event = try reader.next() {
                if case .record(let record) = event {
                    count.rows += 1
                    count.fields += record.fields.count
                    count.bytes += record.raw.utf8.count
                }
            }
        case .padanGzip, .padanInput:
            let opened = self == .padanGzip ? path + ".gz" : path
            let reader = try InputFile.open(path: opened, displayName: opened)
            while let event = try reader.next() {
                if case .record(let record) = event {
                    count.rows += 1
                    count.fields += record.fields.count
                    count.bytes += record.raw.utf8.count
                }
            }
        case .padanScan:
            let reader = try InputFile.open(path: path, displayName: path)
            while let event = try reader.next() {
                if case .record = event { count.rows += 1 }
            }
        case .csvSwift:
            guard let stream = InputStream(fileAtPath: path) else { throw BenchFailure("cannot open \(path)") }
            let reader = try CSVReader(stream: stream, hasHeaderRow: true)
            while let row = reader.next() {
                count.rows += 1
                count.fields += row.count
            }
        // On Linux, Foundation's InputStream keeps reporting bytes available at its end, so
        // CSV.swift always records `cannotReadFile` after the last row; the row count is checked instead.
        case .swiftCSV:
            let text = try String(contentsOfFile: path, encoding: .utf8)
            // rowLimit 1: the view parses only the header up front; enumerateAsArray walks the text.
            let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false, rowLimit: 1)
            var rows = 0
            var fields = 0
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { row in
                rows += 1
                fields += row.count
            }
            count.rows = rows
            count.fields = fields
        }
        return count
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
