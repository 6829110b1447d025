import Foundation
import GRDB
import PadanCore
import Testing

@testable import PadanStore

@Suite("Committing a run")
struct CommitTests {
    @Test func payloadKeysHandedOverInChunksAreStoredOnce() throws {
        let store = try PadanDatabase.inMemory()
        let k = (1...8).map { StoreFixtures.key(UInt8($0)) }
        try store.commit(StoreFixtures.commit("20261119T190000Z", day: 19, observing: [], keys: [k[7]]))
        // A key repeated within a chunk counts once; one stored by an earlier run is left out.
        var chunks: [[PayloadKey]] = [[k[2], k[0], k[2]], [k[1], k[7]], [k[3], k[4], k[5]], [], [k[6]]]
        let run = StoreFixtures.run("20261120T190000Z", day: 20)
        let outcome = try store.commit(
            runID: run.runID, asOf: run.asOf, observations: { [DisparityObservation]() },
            payloadKeys: { chunks.isEmpty ? nil : chunks.removeFirst() }, run: { run })
        #expect(outcome.newPayloadKeys == 7)
        #expect(try store.emittedPayloadKeys().sortedKeys == k)
        #expect(try store.runs(last: 5) == [run, StoreFixtures.run("20261119T190000Z", day: 19)])
    }

    @Test func aRunsKeysFillAsManyBlocksAsTheyNeed() throws {
        let store = try PadanDatabase.inMemory()
        let count = PayloadKeyBlockRecord.capacity + 5
        let keys = (0..<count).map { i in
            PayloadKey(
                digest: withUnsafeBytes(of: (UInt64(i).bigEndian, UInt64(7), UInt64(i), UInt64(i))) { Array($0) })
        }
        var chunks = [Array(keys.reversed())]
        let run = StoreFixtures.run("20261120T190000Z", day: 20)
        let outcome = try store.commit(
            runID: run.runID, asOf: run.asOf, observations: { [DisparityObservation]() },
            payloadKeys: { chunks.isEmpty ? nil : chunks.removeFirst() }, run: { run })
        #expect(outcome.newPayloadKeys == count)
        #expect(try store.emittedPayloadKeys().sortedKeys == keys)
        let sizes = try store.writer.read { db in
            try Int.fetchAll(db, sql: "SELECT length(keys) / 32 FROM payload_key_block ORDER BY block")
        }
        #expect(sizes == [PayloadKeyBlockRecord.capacity, 5])
    }

    @Test func aDisparityOpensPersistsResolvesAndComesBackAsNew() throws {
        let store = try PadanDatabase.inMemory()

        try store.commit(StoreFixtures.commit("20261120T190000Z", day: 20, observing: ["a", "b"]))
        var open = try store.openDisparities()
        #expect(open.keys.sorted() == ["a", "b"])
        #expect(open["a"]?.firstSeenRun == "20261120T190000Z")
        #expect(open["a"]?.firstSeenDate == "2026-11-20")

        // b persists, a is gone, c is new.
        let second = try store.commit(StoreFixtures.commit("20261121T190000Z", day: 21, observing: ["b", "c"]))
        #expect(second.resolved == 1)
        open = try store.openDisparities()
        #expect(open.keys.sorted() == ["b", "c"])
        let b = try #require(open["b"])
        #expect(b.firstSeenRun == "20261120T190000Z")
        #expect(b.firstSeenDate == "2026-11-20")
        #expect(b.lastSeenRun == "20261121T190000Z")
        #expect(b.rowJSON.contains("20261121T190000Z"))
        #expect(open["c"]?.firstSeenRun == "20261121T190000Z")
        // What a nightly run reads: when each was first seen, and whole rows only where asked.
        let firstSeen = try store.openDisparitiesFirstSeen()
        #expect(
            firstSeen == [
                "b": PadanDatabase.FirstSeen(run: "20261120T190000Z", date: "2026-11-20"),
                "c": PadanDatabase.FirstSeen(run: "20261121T190000Z", date: "2026-11-21"),
            ])
        #expect(try store.openDisparities(where: { $0 == "c" }) == ["c": open["c"]!])
        #expect(try store.openDisparities(ids: ["c", "a", "tidak-ada"]) == ["c": open["c"]!])
        let many = (0..<1_200).map { "x\($0)" } + ["c"]
        #expect(try store.openDisparities(ids: many) == ["c": open["c"]!])
        let resolved = try store.disparities(resolvedIn: "20261121T190000Z")
        #expect(resolved.map(\.disparityID) == ["a"])
        #expect(resolved.first?.isOpen == false)
        #expect(resolved.first?.lastSeenRun == "20261120T190000Z")
        #expect(resolved.first?.rowJSON.contains("20261120T190000Z") == true)

