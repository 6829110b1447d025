import Foundation
import Testing

/// A writable copy of conformance region-a in which one input is replaced by a hostile one, and the
/// real `padan` run on it.
struct HostileRegion {
    /// The run date every hostile run uses.
    static let asOf = "2026-11-22"
    /// Small hand-written inputs, next to this file.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    let root: URL
    var pipeline: URL { root.appendingPathComponent("pipeline.toml") }
    var latest: URL { root.appendingPathComponent("out/latest") }

    /// A fresh copy of region-a; nil when `../shared` is absent (the test then checks nothing).
    static func make() throws -> HostileRegion? {
        guard let root = try PadanProcess.copyRegion() else { return nil }
        return HostileRegion(root: root)
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    func bytes(_ relative: String) throws -> [UInt8] { Array(try Data(contentsOf: url(relative))) }

    func text(_ relative: String) throws -> String { try String(contentsOf: url(relative), encoding: .utf8) }

    /// Replaces the input at `relative` (whatever it is now: file, folder or link) with `bytes`.
    func replace(_ relative: String, with bytes: [UInt8]) throws {
        try? FileManager.default.removeItem(at: url(relative))
        try Data(bytes).write(to: url(relative))
    }

    func replace(_ relative: String, with text: String) throws { try replace(relative, with: Array(text.utf8)) }

    /// Rewrites the pipeline file.
    func editPipeline(_ edit: (String) -> String) throws {
        try edit(text("pipeline.toml")).write(to: pipeline, atomically: true, encoding: .utf8)
    }

    /// `padan run` on this region, with a timeout: a hostile input must never hang a nightly run.
    func run(_ extra: [String] = [], environment: [String: String] = [:], timeout: TimeInterval = 60) throws
        -> PadanProcess.Output
    {
        try PadanProcess.run(
            ["run", pipeline.path, "--as-of", Self.asOf, "--progress", "never"] + extra, environment: environment,
            timeout: timeout)
    }

    /// `padan check` on this region.
    func check(timeout: TimeInterval = 30) throws -> PadanProcess.Output {
        try PadanProcess.run(["check", pipeline.path, "--as-of", Self.asOf], timeout: timeout)
    }

    /// Every file under the latest run folder, as paths relative to it.
    func runFiles() throws -> [String] {
        let folder = try FileManager.default.destinationOfSymbolicLink(atPath: latest.path)
        let base = root.appendingPathComponent("out").appendingPathComponent(folder)
        return (FileManager.default.subpaths(atPath: base.path) ?? []).filter { item in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: base.appendingPathComponent(item).path, isDirectory: &isFolder)
            return exists && !isFolder.boolValue
        }.sorted()
    }

    /// Everything written anywhere under the output folder, as one string (for "never appears" checks).
    func allOutputText() throws -> String {
        let out = root.appendingPathComponent("out")
        var text = ""
        for item in FileManager.default.subpaths(atPath: out.path) ?? [] {
            let path = out.appendingPathComponent(item).path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            text += String(decoding: data, as: UTF8.self)
        }
        return text
    }

    func remove() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
}

/// `summary.json` and `rejects.csv` of a run, checked against each other: every row read is either kept
/// or in `rejects.csv`, and every SKP row is eligible, blocked, skipped or rejected.
struct RowAccounting {
    struct Input {
        var rows: Int
        var rejected: Int
        /// Per file path: rows, rejected.
        var files: [String: (rows: Int, rejected: Int)]
    }

    var inputs: [String: Input] = [:]
    /// `rejects.csv` without its header: input, file, line, reason, raw.
    var rejects: [[String]] = []
    var skp: [String: Int] = [:]
    var warnings: [String] = []

