import Testing

@testable import PadanReaders

/// How bytes reach the reader: all at once, or trickled through a tiny buffer to hit every boundary.
struct ReadMode: CustomTestStringConvertible, Sendable {
    var step: Int
    var chunk: Int

    var testDescription: String { step == .max ? "whole chunks" : "\(step)-byte reads, \(chunk)-byte buffer" }

    static let all: [ReadMode] = [
        ReadMode(step: .max, chunk: 256 * 1024),
        ReadMode(step: 1, chunk: 16),
        ReadMode(step: 7, chunk: 16),
        ReadMode(step: 64, chunk: 33),
    ]
}

/// Everything a CSV reader yielded for one input.
struct CSVReading {
    var header: [String]
    var events: [TableEvent]
    var warnings: [String]
    var delimiter: UInt8

    var records: [TableRecord] {
        events.compactMap { if case .record(let record) = $0 { record } else { nil } }
    }

    var rejects: [RowReject] {
        events.compactMap { if case .reject(let reject) = $0 { reject } else { nil } }
    }

    var rows: [[String]] { records.map(\.fields) }

    init(
        _ bytes: [UInt8], mode: ReadMode = ReadMode.all[0], maximumRecordBytes: Int = 64 * 1024 * 1024
    ) throws(InputError) {
        let reader = try CSVTableReader(
            source: TrickleByteSource(bytes, step: mode.step), file: "uji.csv",
            chunkSize: mode.chunk, maximumRecordBytes: maximumRecordBytes)
        var events: [TableEvent] = []
        while let event = try reader.next() { events.append(event) }
        // The end is sticky.
        #expect(try reader.next() == nil)
        header = reader.header
        self.events = events
        warnings = reader.warnings
        delimiter = reader.delimiter
    }

    init(_ text: String, mode: ReadMode = ReadMode.all[0], maximumRecordBytes: Int = 64 * 1024 * 1024)
        throws(InputError)
    {
        try self.init(Array(text.utf8), mode: mode, maximumRecordBytes: maximumRecordBytes)
    }
}

/// The error a CSV read throws, or nil.
func csvError(_ bytes: [UInt8], mode: ReadMode = ReadMode.all[0]) -> InputError? {
    do {
        _ = try CSVReading(bytes, mode: mode)
        return nil
    } catch {
        return error
    }
}
