import Foundation
import PadanTestSupport
import Testing

@testable import PadanKit

/// `latest` moves to a published folder and, when the store then fails to commit, goes back.
struct RunFolderTests {
    static func outputDir() throws -> String {
        let dir = TestScratch.url("padan-runfolder")
            .path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func publish(_ dir: String, at seconds: TimeInterval) throws -> RunFolder {
        let folder = try RunFolder.create(outputDir: dir, startedAt: Date(timeIntervalSince1970: seconds)) { _ in false
        }
        try folder.publish()
        return folder
    }

    @Test func restoreLatestPutsThePreviousTargetBack() throws {
        let dir = try Self.outputDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let latest = (dir as NSString).appendingPathComponent("latest")
        let first = try Self.publish(dir, at: 1_790_000_000)
        #expect(try first.moveLatest() == nil)
        let second = try Self.publish(dir, at: 1_790_086_400)
        let previous = try second.moveLatest()
        #expect(previous == first.runId)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: latest) == second.runId)

        second.restoreLatest(previous)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: latest) == first.runId)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func restoreLatestRemovesALinkTheFirstRunMade() throws {
        let dir = try Self.outputDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let latest = (dir as NSString).appendingPathComponent("latest")
        let first = try Self.publish(dir, at: 1_790_000_000)
        let previous = try first.moveLatest()
        #expect(previous == nil)
        first.restoreLatest(previous)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: latest)) == nil)
    }
}
