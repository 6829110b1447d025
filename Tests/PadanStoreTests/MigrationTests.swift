import Foundation
import GRDB
import PadanCore
import Testing

@testable import PadanStore

@Suite("Migrating the store")
struct MigrationTests {
    /// A store as Padan before `v2` left it: payload keys as 64 hex digits.
    static func versionOneStore(at path: String, keys: [String], run: StoredRun) throws {
        let queue = try DatabaseQueue(path: path)
        try PadanDatabase.migrator.migrate(queue, upTo: "v1: runs, disparities, payload keys, rejected proposals")
        try queue.write { db in
            try run.insert(db)
            for key in keys {
                try db.execute(
                    sql: "INSERT INTO payload_key (idempotency_key, first_run) VALUES (?, ?)",
                    arguments: [key, run.runID])
            }
        }
    }

    @Test func hexKeysBecomeTheirBytesAndStillStopARepeat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("padan.sqlite")
        let first = StoreFixtures.run("20261120T190000Z", day: 20)
        let k = (1...3).map { StoreFixtures.key(UInt8($0)) }
        // Lower and upper case as a hand edit might leave them; a text that is no key.
        try Self.versionOneStore(at: path, keys: [k[0].hex, k[1].hex.uppercased(), "bukan-kunci"], run: first)

        let store = try PadanDatabase(path: path)
        #expect(try store.emittedPayloadKeys().sortedKeys == [k[0], k[1]])
        // A key stored before the migration is not new again; its first run stays.
        let outcome = try store.commit(
            StoreFixtures.commit("20261121T190000Z", day: 21, observing: [], keys: [k[0], k[2]]))
        #expect(outcome.newPayloadKeys == 1)
        let rows = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT first_run, keys FROM payload_key_block ORDER BY block")
        }
        #expect(rows.map { $0[0] as String } == ["20261120T190000Z", "20261121T190000Z"])
        #expect(rows.map { $0[1] as Data } == [Self.bytes([k[0], k[1]]), Self.bytes([k[2]])])
    }

    /// A store as Padan before `v3` left it: payload keys one row each, as their 32 bytes.
    static func versionTwoStore(at path: String, keys: [(PayloadKey, String)], runs: [StoredRun]) throws {
        let queue = try DatabaseQueue(path: path)
        try PadanDatabase.migrator.migrate(queue, upTo: "v2: payload keys as their 32 bytes")
        try queue.write { db in
            for run in runs { try run.insert(db) }
            for (key, run) in keys {
                try db.execute(
                    sql: "INSERT INTO payload_key (idempotency_key, first_run) VALUES (?, ?)",
                    arguments: [Self.bytes([key]), run])
            }
        }
    }

    static func bytes(_ keys: [PayloadKey]) -> Data { Data(keys.flatMap { $0.withDigest { Array($0) } }) }

    @Test func keysBecomeBlocksOfTheirFirstRunInKeyOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("padan.sqlite")
        let runs = [StoreFixtures.run("20261120T190000Z", day: 20), StoreFixtures.run("20261121T190000Z", day: 21)]
        let k = (1...5).map { StoreFixtures.key(UInt8($0)) }
        try Self.versionTwoStore(
            at: path,
            keys: [(k[3], runs[0].runID), (k[0], runs[1].runID), (k[1], runs[0].runID), (k[2], runs[1].runID)],
            runs: runs)

        let store = try PadanDatabase(path: path)
        #expect(try store.emittedPayloadKeys().sortedKeys == [k[0], k[1], k[2], k[3]])
        let outcome = try store.commit(
            StoreFixtures.commit("20261122T190000Z", day: 22, observing: [], keys: [k[4], k[0], k[4]]))
        #expect(outcome.newPayloadKeys == 1)
        let rows = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT first_run, keys FROM payload_key_block ORDER BY block")
        }
        #expect(rows.map { $0[0] as String } == ["20261120T190000Z", "20261121T190000Z", "20261122T190000Z"])
        #expect(
            rows.map { $0[1] as Data } == [Self.bytes([k[1], k[3]]), Self.bytes([k[0], k[2]]), Self.bytes([k[4]])])
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name = 'payload_key'")
        }
        #expect(tables.isEmpty)
    }

    @Test func aKeyIsStoredAsItsDigest() throws {
        let store = try PadanDatabase.inMemory()
        let key = try #require(PayloadKey(hex: String(repeating: "0123456789abcdef", count: 4)))
        try store.commit(StoreFixtures.commit("20261122T190000Z", observing: [], keys: [key]))
        #expect(try store.emittedPayloadKeys().sortedKeys == [key])
        let digest = key.withDigest { Array($0) }
        #expect(
            digest
                == Array(repeating: [0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF] as [UInt8], count: 4).flatMap {
                    $0
                })
    }
}
