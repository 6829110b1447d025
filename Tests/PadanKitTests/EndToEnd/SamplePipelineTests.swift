import Foundation
import PadanTestSupport
import Testing

/// The README's first command, `padan run pipelines/sample.toml`, run for real on a copy of the repository's
/// sample region, scored against the truth the generator wrote beside it.
@Suite(.serialized)
struct SamplePipelineTests {
    /// A temporary folder holding `pipelines/sample.toml` and `SampleData/`, so runs never touch the checkout.
    static func copySample() throws -> URL {
        let dir = TestScratch.url("padan-sample")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("pipelines"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: PadanProcess.packageRoot.appendingPathComponent("pipelines/sample.toml"),
            to: dir.appendingPathComponent("pipelines/sample.toml"))
        try FileManager.default.copyItem(
            at: PadanProcess.packageRoot.appendingPathComponent("SampleData"),
            to: dir.appendingPathComponent("SampleData"))
        return dir
    }

    @Test func samplePipelineRunsAndMatchesItsTruth() throws {
        let dir = try Self.copySample()
        let pipeline = dir.appendingPathComponent("pipelines/sample.toml").path
        let run = try PadanProcess.run(["run", pipeline, "--as-of", "2026-11-22"])
        #expect(run.status == 0, "\(run.stderr)")
        // The folder as the operator would type it: `out/sample/…` beside `pipelines/`, not through `pipelines/..`.
        let outFolder = dir.resolvingSymlinksInPath().appendingPathComponent("out/sample/").path
        #expect(run.stdout.contains("Folder hasil: \(outFolder)"), "\(run.stdout)")
        let latest = dir.appendingPathComponent("out/sample/latest")
        for file in [
            "summary.json", "disparities.csv", "links.csv", "unor_map.csv", "rejects.csv", "report.html",
            "usulan_pemadanan.csv", "skp/payloads.jsonl", "skp/delta.jsonl", "skp/blocked.csv", "skp/skipped.csv",
            "escalation/bgp-jember.csv", "escalation/bgp-jawa-timur.csv",
        ] {
            #expect(FileManager.default.fileExists(atPath: latest.appendingPathComponent(file).path), "missing \(file)")
        }
        // Every disparity code of the catalogue is planted in the sample region.
        let rows = try PadanProcess.csv(latest.appendingPathComponent("disparities.csv"))
        let code = try #require(rows.first?.firstIndex(of: "code"))
        let codes = Set(rows.dropFirst().map { $0[code] })
        #expect(codes.count == 17, "codes found: \(codes.sorted())")

        let truth = dir.appendingPathComponent("SampleData/truth.json")
        guard FileManager.default.fileExists(atPath: truth.path) else { return }
        let score = Process()
        score.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        score.arguments = [
            "python3", PadanProcess.shared.appendingPathComponent("conformance/score.py").path,
            latest.path, truth.path, "--min", "0.95",
        ]
        let out = Pipe()
        score.standardOutput = out
        score.standardError = Pipe()
        guard (try? score.run()) != nil else { return }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        score.waitUntilExit()
        if text.contains("jsonschema is not installed") || !text.contains("SCORE") { return }
        #expect(score.terminationStatus == 0, "\(text)")
    }

    /// With `PADAN_LOG=info`, each input file's rows and reading seconds are on stderr, one line a file; not without.
    @Test func infoLogNamesEachFileReadWithItsRowsAndSeconds() throws {
        let dir = try Self.copySample()
        let pipeline = dir.appendingPathComponent("pipelines/sample.toml").path
        let run = try PadanProcess.run(["run", pipeline, "--as-of", "2026-11-22"], environment: ["PADAN_LOG": "info"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").filter { $0.contains("berkas dibaca: ") }
        let pattern = /berkas dibaca: \S+: [0-9.]+ baris, [0-9]+,[0-9]{2} dtk/
        #expect(lines.count >= 6, "\(run.stderr)")
        #expect(lines.allSatisfy { $0.contains(pattern) }, "\(lines)")
        #expect(lines.contains { $0.contains("sekolah") })
        let quiet = try PadanProcess.run(
            ["run", pipeline, "--as-of", "2026-11-22"], environment: ["PADAN_LOG": "warning"])
        #expect(!quiet.stderr.contains("berkas dibaca"))
    }

    /// `padan run` with nothing after it runs `pipelines/sample.toml` of the folder it is started in
    /// (`pipeline.md`); where there is none, it says so and exits 64.
    @Test func runWithoutAPipelineRunsTheSample() throws {
        let dir = try Self.copySample()
        let run = try PadanProcess.run(["run", "--as-of", "2026-11-22", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/sample/latest/summary.json").path))

        let empty = TestScratch.url("padan-empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try PadanProcess.run(["run"], in: empty)
        #expect(none.status == 64)
        #expect(none.stderr.contains("pipelines/sample.toml tidak ada"), "\(none.stderr)")
    }
}
