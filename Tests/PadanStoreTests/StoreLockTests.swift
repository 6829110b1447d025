import Foundation
import PadanStore
import Testing

@Suite("The store's run lock")
struct StoreLockTests {
    @Test func aSecondAcquireInTheSameProcessNamesTheHolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.file("padan.sqlite")

        let lock = try StoreLock.acquire(storePath: store, holder: "run 20261122T190000Z")
        let error = try #require(throws: StoreError.self) {
            try StoreLock.acquire(storePath: store, holder: "run 20261122T190500Z")
        }

        guard case .held(let holder) = error else {
            Issue.record("expected .held, got \(error)")
            return
        }
        #expect(holder.contains("pid \(getpid())"))
        #expect(holder.contains("run 20261122T190000Z"))
        #expect(error.description == "penyimpanan sedang dipakai oleh proses lain: \(holder)")
        lock.release()
        let again = try StoreLock.acquire(storePath: store, holder: "run 20261122T190500Z")
        again.release()
    }

    /// The lock file locked as a holder has it just after taking the lock or just before letting go: no text.
    func holdSilently(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        try #require(fd >= 0)
        try #require(flock(fd, LOCK_EX | LOCK_NB) == 0)
        return fd
    }

    @Test func aHolderStillWritingItsTextIsNamedOnceItHas() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.file("padan.sqlite")
        let fd = try holdSilently(store + ".lock")
        defer { close(fd) }
        Thread.detachNewThread {
            usleep(50_000)
            let text = "pid 1 di vm, padan run contoh\n"
            let written = text.utf8CString.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress, $0.count - 1, 0) }
            precondition(written > 0, "errno \(errno)")
        }
        let error = try #require(throws: StoreError.self) { try StoreLock.acquire(storePath: store, holder: "kedua") }
        #expect(error == .held(holder: "pid 1 di vm, padan run contoh"))
    }

    @Test func aHolderLettingGoIsFollowed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.file("padan.sqlite")
        let fd = try holdSilently(store + ".lock")
        Thread.detachNewThread {
            usleep(50_000)
            close(fd)
        }
        let lock = try StoreLock.acquire(storePath: store, holder: "kedua")
        lock.release()
    }

    @Test func droppingTheLockReleasesIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.file("padan.sqlite")

        do {
            let lock = try StoreLock.acquire(storePath: store, holder: "first")
            _ = lock
        }
        let second = try StoreLock.acquire(storePath: store, holder: "second")
        second.release()
        second.release()
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func anotherProcessCannotTakeTheLockWhileHeld() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.file("padan.sqlite")

        let lock = try StoreLock.acquire(storePath: store, holder: "run 20261122T190000Z")
        #expect(try flockStatus(lock.path) == 1)
        lock.release()
        #expect(try flockStatus(lock.path) == 0)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func aChildProcessDoesNotInheritTheLock() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let lock = try StoreLock.acquire(storePath: folder.file("padan.sqlite"), holder: "run")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["30"]
        try child.run()
        defer {
            // SIGKILL: the test runner's child may inherit a signal mask that blocks SIGTERM.
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
        }

        lock.release()

        #expect(try flockStatus(lock.path) == 0)
    }

    @Test func theLockFileIsCreatedWithItsFolderAndIsNotReadableByOthers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.file("state/padan.sqlite")

        let lock = try StoreLock.acquire(storePath: store, holder: "run")
        defer { lock.release() }

        #expect(lock.path == store + ".lock")
        #expect(try permissions(of: lock.path) & ~0o640 == 0)
    }

    /// The exit status of `flock -n <path> true`: 0 if it got the lock, 1 if it is held.
    private func flockStatus(_ path: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        process.arguments = ["-n", path, "true"]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
