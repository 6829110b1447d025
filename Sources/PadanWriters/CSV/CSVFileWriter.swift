import Foundation
import PadanCore

/// Writes a machine-read CSV (`outputs.md`): UTF-8, `,`, RFC 4180 quoting, formula cells guarded.
///
/// A cell that starts with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'` so spreadsheets do not run it.
/// Files are created with mode 0640 (they hold personal data); output is buffered and streamed, past the page
/// cache where the file system allows (``ByteFile``: `links.csv` is 240 MB nationally).
package final class CSVFileWriter {
    private let file: ByteFile
    private var buffer = [UInt8]()

    /// Creates (or truncates) `path` and writes the header; `bom` for files opened in spreadsheets by people.
    package init(path: String, header: [String], bom: Bool = false) throws(WriterError) {
        file = try ByteFile(path: path, direct: true)
        buffer.reserveCapacity(1 << 16)
        if bom { buffer += [0xEF, 0xBB, 0xBF] }
        try write(header)
    }

    /// Appends one row.
    package func write(_ row: [String]) throws(WriterError) {
        var i = 0
        for cell in row {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            Self.append(cell, to: &buffer)
            i += 1
        }
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends one row, its cells given to `cells` in order (see ``CSVCells``).
    package func writeRow(_ cells: (inout CSVRowBytes) -> Void) throws(WriterError) {
        // The row is written onto the buffer itself, moved in and back out (no copy).
        var row = CSVRowBytes(bytes: [])
        swap(&row.bytes, &buffer)
        cells(&row)
        swap(&row.bytes, &buffer)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Whether `bytes` hold a quote, a comma, CR or LF (a cell that must be quoted). Eight bytes at a time, as
    /// ``JSONBytes/needsEscape(_:)`` tests: byte by byte, this test was a sixth of writing the tables.
    static func holdsMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroLanes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        var i = 0
        while i + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let marks =
                zeroLanes(word ^ (0x22 &* ones)) | zeroLanes(word ^ (0x2C &* ones)) | zeroLanes(word ^ (0x0A &* ones))
                | zeroLanes(word ^ (0x0D &* ones))
            if marks != 0 { return true }
            i += 8
        }
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""), UInt8(ascii: ","), 0x0A, 0x0D: return true
            default: i += 1
            }
        }
        return false
    }

    /// Flushes and closes the file.
    package func close() throws(WriterError) {
        try flush()
        try file.close()
    }

    private func flush() throws(WriterError) {
        guard !buffer.isEmpty else { return }
        try file.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The cell as written: formula guard, then quoting when it holds `,`, `"`, CR or LF.
    package static func escape(_ cell: String) -> String {
        var out = [UInt8]()
        append(cell, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ cell: String, to out: inout [UInt8]) {
        // Over the contiguous bytes, copied in one piece unless a quote must be doubled: byte by byte
        // through the `utf8` view this was half of writing `links.csv` at national scale.
        var cell = cell
        cell.withUTF8 { bytes in
            guard let first = bytes.first else { return }
            let guarded: Bool
            switch first {
            case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: guarded = true
            default: guarded = false
            }
            var needsQuotes = false, hasQuote = false
            if Self.holdsMark(bytes) {
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "\""):
                        hasQuote = true
                        needsQuotes = true
                    case UInt8(ascii: ","), 0x0A, 0x0D: needsQuotes = true
                    default: continue
                    }
                }
            }
            if needsQuotes { out.append(UInt8(ascii: "\"")) }
            if guarded { out.append(UInt8(ascii: "'")) }
            if hasQuote {
                for byte in bytes {
                    if byte == UInt8(ascii: "\"") { out.append(byte) }
                    out.append(byte)
                }
            } else {
                out.append(contentsOf: bytes)
            }
            if needsQuotes { out.append(UInt8(ascii: "\"")) }
        }
    }
}

/// A file that could not be written.
package struct WriterError: Error, CustomStringConvertible, Sendable {
    package var path: String
    package var message: String
    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    package var description: String { "\(path): tidak dapat ditulis: \(message)" }
}

/// Creating output files with a safe mode.
package enum OutputFile {
    /// Creates or truncates `path` with mode 0640 and returns a handle for writing.
    package static func create(_ path: String) throws(WriterError) -> FileHandle {
        guard let handle = try create(path, flags: 0, refusable: false) else {
            preconditionFailure("OutputFile.create: an unrefusable open returned no file")
        }
        return handle
    }

    /// Creates or truncates `path` with mode 0640 and further open `flags`; nil when `refusable` and the file
    /// system refuses those flags (`EINVAL`).
    static func create(_ path: String, flags: Int32, refusable: Bool) throws(WriterError) -> FileHandle? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | flags, 0o640)
        if fd < 0, refusable, errno == EINVAL { return nil }
        guard fd >= 0 else { throw WriterError(path: path, message: SystemErrorText.reason(errno: errno)) }
        fchmod(fd, 0o640)
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Writes a whole file with mode 0640, from the text's own bytes; a file of a megabyte or more past the page
    /// cache (``ByteFile``: the national escalation pages and report are 95 MB, and their copy into the cache,
    /// after a copy into `Data`, was a quarter of writing the escalation lists).
    package static func write(_ text: String, to path: String) throws(WriterError) {
        try write([text], to: path)
    }

    /// Writes a whole file of `texts` one after the other (their own bytes, none joined first), as ``write(_:to:)``
    /// writes one text.
    package static func write(_ texts: [String], to path: String) throws(WriterError) {
        let file = try wholeFile(path, size: texts.reduce(0) { $0 + $1.utf8.count })
        for var text in texts {
            var failure: WriterError?
            text.withUTF8 { utf8 in
                do throws(WriterError) { try file.write(UnsafeRawBufferPointer(utf8)) } catch { failure = error }
            }
            if let failure { throw failure }
        }
        try file.close()
    }

    /// Writes a whole file of `bytes` with mode 0640, as ``write(_:to:)`` writes a text.
    package static func write(_ bytes: [UInt8], to path: String) throws(WriterError) {
        var failure: WriterError?
        bytes.withUnsafeBytes { raw in
            do throws(WriterError) { try write(raw, to: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(WriterError) {
        let file = try wholeFile(path, size: bytes.count)
        try file.write(bytes)
        try file.close()
    }

    /// The file a whole file of `size` bytes is written through: direct from a megabyte on, in blocks of 256 KiB
    /// (a 4 MiB block per page, freed and taken again, stayed in the heap: 8 MiB more at the 10% region's peak).
    private static func wholeFile(_ path: String, size: Int) throws(WriterError) -> ByteFile {
        try ByteFile(path: path, direct: size >= 1 << 20, blockSize: 1 << 18)
    }
}
