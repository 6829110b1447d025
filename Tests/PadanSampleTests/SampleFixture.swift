import Foundation
import PadanSample
import PadanTestSupport

/// Shared setup of the generator's tests: where the real school list is, and one generated region
/// (300 teachers, seed 2024, the committed sample's options) that most tests read.
enum SampleFixture {
    /// `../shared/data/sekolah-2019.csv.gz` relative to the package root, found from this file.
    static let schoolsPath: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent("../shared/data/sekolah-2019.csv.gz").standardizedFileURL.path
    }()

    /// The package root (where `SampleData/` and `pipelines/` live).
    static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// Whether the school list is there; tests that need it are skipped (with this message) when not.
    static var schoolsAvailable: Bool { FileManager.default.fileExists(atPath: schoolsPath) }
    static let missingMessage = "sekolah-2019.csv.gz not found at ../shared/data relative to the package root: skipped"

    /// A fresh empty folder under the system's temporary folder.
    static func temporaryDirectory(_ label: String) -> String {
        let path = TestScratch.path("padan-sample-\(label)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The region every read-only test shares, generated once.
    static let standard: Result<SampleReport, any Error> = {
        let directory = temporaryDirectory("standard")
        return Result {
            try SampleRegion.write(to: directory, options: .init(teachers: 300, seed: 2024, schoolsPath: schoolsPath))
        }
    }()

    /// The shared region's truth, parsed.
    static func truth(of report: SampleReport) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: report.directory + "/truth.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
