/// One record of a tabular input (a CSV row or an XML record element), before typing.
///
/// `fields` line up with the reader's `header`: a CSV row with the wrong number of fields is never a
/// record (it is a ``RowReject``), and an XML record lacking a field gets an empty string there.
/// Values are as written in the file (not trimmed, not null-mapped); ``RowValues`` applies the
/// common reading rules of `inputs.md`.
package struct TableRecord: Sendable, Equatable {
    /// 1-based line of the file where the record starts.
    package var line: Int
    package var fields: [String]
    /// The record's text as it stood in the file (for `rejects.csv`).
    package var raw: String

    package init(line: Int, fields: [String], raw: String) {
        self.line = line
        self.fields = fields
        self.raw = raw
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
    /// Column names as the file writes them: the CSV header line, or the first XML record's fields.
    var header: [String] { get }
    /// Notes about the whole file that do not reject anything (read as Windows-1252, …), Bahasa Indonesia.
    var warnings: [String] { get }
    /// The next record or reject; `nil` at the end. Throws only when the whole file is unusable.
    func next() throws(InputError) -> TableEvent?
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