    /// Reads the latest run of `region` and records an issue for every count that does not add up.
    init(_ region: HostileRegion, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let latest = region.latest
        let data = try Data(contentsOf: latest.appendingPathComponent("summary.json"))
        let summary = try #require(
            try JSONSerialization.jsonObject(with: data) as? [String: Any], sourceLocation: sourceLocation)
        let inputTable = try #require(summary["inputs"] as? [String: [String: Any]], sourceLocation: sourceLocation)
        rejects = Array(try PadanProcess.csv(latest.appendingPathComponent("rejects.csv")).dropFirst())
        for (name, value) in inputTable {
            var input = Input(rows: value["rows"] as? Int ?? -1, rejected: value["rejected"] as? Int ?? -1, files: [:])
            for file in value["files"] as? [[String: Any]] ?? [] {
                let path = file["path"] as? String ?? "?"
                input.files[path] = (file["rows"] as? Int ?? -1, file["rejected"] as? Int ?? -1)
            }
            inputs[name] = input
            #expect(
                input.rows == input.files.values.reduce(0) { $0 + $1.rows }, "\(name): rows ≠ Σ files",
                sourceLocation: sourceLocation)
            #expect(
                input.rejected == input.files.values.reduce(0) { $0 + $1.rejected }, "\(name): rejected ≠ Σ files",
                sourceLocation: sourceLocation)
            #expect(input.rejected <= input.rows, "\(name): more rejected than read", sourceLocation: sourceLocation)
            let listed = rejects.filter { $0.first == name }
            #expect(
                listed.count == input.rejected, "\(name): rejects.csv has \(listed.count), summary \(input.rejected)",
                sourceLocation: sourceLocation)
            for (path, counts) in input.files {
                let inFile = listed.filter { $0.count > 1 && $0[1] == path }.count
                #expect(
                    inFile == counts.rejected, "\(path): rejects.csv has \(inFile), summary \(counts.rejected)",
                    sourceLocation: sourceLocation)
            }
        }
        for reject in rejects {
            #expect(reject.count == 5, "rejects.csv row \(reject.prefix(4))", sourceLocation: sourceLocation)
            #expect(
                Int(reject.count > 2 ? reject[2] : "") ?? 0 >= 1, "reject without a line: \(reject.prefix(4))",
                sourceLocation: sourceLocation)
            #expect(
                reject.count > 3 && !reject[3].isEmpty, "reject without a reason: \(reject.prefix(3))",
                sourceLocation: sourceLocation)
            #expect(
                inputs[reject.first ?? ""] != nil, "reject of an unknown input: \(reject.prefix(3))",
                sourceLocation: sourceLocation)
        }
        skp = summary["skp"] as? [String: Int] ?? [:]
        let skpRejected = inputs["pmm_skp"]?.rejected ?? 0
        #expect(
            skp["rows"] == (skp["eligible"] ?? 0) + (skp["blocked"] ?? 0) + (skp["skipped"] ?? 0) + skpRejected,
            "skp.rows ≠ eligible + blocked + skipped + rejected: \(skp), \(skpRejected)", sourceLocation: sourceLocation
        )
        #expect(skp["rows"] == inputs["pmm_skp"]?.rows ?? 0, "skp.rows ≠ pmm_skp rows", sourceLocation: sourceLocation)
        let payloads = try String(contentsOf: latest.appendingPathComponent("skp/payloads.jsonl"), encoding: .utf8)
        #expect(
            payloads.split(separator: "\n").count == skp["eligible"], "payloads.jsonl ≠ eligible",
            sourceLocation: sourceLocation)
        #expect(
            try PadanProcess.csv(latest.appendingPathComponent("skp/blocked.csv")).count - 1 == skp["blocked"],
            "blocked.csv ≠ blocked", sourceLocation: sourceLocation)
        #expect(
            try PadanProcess.csv(latest.appendingPathComponent("skp/skipped.csv")).count - 1 == skp["skipped"],
            "skipped.csv ≠ skipped", sourceLocation: sourceLocation)
        warnings = summary["warnings"] as? [String] ?? []
    }

    /// The rejects of one file.
    func rejects(of file: String) -> [[String]] { rejects.filter { $0.count > 1 && $0[1] == file } }
}
