import CFileFlags
import Foundation
import PadanCore

/// An output file written in large blocks of bytes straight through `write(2)`, created with mode 0640
/// as ``OutputFile`` creates files. For the big streamed outputs (`skp/payloads.jsonl`, `links.csv`), which are
/// never held whole in memory.
///
/// A `direct` file is written past the page cache (`O_DIRECT`) in aligned blocks of ``blockSize`` bytes, its last
/// partial block through the cache at ``close()``. On the benchmark's machine (a VM whose every fresh page-cache
/// page costs a fault in the host) copying 1.3 GB into the cache took 2.7 s of kernel CPU; written direct, 0.1 s
/// (`dd`, 1.3 GB: 2.7 s against 0.8 s wall). Where the file system refuses direct writes the file is written
/// through the cache like any other.
package final class ByteFile {
    /// Bytes of one direct write: a multiple of the page size and of every device's logical block.
    static let blockSize = 1 << 22
    /// The alignment direct writes need of their memory, length and file offset.
    static let alignment = 4096

    private let handle: FileHandle
    private let path: String
    /// Whether bytes still go past the page cache.
    package private(set) var isDirect: Bool
    /// For a file opened direct: the block being filled, and how many of its bytes are.
    private let block: UnsafeMutableRawBufferPointer?
    private var staged = 0

    /// Creates (or truncates) `path`; `direct` to write it past the page cache where the file system allows, in
    /// blocks of `blockSize` bytes (a multiple of ``alignment``; a small one for a file written whole from memory,
    /// so that writing it takes little room beside the text).
    package init(path: String, direct: Bool = false, blockSize: Int = ByteFile.blockSize) throws(WriterError) {
        precondition(blockSize > 0 && blockSize % Self.alignment == 0, "ByteFile: a block of \(blockSize) bytes")
        self.path = path
        let flag = direct ? padan_o_direct() : 0
        if flag != 0, let handle = try OutputFile.create(path, flags: flag, refusable: true) {
            self.handle = handle
            block = .allocate(byteCount: blockSize, alignment: Self.alignment)
            isDirect = true
        } else {
            handle = try OutputFile.create(path)
            block = nil
            isDirect = false
        }
    }

    deinit { block?.deallocate() }

    /// Appends `bytes`.
    package func write(_ bytes: UnsafeRawBufferPointer) throws(WriterError) {
        var rest = bytes
        while isDirect, let block, let base = block.baseAddress, let source = rest.baseAddress, !rest.isEmpty {
            let n = min(rest.count, block.count - staged)
            (base + staged).copyMemory(from: source, byteCount: n)
            staged += n
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            if staged == block.count {
                try writeAll(UnsafeRawBufferPointer(block))
                staged = 0
            }
        }
        if !rest.isEmpty { try writeAll(rest) }
    }

    /// Appends `bytes`.
    package func write(_ bytes: [UInt8]) throws(WriterError) {
        var failure: WriterError?
        bytes.withUnsafeBytes { buffer in
            do throws(WriterError) { try write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Puts every byte appended so far in the file, for reading it back while it is written; the file goes on
    /// through the page cache (what follows is no longer aligned).
    package func settle() throws(WriterError) {
        guard isDirect, let block else { return }
        let aligned = staged / Self.alignment * Self.alignment
        try writeAll(UnsafeRawBufferPointer(rebasing: block[0..<aligned]))
        leaveDirect()
        try writeAll(UnsafeRawBufferPointer(rebasing: block[aligned..<staged]))
        staged = 0
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
            guard let chunk, !chunk.isEmpty else {
                throw WriterError(path: path, message: "berkas lebih pendek dari yang ditulis")
            }
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

    /// Writes what is left and closes the file.
    package func close() throws(WriterError) {
        try settle()
        do { try handle.close() } catch { throw WriterError(path: path, message: SystemErrorText.reason(error)) }
    }

    /// `write(2)` until every byte is out. A direct write the file system refuses, or cuts short (which would
    /// leave the next one unaligned), sends the rest through the page cache.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(WriterError) {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let written = Foundation.write(handle.fileDescriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EINVAL, isDirect, leaveDirect() { continue }
                throw WriterError(path: path, message: SystemErrorText.reason(errno: errno))
            }
            offset += written
            if isDirect, offset < bytes.count { leaveDirect() }
        }
    }

    /// Clears `O_DIRECT`; returns whether it could.
    @discardableResult
    private func leaveDirect() -> Bool {
        let fd = handle.fileDescriptor
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags & ~padan_o_direct()) == 0 else { return false }
        isDirect = false
        return true
    }
}
