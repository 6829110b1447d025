import PadanCore
import PadanReaders
import PadanTestSupport
import Testing

/// The typed decoding tests (`swift test --filter PadanReadersTests.Decoding`).
@Suite("Decoding") enum Decoding {}

/// A decoder for one kind and header, and records of it, for the decoding tests.
struct DecodingFixture {
    let decoder: RecordDecoder
    let header: [String]

    init(_ kind: InputKind, _ header: [String], file: String = "uji.csv") throws {
        decoder = try RecordDecoder(kind: kind, header: header, file: file, runDate: Fixture.runDate)
        self.header = header
    }

    /// A record at `line` whose fields are `values` by header name (missing names are empty).
    func record(_ values: [String: String], line: Int = 2) -> TableRecord {
        let fields = header.map { values[$0] ?? "" }
        return TableRecord(line: line, fields: fields, raw: fields.joined(separator: ","))
    }
}

extension Result {
    /// The value, or an issue naming the reject's reason.
    func value(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Success? {
        switch self {
        case .success(let value): return value
        case .failure(let error):
            Issue.record("rejected: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The reject, or an issue when the record was accepted.
    func reject(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Failure? {
        switch self {
        case .success(let value):
            Issue.record("accepted: \(value)", sourceLocation: sourceLocation)
            return nil
        case .failure(let error): return error
        }
    }
}
