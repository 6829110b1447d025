import Foundation
import PadanTestSupport
import Testing

@testable import PadanKit

/// The crosswalk file's update on its own: the backups it keeps.
struct CrosswalkFileUpdateTests {
    /// Two decisions applied within one second: each keeps its own backup of the file it replaced.
    @Test func backupsMadeWithinOneSecondAreAllKept() throws {
        let folder = TestScratch.url("padan")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("unor_npsn.csv").path
        let original = "unor_id,npsn,keterangan\nA1B2C3D4E5F60718293A4B5C6D7E8F90,20500001,awal\n"
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        var contents = [original]
        for (npsn, unit) in [("20500002", "B1B2C3D4E5F6071829"), ("20500003", "C1B2C3D4E5F6071829")] {
            let prepared = try CrosswalkFileUpdate(path: path, now: now).prepare([(npsn: npsn, unorId: unit)])
            try prepared.replace()
            contents.append(try String(contentsOfFile: path, encoding: .utf8))
        }
        let backups = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".bak") }.sorted()
        #expect(backups == ["unor_npsn.csv.20261118T110640-2.bak", "unor_npsn.csv.20261118T110640.bak"])
        let first = try String(contentsOfFile: folder.appendingPathComponent(backups[1]).path, encoding: .utf8)
        let second = try String(contentsOfFile: folder.appendingPathComponent(backups[0]).path, encoding: .utf8)
        #expect(first == contents[0])
        #expect(second == contents[1])
        #expect(contents[2].contains("20500002") && contents[2].contains("20500003"))
    }
}
