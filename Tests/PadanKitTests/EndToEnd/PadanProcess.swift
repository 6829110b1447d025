import Foundation
import PadanTestSupport

/// Runs the real `padan` binary, built next to the test bundle.
struct PadanProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the process had to be killed after `timeout` seconds.
        var timedOut = false
        /// Wall-clock seconds from start to exit.
        var seconds = 0.0
    }

    /// The package root, from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` next to the package, where the conformance region lives.
    static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("padan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/padan")
    }

    /// Runs `padan` with `arguments`; `environment` is added to this process's. A run still going after
    /// `timeout` seconds is killed (SIGKILL) and reported with `timedOut`.
    @discardableResult
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        timeout: TimeInterval = 300
    ) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let started = Date()
        try process.run()
        let pid = process.processIdentifier
        let timedOut = Flag()
        let watchdog = DispatchWorkItem {
            timedOut.set()
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // stderr on its own thread: a child filling one pipe while we wait on the other would deadlock.
        let errorText = Collected()
        let reader = Thread { errorText.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let stderr = errorText.wait()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self), timedOut: timedOut.value,
            seconds: Date().timeIntervalSince(started))
    }

    /// A flag set from another thread.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var isSet = false
        func set() { lock.withLock { isSet = true } }
        var value: Bool { lock.withLock { isSet } }
    }

    /// Data handed over from a reading thread.
    final class Collected: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()
        func set(_ data: Data) {
            self.data = data
            done.signal()
        }
        func wait() -> Data {
            done.wait()
            return data
        }
    }

    /// A writable copy of a conformance region in a fresh temporary folder; nil when `../shared` is absent.
    static func copyRegion(_ name: String = "region-a") throws -> URL? {
        let source = shared.appendingPathComponent("conformance/\(name)")
        guard FileManager.default.fileExists(atPath: source.path) else { return nil }
        let dir = TestScratch.url("padan-e2e")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        try? FileManager.default.removeItem(at: target.appendingPathComponent("out"))
        try? FileManager.default.removeItem(at: target.appendingPathComponent("state"))
        // The shared copy is read-only; the test's copy must not be.
        let enumerator = FileManager.default.enumerator(atPath: target.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
        while let item = enumerator?.nextObject() as? String {
            let path = target.appendingPathComponent(item).path
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            try FileManager.default.setAttributes(
                [.posixPermissions: isDir.boolValue ? 0o755 : 0o644], ofItemAtPath: path)
        }
        return target
    }

    /// Reads a CSV file written by Padan into rows of cells (simple RFC 4180 parse).
    static func csv(_ url: URL) throws -> [[String]] {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows = [[String]](), row = [String](), cell = "", quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = iterator.next() {
                        if n == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell); cell = ""
            } else if c == "\n" {
                row.append(cell); rows.append(row); row = []; cell = ""
            } else if c != "\r" {
                cell.unicodeScalars.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
