import Foundation
import Logging

/// A swift-log handler writing one line per message to stderr: `padan: peringatan: …`.
///
/// Personal data stays out of the lines: callers log no NIK nor birth date, and as a safety net every
/// run of 18 digits is masked as a NIP (`198501******1001`) and any other run of 10 or more digits
/// (a NIK, a NUPTK) is masked except its first two digits.
package struct StderrLogHandler: LogHandler {
    package var metadataProvider: Logger.MetadataProvider?
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level
    private let label: String
    private let sink: @Sendable (String) -> Void

    /// - Parameter sink: where lines go (stderr by default; tests pass a collector).
    package init(
        label: String, level: Logger.Level,
        sink: @escaping @Sendable (String) -> Void = { RunProgress.writeStandardError($0) }
    ) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let given = event.metadata { all.merge(given) { _, new in new } }
        var line = "padan: \(Self.levelName(event.level)): \(event.message)"
        if !all.isEmpty {
            line += " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        sink(Self.redact(line) + "\n")
    }

    /// The level in Bahasa Indonesia.
    static func levelName(_ level: Logger.Level) -> String {
        switch level {
        case .trace: return "jejak"
        case .debug: return "debug"
        case .info: return "info"
        case .notice: return "catatan"
        case .warning: return "peringatan"
        case .error: return "galat"
        case .critical: return "kritis"
        }
    }

    /// Masks digit runs that may be personal numbers: 18 digits as a NIP, 10 or more as `12********`.
    package static func redact(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            if run.count == 18 {
                out += String(run.prefix(6)) + "******" + String(run.suffix(6))
            } else if run.count >= 10 {
                out += String(run.prefix(2)) + String(repeating: "*", count: run.count - 2)
            } else {
                out += run
            }
            run = ""
        }
        for c in text {
            if c.isASCII, c.isNumber {
                run.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }
}

/// The process's logging: one stderr handler, set up once by the executable.
package enum PadanLog {
    /// Routes swift-log to stderr: warnings and errors by default, nothing but errors when quiet,
    /// more with `PADAN_LOG=debug|info`.
    package static func bootstrap(quiet: Bool) {
        let env = ProcessInfo.processInfo.environment["PADAN_LOG"].flatMap { Logger.Level(rawValue: $0.lowercased()) }
        let level: Logger.Level = quiet ? .error : env ?? .warning
        LoggingSystem.bootstrap { label in StderrLogHandler(label: label, level: level) }
    }
}
