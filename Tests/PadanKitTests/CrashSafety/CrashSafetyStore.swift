import Foundation
import Testing

/// The store and output folder of a region as a run left them, for comparing before and after a crash.
///
/// The store is read with the `sqlite3` shell (as an operator would look at it), which also rolls back a
/// hot journal that a killed transaction left: exactly what the next run's first read does.
enum CrashSafetyStore {
    static let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// `.dump` of the store: every table, row by row (empty when there is no store yet).
    static func dump(_ store: String) throws -> String {
        guard FileManager.default.fileExists(atPath: store) else { return "" }
        return try shell(store, ".dump")
    }

    /// How many runs the store holds (0 without a store).
    static func runCount(_ store: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: store), sqlite3 != nil else { return 0 }
        let tables = try shell(store, ".tables")
        guard tables.split(whereSeparator: \.isWhitespace).contains("run") else { return 0 }
        return Int(try shell(store, "SELECT count(*) FROM run;").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    private static func shell(_ store: String, _ command: String) throws -> String {
        let binary = try #require(sqlite3, "the sqlite3 shell is needed to read the store")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [store, command]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sqlite3 \(command) failed")
        return String(decoding: data, as: UTF8.self)
    }
}

/// What a region's output folder and store look like at one moment.
struct RegionState: Equatable {
    var store: String
    /// Where `latest` points ("" without it).
    var latest: String
    /// Names in the output folder that an operator sees (not dot-prefixed).
    var visible: [String]
    /// Runs recorded in the store.
    var runs: Int

    init(_ root: URL) throws {
        store = try CrashSafetyStore.dump(root.appendingPathComponent("state/padan.sqlite").path)
        runs = try CrashSafetyStore.runCount(root.appendingPathComponent("state/padan.sqlite").path)
        let out = root.appendingPathComponent("out")
        latest =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("latest").path))
            ?? ""
        visible = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
    }
}
