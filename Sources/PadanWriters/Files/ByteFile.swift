import Foundation

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
                throw WriterError(path: path, message: String(cString: strerror(errno)))
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

    /// Closes the file.
    package func close() throws(WriterError) {
        do { try handle.close() } catch { throw WriterError(path: path, message: "\(error)") }
    }
}
