import PadanCore
import GRDB

extension PadanDatabase {
    /// The idempotency key of every payload any committed run emitted.
    package func emittedPayloadKeys() throws(StoreError) -> PayloadKeyIndex {
        try read("membaca kunci payload") { db in
            var keys = [PayloadKey]()
            keys.reserveCapacity(try PayloadKeyRecord.fetchCount(db))
            // Read in place from SQLite's buffer: a value per key was 1.6 million short-lived heap blocks at
            // national scale, on top of the set. In the table's own order (its primary key, the keys' bytes),
            // which is the keys' order: no sort needed.
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT idempotency_key FROM \(PayloadKeyRecord.databaseTableName) ORDER BY idempotency_key")
            while let row = try cursor.next() {
                let key = try row.withUnsafeData(atIndex: 0) { data in
                    data.flatMap { $0.count == 32 ? $0.withUnsafeBytes { PayloadKey(digest: $0) } : nil }
                }
                if let key { keys.append(key) }
            }
            return PayloadKeyIndex(keys)
        }
    }

    /// Stores the keys not stored yet, with `firstRun`; returns how many were new.
    static func insert(payloadKeys: [PayloadKey], firstRun: String, in db: Database) throws -> Int {
        let insert = try BulkInsert(
            sql: """
                INSERT INTO payload_key (idempotency_key, first_run) VALUES (?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING
                """,
            in: db)
        try insert.bind(2, firstRun)
        let before = db.totalChangesCount
        // In key order, each B-tree page is visited once: measured with 2M keys, the commit
        // takes about a fifth less CPU time, the sort included.
        for key in payloadKeys.sorted() {
            try key.withDigest { try insert.bind(1, blob: $0) }
            try insert.step()
        }
        return db.totalChangesCount - before
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
}
