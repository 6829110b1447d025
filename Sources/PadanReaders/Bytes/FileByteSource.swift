import PadanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one file on disk, read with POSIX `open`/`read`.
///
/// Opening fails with ``InputError/Kind/unreadable`` and a message the operator can act on when the
/// path is missing, is a folder, or may not be read. The descriptor is closed when the source goes.
package final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let displayName: String

    /// Opens `path`; errors name the file as `displayName` (the path as the operator wrote it).
    package init(path: String, displayName: String? = nil) throws(InputError) {
        let name = displayName ?? path
        self.displayName = name
        // O_NONBLOCK: opening a FIFO for reading would wait for a writer, in a cron job forever (with the store
        // locked for every later night). Only a regular file gets past the checks below, and it ignores the flag.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw InputError(.unreadable, file: name, message: Self.openFailure(errno))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw InputError(.unreadable, file: name, message: Self.openFailure(code))
        }
        // Linux lets a folder be opened read-only; it fails only at the first read. Say it plainly here.
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw InputError(.unreadable, file: name, message: "tidak dapat dibaca: bukan berkas (folder)")
        }
        // A FIFO, socket or device (`/dev/zero`) would block or never end.
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw InputError(
                .unreadable, file: name, message: "tidak dapat dibaca: bukan berkas biasa (FIFO, soket atau perangkat)")
        }
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        while true {
            let count = posixRead(descriptor, base, buffer.count)
            if count >= 0 { return count }
            let code = errno
            if code == EINTR { continue }
            throw InputError(.unreadable, file: displayName, message: "gagal membaca berkas: \(Self.describe(code))")
        }
    }

    private static func openFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: "tidak dapat dibaca: berkas tidak ada"
        case EACCES, EPERM: "tidak dapat dibaca: tidak ada izin membaca berkas"
        case EISDIR: "tidak dapat dibaca: bukan berkas (folder)"
        case ENOTDIR: "tidak dapat dibaca: salah satu bagian jalurnya bukan folder"
        default: "tidak dapat dibaca: \(describe(code))"
        }
    }

    private static func describe(_ code: Int32) -> String { SystemErrorText.reason(errno: code) }
}

// `read` inside the class names the protocol method; this reaches the C function.
private func posixRead(_ fd: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(fd, base, count)
    #else
        Darwin.read(fd, base, count)
    #endif
}
