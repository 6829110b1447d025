import Foundation
import PadanSample
import Testing

/// A seed gives the same region, byte for byte; another seed gives another region.
@Suite(.enabled(if: SampleFixture.schoolsAvailable, Comment(rawValue: SampleFixture.missingMessage)))
struct SampleDeterminismTests {
    static let files = [
        "dapodik/ptk-1.csv", "dapodik/ptk-2.csv", "dapodik/ptk-3.csv.gz", "dapodik/sekolah.xml", "siasn/pns.txt",
        "siasn/unor.xml", "pemadanan/unor_npsn.csv", "pmm/skp.csv", "truth.json", "pipeline.toml", "README.md",
    ]

    func generate(seed: UInt64, label: String) throws -> String {
        let directory = SampleFixture.temporaryDirectory(label)
        let report = try SampleRegion.write(
            to: directory, options: .init(teachers: 150, seed: seed, schoolsPath: SampleFixture.schoolsPath))
        #expect(report.problems.isEmpty, "\(report.problems)")
        return directory
    }

    @Test func theSameSeedGivesTheSameFiles() throws {
        let first = try generate(seed: 7, label: "seed7a")
        let second = try generate(seed: 7, label: "seed7b")
        for file in Self.files {
            let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + file))
            #expect(a == b, "\(file) differs between two runs of seed 7")
        }
    }

    @Test func anotherSeedGivesAnotherRegion() throws {
        let first = try generate(seed: 7, label: "seed7c")
        let other = try generate(seed: 8, label: "seed8")
        let a = try Data(contentsOf: URL(fileURLWithPath: first + "/dapodik/ptk-1.csv"))
        let b = try Data(contentsOf: URL(fileURLWithPath: other + "/dapodik/ptk-1.csv"))
        #expect(a != b)
    }

    @Test(arguments: [UInt64(1), 2, 3, 11, 99])
    func otherSeedsStaySound(seed: UInt64) throws {
        let directory = SampleFixture.temporaryDirectory("seed\(seed)")
        let report = try SampleRegion.write(
            to: directory, options: .init(teachers: 400, seed: seed, schoolsPath: SampleFixture.schoolsPath))
        #expect(report.problems.isEmpty, "seed \(seed): \(report.problems)")
        for code in SampleCoverageTests.codes {
            #expect((report.disparities[code] ?? 0) >= 1, "seed \(seed): no \(code)")
        }
    }
}
