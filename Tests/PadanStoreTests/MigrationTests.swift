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
            try Row.fetchAll(
                db, sql: "SELECT typeof(idempotency_key), length(idempotency_key), first_run FROM payload_key")
        }
        #expect(rows.map { $0[0] as String } == ["blob", "blob", "blob"])
        #expect(rows.map { $0[1] as Int } == [32, 32, 32])
        #expect(rows.map { $0[2] as String } == ["20261120T190000Z", "20261120T190000Z", "20261121T190000Z"])
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
