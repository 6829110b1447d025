import Foundation
import GRDB

/// A block of emitted SKP payload keys: one row of the `payload_key_block` table (migration `v3`).
///
/// A run's new keys are stored a block at a time, each key as its 32 bytes, in key order within the block: the
/// emitted set is the union of the blocks, and no key is in two. Commits write blocks through a prepared
/// statement; the record names the table and its columns and reads rows back.
struct PayloadKeyBlockRecord: Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "payload_key_block"
    /// Keys a block holds at most (2 MiB): a national first run's 1.6 million keys are about 25 rows.
    static let capacity = 1 << 16

    /// The table's columns.
    enum Columns {
        static let block = Column("block")
        static let firstRun = Column("first_run")
        static let keys = Column("keys")
    }

    /// The run that first emitted the block's keys.
    var firstRun: String
    /// The keys' bytes, 32 per key.
    var keys: Data

    init(firstRun: String, keys: Data) {
        self.firstRun = firstRun
        self.keys = keys
    }

    init(row: Row) throws {
        firstRun = try row.decode(forColumn: Columns.firstRun)
        keys = try row.decode(forColumn: Columns.keys)
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.firstRun] = firstRun
        container[Columns.keys] = keys
    }
}
