import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths for files and folders a test makes, all in one folder of the test process under the system's temporary
/// folder (`padan-tests-<pid>`). swift-testing has no teardown, and the test process ends without running exit
/// handlers, so the first use in a process removes the folders of test processes that have ended: the end-to-end
/// tests copy regions of several megabytes, and left behind, a few runs of the suite filled `/tmp` with hundreds of
/// folders. A folder of a process still running (another suite at the same time) is left alone.
public enum TestScratch {
    /// This process's folder, made (and the ended processes' removed) at first use.
    public static let root: URL = {
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "padan-tests-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            removeWritable(temporary.appendingPathComponent(name))
        }
        let root = temporary.appendingPathComponent("\(prefix)\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }()

    /// A fresh path `prefix-<UUID><suffix>` in ``root`` (nothing is created at it).
    public static func url(_ prefix: String, suffix: String = "") -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)\(suffix)")
    }

    /// ``url(_:suffix:)``'s path.
    public static func path(_ prefix: String, suffix: String = "") -> String { url(prefix, suffix: suffix).path }

    /// Removes `folder`, first making every folder in it writable (some tests make one read-only).
    private static func removeWritable(_ folder: URL) {
        let fm = FileManager.default
        _ = try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        for item in fm.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] {
            let path = folder.appendingPathComponent(item).path
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                _ = try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            }
        }
        try? fm.removeItem(at: folder)
    }
}
