import Foundation
import PadanCore

/// An output file written in large blocks of bytes straight through `write(2)`, created with mode 0640
/// as ``OutputFile`` creates files. For the big streamed outputs (`skp/payloads.jsonl`), which are never
/// held whole in memory.
package final class ByteFile {
    private let handle: FileHandle
    private let path: String

    /// Creates (or truncates) `path`.
    package init(path: String) throws(WriterError) {
        self.path = path
        handle = try OutputFile.create(path)
    }

    /// Appends `bytes`.
    package func write(_ bytes: UnsafeRawBufferPointer) throws(WriterError) {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let written = Foundation.write(handle.fileDescriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriterError(path: path, message: SystemErrorText.reason(errno: errno))
            }
            offset += written
        }
    }

    /// Appends `bytes`.
    package func write(_ bytes: [UInt8]) throws(WriterError) {
        var failure: WriterError?
        bytes.withUnsafeBytes { buffer in
            do throws(WriterError) { try write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Appends the first `count` bytes of the file at `path`.
    package func copy(prefix count: Int, of path: String) throws(WriterError) {
        guard count > 0 else { return }
        guard let source = FileHandle(forReadingAtPath: path) else {
            throw WriterError(path: path, message: "tidak dapat dibaca")
        }
        defer { try? source.close() }
        var left = count
        while left > 0 {
            let chunk: Data?
            do { chunk = try source.read(upToCount: min(left, 1 << 22)) } catch {
                throw WriterError(path: path, message: SystemErrorText.reason(error))
            }
            guard let chunk, !chunk.isEmpty else { throw WriterError(path: path, message: "berkas lebih pendek dari yang ditulis") }
            try write([UInt8](chunk))
            left -= chunk.count
        }
    }

    /// Makes `newPath` a hard link of the written file `path` (the same bytes, stored once), or a copy of it
    /// where the file system refuses links.
    package static func link(_ path: String, as newPath: String) throws(WriterError) {
        if Foundation.link(path, newPath) == 0 { return }
        let copy = try ByteFile(path: newPath)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        try copy.copy(prefix: size, of: path)
        try copy.close()
    }

    /// Closes the file.
    package func close() throws(WriterError) {
        do { try handle.close() } catch { throw WriterError(path: path, message: SystemErrorText.reason(error)) }
    }
}
