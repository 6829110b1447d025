import GRDB
import PadanCore

extension PadanDatabase {
    /// The idempotency key of every payload any committed run emitted.
    package func emittedPayloadKeys() throws(StoreError) -> PayloadKeyIndex {
        try read("membaca kunci payload") { db in try Self.storedPayloadKeys(in: db) }
    }

    /// The keys of every stored block, read in place from SQLite's buffer (a value per key was 1.6 million
    /// short-lived heap blocks at national scale).
    static func storedPayloadKeys(in db: Database) throws -> PayloadKeyIndex {
        var keys = [PayloadKey]()
        keys.reserveCapacity(
            try Int.fetchOne(db, sql: "SELECT total(length(keys)) / 32 FROM \(PayloadKeyBlockRecord.databaseTableName)")
                ?? 0)
        let cursor = try Row.fetchCursor(db, sql: "SELECT keys FROM \(PayloadKeyBlockRecord.databaseTableName)")
        while let row = try cursor.next() {
            try row.withUnsafeData(atIndex: 0) { data in
                data?.withUnsafeBytes { bytes in
                    var at = 0
                    while at + 32 <= bytes.count {
                        keys.append(PayloadKey(digest: UnsafeRawBufferPointer(rebasing: bytes[at..<at + 32])))
                        at += 32
                    }
                }
            }
        }
        return PayloadKeyIndex(keys)
    }

    /// Stores `keys` as blocks of the run `firstRun`, in key order, each key once; returns how many were stored.
    /// The caller leaves out keys already stored.
    static func insert(block keys: [PayloadKey], firstRun: String, in db: Database) throws -> Int {
        // Placed by their first two bytes, then each (tiny) bucket sorted: a comparison sort of each block was a
        // tenth of the store's commit.
        let sorted = PayloadKeyIndex.sortedDistinct(keys)
        let insert = try BulkInsert(
            sql: "INSERT INTO \(PayloadKeyBlockRecord.databaseTableName) (first_run, keys) VALUES (?, ?)", in: db)
        try insert.bind(1, firstRun)
        var start = 0
        while start < sorted.count {
            let end = min(sorted.count, start + PayloadKeyBlockRecord.capacity)
            var bytes = [UInt8]()
            bytes.reserveCapacity((end - start) * 32)
            for key in sorted[start..<end] { key.withDigest { bytes += $0 } }
            try bytes.withUnsafeBytes { try insert.bind(2, blob: $0) }
            try insert.step()
            start = end
        }
        return sorted.count
    }

    /// The `v2` migration: the `payload_key` table's keys as their 32 bytes instead of 64 hex digits, which
    /// halves the table (a national first run's store was 217 MB, most of it keys) and the bytes each commit
    /// writes and sorts. Converted here rather than by SQL: `unhex()` is newer (SQLite 3.41) than some supported
    /// distributions ship. A stored text that is not 64 hex digits is no key Padan emitted and is not kept.
    static func storeKeysAsDigests(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE payload_key_digest (
                    idempotency_key BLOB NOT NULL PRIMARY KEY
                        CHECK (typeof(idempotency_key) = 'blob' AND length(idempotency_key) = 32),
                    first_run TEXT NOT NULL REFERENCES run(run_id)
                ) WITHOUT ROWID;
                """)
        let insert = try BulkInsert(
            sql: "INSERT INTO payload_key_digest (idempotency_key, first_run) VALUES (?, ?)", in: db)
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT idempotency_key, first_run FROM payload_key ORDER BY idempotency_key")
        while let row = try cursor.next() {
            let key = try row.withUnsafeData(atIndex: 0) { data in data?.withUnsafeBytes { PayloadKey(hexBytes: $0) } }
            guard let key else { continue }
            try key.withDigest { try insert.bind(1, blob: $0) }
            try insert.bind(2, row.decode(atIndex: 1) as String)
            try insert.step()
        }
        try db.execute(sql: "DROP TABLE payload_key; ALTER TABLE payload_key_digest RENAME TO payload_key")
    }

    /// The `v3` migration: the `payload_key` table's rows (one per key, a B-tree of 1.3 million rows after a
    /// national first run, whose inserts were most of the store's work in a run) become blocks of each first
    /// run's keys.
    static func storeKeysInBlocks(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE payload_key_block (
                    block INTEGER PRIMARY KEY,
                    first_run TEXT NOT NULL REFERENCES run(run_id),
                    keys BLOB NOT NULL
                        CHECK (typeof(keys) = 'blob' AND length(keys) > 0 AND length(keys) % 32 = 0)
                );
                """)
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT idempotency_key, first_run FROM payload_key ORDER BY first_run, idempotency_key")
        var run: String?
        var keys = [PayloadKey]()
        while let row = try cursor.next() {
            let key = try row.withUnsafeData(atIndex: 0) { data in
                data.flatMap { $0.count == 32 ? $0.withUnsafeBytes { PayloadKey(digest: $0) } : nil }
            }
            guard let key else { continue }
            let firstRun: String = try row.decode(atIndex: 1)
            if firstRun != run {
                if let run { _ = try insert(block: keys, firstRun: run, in: db) }
                run = firstRun
                keys.removeAll(keepingCapacity: true)
            }
            keys.append(key)
        }
        if let run { _ = try insert(block: keys, firstRun: run, in: db) }
        try db.execute(sql: "DROP TABLE payload_key")
    }
}
