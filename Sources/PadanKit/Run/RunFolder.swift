import Foundation
import PadanCore

/// A run folder written under a temporary name and published whole: renamed into place, then `latest`
/// (a symbolic link) moved to it by renaming a fresh link over the old one.
package struct RunFolder {
    package let outputDir: String
    package let runId: String
    package let temporary: String

    package var final: String { (outputDir as NSString).appendingPathComponent(runId) }

    /// Picks the run id (`YYYYMMDDTHHMMSSZ`, `-2`, `-3`, … when taken) and creates the temporary folder.
    package static func create(outputDir: String, startedAt: Date, taken: (String) -> Bool) throws(PadanError)
        -> RunFolder
    {
        let fm = FileManager.default
        try prepare(outputDir: outputDir)
        removeAbandoned(in: outputDir)
        let base = runIdFormatter.string(from: startedAt)
        var runId = base
        var n = 2
        while fm.fileExists(atPath: (outputDir as NSString).appendingPathComponent(runId)) || taken(runId) {
            runId = "\(base)-\(n)"
            n += 1
        }
        let temporary = (outputDir as NSString).appendingPathComponent(".\(runId).tmp-\(getpid())")
        do {
            try? fm.removeItem(atPath: temporary)
            try fm.createDirectory(
                atPath: temporary, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o750])
            try fm.createDirectory(
                atPath: temporary + "/skp", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o750])
            try fm.createDirectory(
                atPath: temporary + "/escalation", withIntermediateDirectories: false,
                attributes: [.posixPermissions: 0o750])
        } catch {
            throw PadanError(
                .cannotCreate, "\(outputDir): folder keluaran tidak dapat ditulis: \(SystemErrorText.reason(error))")
        }
        return RunFolder(outputDir: outputDir, runId: runId, temporary: temporary)
    }

    /// Makes `outputDir` (and its parents) when missing and checks that it can be written: done before
    /// the inputs are read too, so an operator learns of a wrong `output_dir` at once, not after the run.
    package static func prepare(outputDir: String) throws(PadanError) {
        do {
            // Made like the run folders inside it (0750): its listing names the runs, nothing for others.
            try FileManager.default.createDirectory(
                atPath: outputDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        } catch {
            throw PadanError(
                .cannotCreate, "\(outputDir): folder keluaran tidak dapat dibuat: \(SystemErrorText.reason(error))")
        }
        guard access(outputDir, W_OK | X_OK) == 0 else {
            throw PadanError(
                .cannotCreate,
                "\(outputDir): folder keluaran tidak dapat ditulis: \(SystemErrorText.reason(errno: errno))")
        }
    }

    /// A path inside the temporary folder.
    package func path(_ relative: String) -> String { (temporary as NSString).appendingPathComponent(relative) }

    /// Renames the finished folder into place.
    package func publish() throws(PadanError) {
        guard rename(temporary, final) == 0 else {
            throw PadanError(
                .cannotCreate, "\(final): folder hasil tidak dapat dipasang: \(SystemErrorText.reason(errno: errno))")
        }
    }

    /// Points `latest` at the published folder (atomic: a new link renamed over the old one). Returns where
    /// `latest` pointed before (nil when there was no link), for ``restoreLatest(_:)``.
    @discardableResult
    package func moveLatest() throws(PadanError) -> String? {
        let previous = try? FileManager.default.destinationOfSymbolicLink(atPath: latestPath)
        try Self.pointLink(latestPath, at: runId)
        return previous
    }

    /// Puts `latest` back where it pointed before ``moveLatest()`` (removes it when there was none): the
    /// store did not record this run. Best effort; the run is failing already.
    package func restoreLatest(_ previous: String?) {
        if let previous {
            try? Self.pointLink(latestPath, at: previous)
        } else if (try? FileManager.default.destinationOfSymbolicLink(atPath: latestPath)) == runId {
            unlink(latestPath)
        }
    }

    var latestPath: String { (outputDir as NSString).appendingPathComponent("latest") }

    /// Points the symbolic link `path` at `target`, atomically (a fresh link renamed over the old one).
    static func pointLink(_ path: String, at target: String) throws(PadanError) {
        let fresh = path + ".tmp-\(getpid())"
        unlink(fresh)
        guard symlink(target, fresh) == 0, rename(fresh, path) == 0 else {
            let reason = SystemErrorText.reason(errno: errno)
            unlink(fresh)
            throw PadanError(.cannotCreate, "\(path): tautan latest tidak dapat diperbarui: \(reason)")
        }
    }

    /// Removes the temporary folder after a failure.
    package func discard() { try? FileManager.default.removeItem(atPath: temporary) }

    /// Removes what killed runs left behind: temporary folders (`.<run_id>.tmp-<pid>`) and fresh `latest`
    /// links (`latest.tmp-<pid>`) whose process is gone. A live pid (say, a run of another pipeline writing
    /// to the same folder) is left alone.
    static func removeAbandoned(in outputDir: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: outputDir) else { return }
        for name in names {
            guard let pid = temporaryOwner(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (outputDir as NSString).appendingPathComponent(name))
        }
    }

    /// The pid in a temporary name this type makes, or nil for any other name.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix(".") || name.hasPrefix("latest."),
            let marker = name.range(of: ".tmp-", options: .backwards),
            let pid = pid_t(name[marker.upperBound...]), pid > 0
        else { return nil }
        return pid
    }

    static let runIdFormatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f
    }()
}
