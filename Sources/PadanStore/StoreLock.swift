import Foundation
import PadanCore

/// The run lock of a store: while one process holds it, no other run may touch the store.
///
/// The lock is an exclusive, non-blocking `flock(2)` on `<store>.lock`, a file created with mode
/// `0640` next to the store and left on disk between runs. The kernel releases a `flock` when the
/// descriptor's last holder closes it, so when the holding process exits, however it exits
/// (`kill -9` included), the lock goes with it: a stale lock cannot exist, and the holder text
/// left in the file is only ever read while the lock is actually held. The descriptor is
/// close-on-exec, so child processes do not inherit the lock.
///
/// `flock` locks belong to an open file description, so a second ``acquire(storePath:holder:)``
/// conflicts with the first even inside the same process.
package final class StoreLock: @unchecked Sendable {
    // @unchecked: the only mutable state, the descriptor, is guarded by `guardian`.
    private let guardian = NSLock()
    private var descriptor: Int32?

    /// The lock file, `<store>.lock`.
    package let path: String

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        release()
    }

    /// Takes the lock of the store at `storePath`, or throws ``StoreError/held(holder:)`` naming
    /// the process that has it.
    ///
    /// - Parameter holder: what this process is doing, for whoever finds the store locked, such
    ///   as the run id and start time. The lock file records it after the pid and host name.
    package static func acquire(storePath: String, holder: String) throws(StoreError) -> StoreLock {
        let path = storePath + ".lock"
        let descriptor: Int32
        do {
            try StoreFiles.createParentFolder(of: path)
            descriptor = try StoreFiles.openCreatingIfMissing(path)
        } catch {
            throw .cannotLock(path: path, reason: StoreError.reason(error))
        }
        // The holder writes its text just after taking the lock and erases it just before letting go: a file found
        // empty is read again for a moment (the lock taken if it was let go meanwhile), so that the message names
        // the holder (one contender in fifty named no one when six runs started at once).
        var attempts = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK else {
                close(descriptor)
                throw .cannotLock(path: path, reason: SystemErrorText.reason(errno: code))
            }
            attempts += 1
            if let holder = readHolder(descriptor) ?? (attempts > 50 ? "proses tidak dikenal" : nil) {
                close(descriptor)
                throw .held(holder: holder)
            }
            usleep(10_000)
        }
        // The holder text only informs whoever finds the store locked: failing to write it
        // does not weaken the lock, so its result is not checked.
        let text = "pid \(getpid()) di \(hostName()), \(holder)\n"
        _ = ftruncate(descriptor, 0)
        _ = text.utf8CString.withUnsafeBufferPointer { buffer in
            pwrite(descriptor, buffer.baseAddress, buffer.count - 1, 0)
        }
        return StoreLock(path: path, descriptor: descriptor)
    }

    /// Releases the lock; later calls do nothing. Dropping the last reference does the same.
    package func release() {
        guardian.lock()
        defer { guardian.unlock() }
        guard let descriptor else { return }
        _ = ftruncate(descriptor, 0)
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        self.descriptor = nil
    }

    /// The holder text in the lock file, nil when there is none (yet, or any more).
    private static func readHolder(_ descriptor: Int32) -> String? {
        var bytes = [UInt8](repeating: 0, count: 1024)
        let count = bytes.withUnsafeMutableBytes { buffer in
            pread(descriptor, buffer.baseAddress, buffer.count, 0)
        }
        let text = count > 0 ? String(decoding: bytes.prefix(count), as: UTF8.self) : ""
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func hostName() -> String {
        var bytes = [CChar](repeating: 0, count: 256)
        guard gethostname(&bytes, bytes.count - 1) == 0 else { return "host tidak dikenal" }
        return String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
