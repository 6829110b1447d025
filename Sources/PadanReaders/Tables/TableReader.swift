/// One record of a tabular input (a CSV row or an XML record element), before typing.
///
/// `fields` line up with the reader's `header`: a CSV row with the wrong number of fields is never a
/// record (it is a ``RowReject``), and an XML record lacking a field gets an empty string there.
/// Values are as written in the file (not trimmed, not null-mapped); ``FieldReader`` applies the
/// common reading rules of `inputs.md`.
///
/// Stored as bytes, not strings: the record's text as it stood in the file (``raw``, for `rejects.csv`)
/// followed by any value that is not a run of that text (a quoted field with `""` inside, a field read as
/// Windows-1252), with one byte range per field. A value becomes a `String` only when a decoder asks for
/// one; ids, digit runs, dates and repeated words are read from the bytes. A national run reads 6.6
/// million rows: a `String` per field and per raw text was an eighth of its CPU time in allocation alone.
package struct TableRecord: Sendable {
    /// 1-based line of the file where the record starts.
    package var line: Int
    /// UTF-8: `raw` in `0..<rawCount`, then values that are not runs of it.
    package private(set) var bytes: [UInt8]
    /// Field `i` is `bytes[bounds[2 * i]..<bounds[2 * i + 1]]`.
    package private(set) var bounds: [Int32]
    package private(set) var rawCount: Int

    /// A record from its parts (tests).
    package init(line: Int, fields: [String], raw: String) {
        self.init(line: line, fields: fields, rawBytes: Array(raw.utf8))
    }

    /// A record from its values, then `emptyFields` empty ones, and the UTF-8 bytes of its raw text (XML reader).
    package init(line: Int, fields: [String], rawBytes: consuming [UInt8], emptyFields: Int = 0) {
        // Taken over, not copied: the reader hands its only reference, with room for the values.
        var bytes = consume rawBytes
        bytes.reserveCapacity(bytes.count + fields.reduce(0) { $0 + $1.utf8.count })
        var bounds = [Int32]()
        bounds.reserveCapacity((fields.count + emptyFields) * 2)
        let rawCount = bytes.count
        for field in fields {
            bounds.append(Int32(bytes.count))
            bytes.append(contentsOf: field.utf8)
            bounds.append(Int32(bytes.count))
        }
        for _ in 0..<emptyFields {
            bounds.append(Int32(bytes.count))
            bounds.append(Int32(bytes.count))
        }
        self.init(line: line, bytes: bytes, bounds: bounds, rawCount: rawCount)
    }

    /// A record from bytes laid out as described above (CSV reader).
    package init(line: Int, bytes: [UInt8], bounds: [Int32], rawCount: Int) {
        self.line = line
        self.bytes = bytes
        self.bounds = bounds
        self.rawCount = rawCount
    }

    /// How many fields.
    package var count: Int { bounds.count / 2 }

    /// Field `i`'s bytes as written, for the time of `body`.
    package func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(bounds[2 * i]), end = Int(bounds[2 * i + 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Field `i`'s length in bytes.
    package func byteCount(_ i: Int) -> Int { Int(bounds[2 * i + 1] - bounds[2 * i]) }

    /// Field `i` as written.
    package func field(_ i: Int) -> String { withField(i) { String(decoding: $0, as: UTF8.self) } }

    /// The values, as written.
    package var fields: [String] { (0..<count).map(field) }

    /// The record's text as it stood in the file (for `rejects.csv`).
    package var raw: String { bytes.withUnsafeBufferPointer { String(decoding: $0[..<rawCount], as: UTF8.self) } }
}

extension TableRecord: Equatable {
    /// Equal line, values and raw text, however the bytes are laid out.
    package static func == (a: TableRecord, b: TableRecord) -> Bool {
        a.line == b.line && a.fields == b.fields && a.raw == b.raw
    }
}

/// A row that could not be read: it goes to `rejects.csv` and the run goes on.
package struct RowReject: Sendable, Equatable {
    /// 1-based line where the rejected text starts.
    package var line: Int
    /// Why, in Bahasa Indonesia, for the BKD operator (`jumlah kolom 14, seharusnya 13`).
    package var reason: String
    package var raw: String

    package init(line: Int, reason: String, raw: String) {
        self.line = line
        self.reason = reason
        self.raw = raw
    }
}

/// What a tabular reader yields, one at a time, in file order.
package enum TableEvent: Sendable, Equatable {
    case record(TableRecord)
    case reject(RowReject)
}

/// A streaming reader of one input file: CSV or XML, plain or gzip.
package protocol TableReader: AnyObject {
    /// Column names as the file writes them: the CSV header line, or the first XML record's fields followed
    /// by the known columns it lacks.
    var header: [String] { get }
    /// Whether records were read and none of them held the field of header column `column`. A CSV row
    /// always has every column; an XML record may leave a field out.
    func noRecordHeld(_ column: Int) -> Bool
    /// Notes about the whole file that do not reject anything (read as Windows-1252, …), Bahasa Indonesia.
    var warnings: [String] { get }
    /// The next record or reject; `nil` at the end. Throws only when the whole file is unusable.
    func next() throws(InputError) -> TableEvent?
}

extension TableReader {
    /// Never: every record has every header column.
    package func noRecordHeld(_ column: Int) -> Bool { false }
}

/// A failure that makes an input file, and so the run, unusable (exit 65 unless said otherwise).
package struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// The file cannot be opened or read (missing, a directory, no permission, I/O error).
        case unreadable
        /// The content is unusable as a whole (empty, no header, XML not well-formed before any record, bad gzip).
        case malformed
        /// A required column is missing.
        case missingColumn
    }

    package var kind: Kind
    /// The file's path as the operator gave it.
    package var file: String
    /// 1-based line, when known.
    package var line: Int?
    /// What is wrong, in Bahasa Indonesia.
    package var message: String

    package init(_ kind: Kind, file: String, line: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    package var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
