import Foundation
import PadanCore
import PadanTestSupport

@testable import PadanKit

/// A writable copy of the shared conformance region in a temporary folder, for report and explain tests.
struct RegionCopy {
    /// The package root, from this file's path (`Tests/PadanKitTests/Report/`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let source = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/region-a")

    /// Whether `../shared/conformance/region-a` is there (tests needing it are skipped otherwise).
    static var available: Bool {
        FileManager.default.fileExists(atPath: source.appendingPathComponent("pipeline.toml").path)
    }

    let root: URL
    var pipelinePath: String { root.appendingPathComponent("pipeline.toml").path }

    init() throws {
        let dir = TestScratch.url("padan-report")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        root = dir.appendingPathComponent("region-a")
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for sub in ["dapodik", "siasn", "pemadanan", "pmm"] {
            try fm.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: Self.source.appendingPathComponent(sub).path) {
                let data = try Data(contentsOf: Self.source.appendingPathComponent("\(sub)/\(name)"))
                try data.write(to: root.appendingPathComponent("\(sub)/\(name)"))
            }
        }
        try Data(contentsOf: Self.source.appendingPathComponent("pipeline.toml")).write(
            to: root.appendingPathComponent("pipeline.toml"))
    }

    /// Replaces text in one input file (to plant a value).
    func replace(_ old: String, with new: String, in file: String) throws {
        let url = root.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        precondition(text.contains(old), "\(old) not in \(file)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    func pipeline() throws -> PipelineFile { try PipelineFile.load(pipelinePath) }

    /// One quiet `padan run` as of `date`.
    @discardableResult
    func run(asOf date: String) throws -> RunResult {
        let options = RunOptions(asOf: CalendarDate(iso: date), progress: .never, quiet: true)
        return try NightlyRun(pipeline: pipeline(), options: options, progress: RunProgress(style: .silent)).execute()
    }

    /// A file of the latest run folder.
    func latest(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("out/latest/\(relative)"), encoding: .utf8)
    }
}
