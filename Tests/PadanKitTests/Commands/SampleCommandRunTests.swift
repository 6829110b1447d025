import Foundation
import PadanTestSupport
import Testing

@testable import PadanKit

/// `padan sample` into a folder that already holds something.
struct SampleCommandRunTests {
    static func folder(holding files: [String]) throws -> URL {
        let folder = TestScratch.url("padan-sample")
        for file in files {
            let url = folder.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("asli\n".utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A mistyped folder may hold a BKD's real exports: refused (73), nothing touched.
    @Test func aFolderThatIsNotEmptyIsRefusedWithoutForce() throws {
        let folder = try Self.folder(holding: ["pipeline.toml", "dapodik/ptk-1.csv"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PadanProcess.run(["sample", folder.path, "--teachers", "5", "--quiet"])
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("\(folder.path): folder sudah ada dan tidak kosong"), "\(run.stderr)")
        #expect(run.stderr.contains("--force"), "\(run.stderr)")
        for file in ["pipeline.toml", "dapodik/ptk-1.csv"] {
            #expect(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) == "asli\n")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("siasn").path))
    }

    @Test func anEmptyFolderOrAFileNeedsNoForceOrIsRefused() throws {
        let empty = try Self.folder(holding: [])
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(try SampleCommandRun(directory: empty.path, teachers: 5, seed: 1).mayWrite() == false)
        let file = empty.appendingPathComponent("berkas")
        try Data().write(to: file)
        #expect(throws: PadanError.self) {
            try SampleCommandRun(directory: file.path, teachers: 5, seed: 1, force: true).mayWrite()
        }
    }

    /// With `--force` the region is written over the old one, whose store and runs go with it.
    @Test func forceWritesOverTheFolderAndRemovesItsStoreAndRuns() throws {
        guard let schools = try? SampleCommandRun.locateSchools() else { return }
        let folder = try Self.folder(
            holding: ["pipeline.toml", "state/padan.sqlite", "out/latest/summary.json", "catatan.txt"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = SampleCommandRun(directory: folder.path, teachers: 5, seed: 1, schoolsPath: schools, force: true)
        let report = try command.execute()
        #expect(report.directory == folder.path)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("state").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        #expect(try String(contentsOf: folder.appendingPathComponent("pipeline.toml"), encoding: .utf8) != "asli\n")
        // What is not the region's is left alone.
        #expect(try String(contentsOf: folder.appendingPathComponent("catatan.txt"), encoding: .utf8) == "asli\n")
    }
}
