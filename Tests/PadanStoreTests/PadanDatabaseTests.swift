import Foundation
import PadanCore
import PadanStore
import Testing

@Suite("Opening the store")
struct PadanDatabaseTests {
    @Test func anInMemoryStoreStartsEmpty() throws {
        let store = try PadanDatabase.inMemory()
        #expect(try store.lastRun() == nil)
        #expect(try store.runs(last: nil).isEmpty)
        #expect(try store.openDisparities().isEmpty)
        #expect(try store.emittedPayloadKeys().isEmpty)
        #expect(try store.rejectedProposals().isEmpty)
    }

    @Test func openingCreatesTheFolderAndMigrates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("nested/store/padan.sqlite")

        let store = try PadanDatabase(path: path)
        try store.commit(StoreFixtures.commit("20261122T190000Z", observing: ["d1"]))

        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try store.lastRun()?.runID == "20261122T190000Z")
    }

    @Test func openingTwiceKeepsWhatWasCommitted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("padan.sqlite")

        let first = try PadanDatabase(path: path)
        try first.commit(StoreFixtures.commit("20261122T190000Z", observing: ["d1"], keys: [StoreFixtures.key(1)]))
        let second = try PadanDatabase(path: path)

        #expect(try second.lastRun()?.runID == "20261122T190000Z")
        #expect(try second.openDisparities().keys.sorted() == ["d1"])
        #expect(try second.emittedPayloadKeys().sortedKeys == [StoreFixtures.key(1)])
        let reopened = try PadanDatabase(path: path)
        #expect(try reopened.runs(last: nil).count == 1)
    }

    @Test func theStoreFileIsNotReadableByOthers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("padan.sqlite")

        let store = try PadanDatabase(path: path)
        try store.commit(StoreFixtures.commit("20261122T190000Z", observing: ["d1"]))

        #expect(try permissions(of: path) & ~0o640 == 0)
    }

    @Test func readOnlyRefusesAMissingFileAndCreatesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("missing/padan.sqlite")

        #expect(throws: StoreError.cannotOpen(path: path, reason: "berkas tidak ada")) {
            try PadanDatabase(path: path, access: .readOnly)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("missing")))
    }

    @Test func readOnlyRefusesAStoreNotYetPrepared() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))

        let error = try #require(throws: StoreError.self) {
            try PadanDatabase(path: path, access: .readOnly)
        }
        #expect(error.description.hasPrefix("penyimpanan tidak dapat dibuka: \(path): "))
    }

    @Test func readOnlyReadsButCannotCommit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("padan.sqlite")
        try PadanDatabase(path: path).commit(StoreFixtures.commit("20261122T190000Z", observing: []))

        let reader = try PadanDatabase(path: path, access: .readOnly)

        #expect(try reader.lastRun()?.runID == "20261122T190000Z")
        let error = try #require(throws: StoreError.self) {
            try reader.commit(StoreFixtures.commit("20261123T190000Z", observing: []))
        }
        #expect(error.description.contains("tidak ada izin menulis"))
    }

    @Test func aFileThatIsNotAStoreIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("ptk.csv")
        try Data(String(repeating: "nip,nama\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))

        #expect(throws: StoreError.cannotOpen(path: path, reason: "berkas rusak atau bukan penyimpanan padan")) {
            try PadanDatabase(path: path)
        }
    }
}
