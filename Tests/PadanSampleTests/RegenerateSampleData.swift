import Foundation
import PadanSample
import Testing

/// Not a test: the way `scripts/regenerate-sample.sh` runs the generator while `padan sample` is
/// not wired, and the way to time a large region (`swift test -c release`). Runs only when
/// `PADAN_SAMPLE_OUT` names a folder; `PADAN_SAMPLE_TEACHERS`, `PADAN_SAMPLE_SEED` and
/// `PADAN_SAMPLE_PIPELINE` (a pipeline file to write pointing at that folder from `pipelines/`)
/// are optional.
@Suite struct RegenerateSampleData {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["PADAN_SAMPLE_OUT"] != nil))
    func regenerate() throws {
        let env = Self.environment
        let directory = try #require(env["PADAN_SAMPLE_OUT"])
        let teachers = Int(env["PADAN_SAMPLE_TEACHERS"] ?? "") ?? 300
        let seed = UInt64(env["PADAN_SAMPLE_SEED"] ?? "") ?? 2024
        let report = try SampleRegion.write(
            to: directory, options: .init(teachers: teachers, seed: seed, schoolsPath: SampleFixture.schoolsPath))
        if let pipeline = env["PADAN_SAMPLE_PIPELINE"] {
            let name = URL(fileURLWithPath: directory).lastPathComponent
            let text = PipelineFile.render(
                name: "sample",
                comment: "The committed sample region (\(name)/README.md); git-ignored store and output.",
                prefix: "../\(name)/", store: "../state/sample.sqlite", outputDir: "../out/sample",
                penilai: report.penilai, upt: report.upt)
            try (text + "\n").write(toFile: pipeline, atomically: true, encoding: .utf8)
        }
        print(
            "padan-sample: \(directory): \(report.schools) schools, \(report.units) units, "
                + "ptk \(report.rows(of: "dapodik_ptk")), pns \(report.rows(of: "siasn_pns")), "
                + "skp \(report.rows(of: "pmm_skp")), \(report.bytes) bytes, "
                + String(format: "%.2f", report.seconds)
                + " s, truth \(report.truthWritten), problems \(report.problems.count)")
        for problem in report.problems.prefix(40) { print("padan-sample: problem: " + problem) }
    }
}
