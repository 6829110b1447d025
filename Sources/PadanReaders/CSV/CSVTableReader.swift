// Measured with `padan-csv-bench` (release build; 1,000,000 Dapodik-like rows, 13 columns, 164.4 MB;
// median of 5 runs, each in its own process; 2-core machine shared with other builds, load ≈ 2.8):
//   CSVTableReader              118 MB/s   718k rows/s   peak RSS  25 MiB  (CPU time 0.95 s ≈ 170 MB/s)
//   CSVTableReader via .gz       99 MB/s   600k rows/s   peak RSS  22 MiB  (InputFile.open, zlib inflate)
//   CSV.swift 2.5.2             7.4 MB/s    45k rows/s   peak RSS  25 MiB  (streams one UnicodeScalar at a time)
//   SwiftCSV 0.10.0             6.9 MB/s    42k rows/s   peak RSS 331 MiB  (whole file as one String)

/// A streaming reader of one CSV file, as `inputs.md` describes it.
///
/// - Delimiter: the most frequent of `,` `;` `|` TAB outside quotes on the header line.
/// - Quoting (RFC 4180): a field that starts with `"` runs to the next lone `"`; `""` inside is one
///   quote; delimiters and line breaks inside are data. Lenient where RFC 4180 is silent: a `"`
///   inside an unquoted field (`Jl. "Melati"`) is a literal character, and text after a closing
///   quote is appended (`"abc"def` → `abcdef`), as Python's `csv` module reads it.
/// - Lines: LF, CRLF or a lone CR end a record; `line` counts physical lines (header = 1) and is the
///   line where a record starts, also after quoted fields that span lines. A UTF-8 byte order mark is
///   skipped; lines holding only spaces and tabs are skipped; a header-only file has no events.
/// - Encoding: decided per field. A field whose bytes are valid UTF-8 is read as UTF-8; one that is
///   not is read as Windows-1252, and the file gets one warning. A file mixing both (a UTF-8 export
///   edited in an ANSI spreadsheet) thus keeps its UTF-8 fields intact.
/// - Rejects, and reading goes on: a field count other than the header's, a NUL byte, a quote never
///   closed, a record over `maximumRecordBytes`.
///
/// A quote that is never closed can only be known at the end of the file. Making the rest of the
/// file one reject would hide every later row behind a single line of `rejects.csv`; instead the
/// physical line where that record starts is rejected (`tanda kutip tidak ditutup`) and reading
/// restarts on the next line, so each later row is again either a record or a reject of its own.
/// Rows swallowed by a stray quote that *is* closed later cannot be told apart from a real multi-line
/// field; they end up in one record whose field count is almost always wrong, hence a reject whose
/// raw text shows them all. Nothing is dropped, and memory stays bounded by `maximumRecordBytes`.
package final class CSVTableReader: TableReader {
    package private(set) var header: [String] = []
    package private(set) var warnings: [String] = []
    /// The delimiter found on the header line.
    package let delimiter: UInt8

    private let file: String
    private let scanner: CSVScanner
    private var scratch: [UInt8] = []
    /// The last record's bytes and field bounds, reused for the next when its reader let go of it.
    private var recordBytes: [UInt8] = []
    private var recordBounds: [Int32] = []
    private var notedWindows1252 = false

    /// Reads the header of `source`; `file` names the file in errors.
    ///
    /// Throws ``InputError/Kind/malformed`` for an empty file, a file of blank lines, a header that
    /// cannot be read, and UTF-16 text; whatever `source` throws (unreadable, bad gzip) passes through.
    package init(
        source: any ByteSource,
        file: String,
        chunkSize: Int = 256 * 1024,
        maximumRecordBytes: Int = 64 * 1024 * 1024
    ) throws(InputError) {
        self.file = file
        scanner = CSVScanner(source: source, chunkSize: chunkSize, maximumRecordBytes: maximumRecordBytes)
        let start = try scanner.lookAhead(3)
        if start.starts(with: [0xEF, 0xBB, 0xBF]) {
            scanner.skip(3)
        } else if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) {
            throw InputError(
                .malformed, file: file,
                message: "berkas berkode UTF-16 (\"Unicode Text\"); simpan ulang sebagai CSV UTF-8")
        }
        delimiter = try scanner.detectDelimiter()
        scanner.setDelimiter(delimiter)
        header = try readHeader()
    }

    package func next() throws(InputError) -> TableEvent? {
        while true {
            switch try scanner.scan() {
            case .end:
                return nil
            case .unterminatedQuote:
                return .reject(RowReject(line: scanner.recordLine, reason: "tanda kutip tidak ditutup", raw: rawText()))
            case .tooLong:
                let shown = scanner.overlongPrefix.withUnsafeBufferPointer { text($0[...], knownValid: false) }
                return .reject(
                    RowReject(
                        line: scanner.recordLine,
                        reason: "baris lebih panjang dari \(limitText); dilewati",
                        raw: shown + "…"))
            case .record:
                if isBlank(scanner.recordBytes) { continue }
                if scanner.containsNul {
                    return .reject(RowReject(line: scanner.recordLine, reason: "berisi karakter NUL", raw: rawText()))
                }
                let count = scanner.fields.count
                if count != header.count {
                    return .reject(
                        RowReject(
                            line: scanner.recordLine,
                            reason: "jumlah kolom \(count), seharusnya \(header.count)",
                            raw: rawText()))
                }
                return .record(record())
            }
        }
    }

    private func readHeader() throws(InputError) -> [String] {
        while true {
            switch try scanner.scan() {
            case .end:
                throw InputError(.malformed, file: file, message: "berkas kosong (tidak ada baris judul)")
            case .unterminatedQuote:
                throw InputError(
                    .malformed, file: file, line: scanner.recordLine,
                    message: "baris judul: tanda kutip tidak ditutup")
            case .tooLong:
                throw InputError(
                    .malformed, file: file, line: scanner.recordLine,
                    message: "baris judul lebih panjang dari \(limitText)")
            case .record:
                if isBlank(scanner.recordBytes) { continue }
                if scanner.containsNul {
                    throw InputError(
                        .malformed, file: file, line: scanner.recordLine,
                        message: "baris judul berisi karakter NUL (bukan berkas teks CSV?)")
                }
                return record().fields
            }
        }
    }

    /// The record size limit as the operator reads it (`64 MiB`).
    private var limitText: String {
        let limit = scanner.maximumRecordBytes
        return limit % 1_048_576 == 0 ? "\(limit / 1_048_576) MiB" : "\(limit) bita"
    }

    /// Only spaces and tabs (or nothing): not a record.
    private func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return true }
        guard first == 0x20 || first == 0x09 else { return false }
        return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The scanned record as a ``TableRecord``: its raw text, then the values that are not runs of it.
    ///
    /// When the record is all UTF-8 (field boundaries are ASCII bytes, which never occur inside a UTF-8
    /// sequence, so then no field needs checking again), a plain or simply quoted value is a range of the
    /// raw text and costs no copy. Otherwise each field is decoded on its own, as UTF-8 when its bytes are
    /// valid UTF-8, else as Windows-1252, and the raw text is those decoded fields joined.
    private func record() -> TableRecord {
        let source = scanner.recordBytes
        let valid = UTF8Validation.isValid(source)
        recordBytes.removeAll(keepingCapacity: true)
        if valid {
            recordBytes.append(contentsOf: source)
        } else {
            recordBytes.append(contentsOf: rawText(valid: false).utf8)
        }
        let rawCount = recordBytes.count
        let fields = scanner.fields
        if valid, !fields.hasComplex {
            // The scanner's bounds are the values' (no field to decode or unquote).
            if recordBounds.count != 2 * fields.count { recordBounds = Array(repeating: 0, count: 2 * fields.count) }
            recordBounds.withUnsafeMutableBufferPointer { $0.baseAddress?.update(from: fields.bounds, count: $0.count) }
        } else {
            appendValues(of: fields, from: source, valid: valid)
        }
        return TableRecord(line: scanner.recordLine, bytes: recordBytes, bounds: recordBounds, rawCount: rawCount)
    }

    /// The bounds of every field, with the values that are not runs of the raw text (decoded, unquoted) appended
    /// after it: for a record not all UTF-8, or with a field to unquote.
    private func appendValues(of fields: CSVFields, from source: UnsafeBufferPointer<UInt8>, valid: Bool) {
        recordBounds.removeAll(keepingCapacity: true)
        for i in 0..<fields.count {
            // The scanner's bounds: the value's, or a complex field's whole bytes.
            let start = fields.bounds[2 * i], end = fields.bounds[2 * i + 1]
            let complex = fields.shape(i) == .complex
            if valid, !complex {
                recordBounds.append(start)
                recordBounds.append(end)
                continue
            }
            recordBounds.append(Int32(recordBytes.count))
            let bytes = source[Int(start)..<Int(end)]
            let value = complex ? unquoted(bytes, knownValid: valid) : text(bytes, knownValid: false)
            recordBytes.append(contentsOf: value.utf8)
            recordBounds.append(Int32(recordBytes.count))
        }
    }

    /// A quoted field with `""` escapes or text after its closing quote, unquoted by the same rules
    /// the scanner used to find its end.
    private func unquoted(_ field: Slice<UnsafeBufferPointer<UInt8>>, knownValid: Bool) -> String {
        scratch.removeAll(keepingCapacity: true)
        var index = field.startIndex + 1
        var inQuotes = true
        while index < field.endIndex {
            let byte = field[index]
            index += 1
            if inQuotes && byte == CSVScanner.quote {
                if index < field.endIndex && field[index] == CSVScanner.quote {
                    scratch.append(CSVScanner.quote)
                    index += 1
                } else {
                    inQuotes = false
                }
            } else {
                scratch.append(byte)
            }
        }
        return scratch.withUnsafeBufferPointer { text($0[...], knownValid: knownValid) }
    }

    /// The record's text as written. Decoded per field, like the values, when it is not all UTF-8.
    private func rawText(valid: Bool? = nil) -> String {
        let bytes = scanner.recordBytes
        if valid ?? UTF8Validation.isValid(bytes) { return String(decoding: bytes, as: UTF8.self) }
        let fields = scanner.fields
        guard fields.count > 0, fields.span(fields.count - 1).end == bytes.count else {
            return text(bytes[...], knownValid: false)
        }
        let separator = String(UnicodeScalar(delimiter))
        return (0..<fields.count).map { i in
            let span = fields.span(i)
            return text(bytes[span.start..<span.end], knownValid: false)
        }.joined(separator: separator)
    }

    /// UTF-8 when the bytes are valid UTF-8, else Windows-1252 (noted once in ``warnings``).
    private func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, knownValid: Bool) -> String {
        if bytes.isEmpty { return "" }
        let buffer = UnsafeBufferPointer(rebasing: bytes)
        if knownValid || UTF8Validation.isValid(buffer) { return String(decoding: buffer, as: UTF8.self) }
        if !notedWindows1252 {
            notedWindows1252 = true
            warnings.append(
                "berkas bukan UTF-8 yang sah; dibaca sebagai Windows-1252 (pertama di baris \(scanner.recordLine))")
        }
        return Windows1252.decode(buffer)
    }
}