        // a was fixed and broke again: it opens afresh, as new.
        try store.commit(StoreFixtures.commit("20261122T190000Z", day: 22, observing: ["a", "b"]))
        open = try store.openDisparities()
        #expect(open.keys.sorted() == ["a", "b"])
        let a = try #require(open["a"])
        #expect(a.firstSeenRun == "20261122T190000Z")
        #expect(a.firstSeenDate == "2026-11-22")
        #expect(a.resolvedRun == nil)
        #expect(open["b"]?.firstSeenRun == "20261120T190000Z")
        #expect(try store.disparities(resolvedIn: "20261121T190000Z").isEmpty)
        #expect(try store.disparities(resolvedIn: "20261122T190000Z").map(\.disparityID) == ["c"])
    }

    @Test func aCommitsReferencesToRunsHoldThoughItsRowsAreNotCheckedOneByOne() throws {
        let store = try PadanDatabase.inMemory()
        // Opened, persisting, resolved, reopened, with payload keys: every column that names a run.
        try store.commit(
            StoreFixtures.commit("20261120T190000Z", day: 20, observing: ["a", "b"], keys: [StoreFixtures.key(1)]))
        try store.commit(
            StoreFixtures.commit("20261121T190000Z", day: 21, observing: ["b", "c"], keys: [StoreFixtures.key(2)]))
        try store.commit(StoreFixtures.commit("20261122T190000Z", day: 22, observing: ["a", "b"]))
        let (violations, enforced) = try store.writer.read { db in
            (
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(violations == 0)
        // The checks are on again for every other write, after a commit that failed too.
        #expect(enforced == 1)
        #expect(throws: StoreError.self) {
            try store.commit(StoreFixtures.commit("20261122T190000Z", day: 22, observing: ["d"]))
        }
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: "UPDATE disparity SET last_seen_run = 'tidak-ada' WHERE disparity_id = 'a'")
            }
        }
    }

    @Test func observationsAreStoredInTheOrderOfTheirBytes() {
        // Ids sharing their first 16 bytes, shorter than 16, longer, repeated, not ASCII, with a zero byte.
        let ids = [
            "b4f0c2d1e9a87765", "0123456789abcdefZ", "0123456789abcdef", "a", "", "0123456789abcdefA",
            "b4f0c2d1e9a87765",
            "é", "e", "a\u{0}", "0123456789abcdeg", "Zz", "b4f0c2d1e9a87765",
        ]
        let expected = ids.indices.sorted { a, b in
            Array(ids[a].utf8) == Array(ids[b].utf8)
                ? a < b : Array(ids[a].utf8).lexicographicallyPrecedes(Array(ids[b].utf8))
        }
        #expect(PadanDatabase.byteOrder(ids) == expected)
        #expect(PadanDatabase.byteOrder([]) == [])
    }

    @Test func aRunWithoutDisparitiesResolvesThemAll() throws {
        let store = try PadanDatabase.inMemory()
        try store.commit(StoreFixtures.commit("20261120T190000Z", observing: ["a", "b", "c"]))

        let outcome = try store.commit(StoreFixtures.commit("20261121T190000Z", observing: []))

        #expect(outcome.resolved == 3)
        #expect(try store.openDisparities().isEmpty)
    }

    @Test func anObservationGivenTwiceIsRecordedOnceWithItsLastRow() throws {
        let store = try PadanDatabase.inMemory()
        var commit = StoreFixtures.commit("20261120T190000Z", observing: ["a"])
        commit.observations.append(
            DisparityObservation(disparityID: "a", code: "NAMA_BERBEDA", priority: 3, rowJSON: #"{"v":2}"#))

        try store.commit(commit)

        let a = try #require(try store.openDisparities()["a"])
        #expect(a.code == "NAMA_BERBEDA")
        #expect(a.priority == 3)
        #expect(a.rowJSON == #"{"v":2}"#)
        #expect(a.firstSeenRun == "20261120T190000Z")
    }

    @Test func payloadKeysAreStoredOnceWithTheirFirstRun() throws {
        let store = try PadanDatabase.inMemory()

        let first = try store.commit(
            StoreFixtures.commit(
                "20261120T190000Z", observing: [],
                keys: [StoreFixtures.key(1), StoreFixtures.key(2), StoreFixtures.key(2)]))
        let second = try store.commit(
            StoreFixtures.commit("20261121T190000Z", observing: [], keys: [StoreFixtures.key(2), StoreFixtures.key(3)]))

        #expect(first.newPayloadKeys == 2)
        #expect(second.newPayloadKeys == 1)
        #expect(
            try store.emittedPayloadKeys().sortedKeys
                == [StoreFixtures.key(1), StoreFixtures.key(2), StoreFixtures.key(3)].sorted())
    }

    @Test func aTakenRunIDLeavesTheStoreAsItWas() throws {
        let store = try PadanDatabase.inMemory()
        try store.commit(StoreFixtures.commit("20261120T190000Z", observing: ["a"], keys: [StoreFixtures.key(1)]))
        let before = try Snapshot(store)

        #expect(throws: StoreError.runExists(runID: "20261120T190000Z")) {
            try store.commit(StoreFixtures.commit("20261120T190000Z", observing: ["b"], keys: [StoreFixtures.key(2)]))
        }

        #expect(try Snapshot(store) == before)
    }

    @Test func aFailureLateInTheCommitRollsEverythingBack() throws {
        let store = try PadanDatabase.inMemory()
        try store.commit(StoreFixtures.commit("20261120T190000Z", observing: ["a", "b"], keys: [StoreFixtures.key(1)]))
        let before = try Snapshot(store)
        // The run row, the observations of a and c, then a priority the schema refuses.
        var commit = StoreFixtures.commit("20261121T190000Z", observing: ["a", "c"], keys: [StoreFixtures.key(2)])
        commit.observations.append(
            DisparityObservation(
                disparityID: "d", code: "NIK_BERBEDA", priority: 9,
                rowJSON: #"{"nik":"3201234567890001","nama":"Siti Aminah"}"#))

        let error = try #require(throws: StoreError.self) { try store.commit(commit) }

        #expect(try Snapshot(store) == before)
        #expect(error.description.hasPrefix("penyimpanan gagal menyimpan run 20261121T190000Z: "))
        #expect(!error.description.contains("3201234567890001"))
        #expect(!error.description.contains("Siti"))
    }

    @Test func aRunThatFailsAfterItsPagesWereWrittenAheadLeavesTheFileAsItWas() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("padan.sqlite")
        let store = try PadanDatabase(path: path)
        try store.commit(StoreFixtures.commit("20261120T190000Z", observing: ["a", "b"], keys: [StoreFixtures.key(1)]))
        let before = try Snapshot(store)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        // Enough rows and keys to take many pages, all written to the file and synced before the run's row is
        // asked for; then the run fails (its folder could not be written).
        let ids = (0..<5_000).map { "baru-\($0)" }
        let commit = StoreFixtures.commit("20261121T190000Z", day: 21, observing: ids)
        var keys: [[PayloadKey]]? = [
            (0..<3_000).map { i in
                PayloadKey(digest: withUnsafeBytes(of: (UInt64(i), UInt64(9), UInt64(i), UInt64(i))) { Array($0) })
            }
        ]
        struct FolderFailed: Error {}
        var sizeWhenAsked: Int?
        #expect(throws: StoreError.self) {
            try store.commit(
                runID: commit.run.runID, asOf: commit.run.asOf, observations: { commit.observations },
                payloadKeys: {
                    defer { keys = nil }
                    return keys?.first
                },
                run: {
                    sizeWhenAsked = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
                    throw FolderFailed()
                })
        }

        // The transaction's pages were in the file when the run's row was asked for.
        #expect((sizeWhenAsked ?? 0) > (size ?? 0) + 100_000)
        #expect(try Snapshot(store) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == size)
        #expect(try Snapshot(PadanDatabase(path: path)) == before)
        #expect(try store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func aRowThatIsNotJSONIsRefused() throws {
        let store = try PadanDatabase.inMemory()
        let commit = RunCommit(
            run: StoreFixtures.run("20261120T190000Z"),
            observations: [DisparityObservation(disparityID: "a", code: "X", priority: 1, rowJSON: "a,b")],
            payloadKeys: [])

        #expect(throws: StoreError.self) { try store.commit(commit) }
        #expect(try store.lastRun() == nil)
    }
}

/// Everything a run reads back from the store, to compare before and after a failed commit.
private struct Snapshot: Equatable {
    let runs: [StoredRun]
    let open: [String: StoredDisparity]
    let keys: PayloadKeyIndex

    init(_ store: PadanDatabase) throws {
        runs = try store.runs(last: nil)
        open = try store.openDisparities()
        keys = try store.emittedPayloadKeys()
    }
}
