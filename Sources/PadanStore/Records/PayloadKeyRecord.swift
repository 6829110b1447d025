import Foundation
import GRDB

/// An emitted SKP payload key: one row of the `payload_key` table.
///
/// Commits insert keys in bulk through a prepared statement rather than through this record;
/// the record names the table and its columns and reads single rows back.
struct PayloadKeyRecord: Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "payload_key"

    /// The table's columns.
    enum Columns {
        static let idempotencyKey = Column("idempotency_key")
        static let firstRun = Column("first_run")
    }

    /// The payload's `idempotency_key`: its 32 bytes (the migration `v2`; 64 hex digits before it).
    var idempotencyKey: Data
    /// The run that first emitted it.
    var firstRun: String

    init(idempotencyKey: Data, firstRun: String) {
        self.idempotencyKey = idempotencyKey
        self.firstRun = firstRun
    }

    init(row: Row) throws {
        idempotencyKey = try row.decode(forColumn: Columns.idempotencyKey)
        firstRun = try row.decode(forColumn: Columns.firstRun)
    }

    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.idempotencyKey] = idempotencyKey
        container[Columns.firstRun] = firstRun
    }
}
