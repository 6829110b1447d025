import GRDB
import GRDBSQLite

/// One prepared statement run many times with text and blob parameters bound straight from bytes, through
/// SQLite's C API.
///
/// For the two bulk inserts of a run's commit (1.6 million payload keys and 170,000 disparities at
/// national scale). Through GRDB's `StatementArguments` each row cost an array of `DatabaseValue`s, a
/// `String` per key and GRDB's per-statement bookkeeping: about 2.4 of the record stage's 7 CPU-seconds.
/// Used only inside a GRDB write (the connection's queue, an open transaction).
struct BulkInsert {
    private let statement: Statement
    private let db: Database

    init(sql: String, in db: Database) throws {
        self.statement = try db.makeStatement(sql: sql)
        self.db = db
    }

    /// Binds parameter `index` (1-based) to the UTF-8 text in `bytes`; SQLite copies it.
    func bind(_ index: Int32, bytes: UnsafeBufferPointer<UInt8>) throws {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        // A non-null pointer even for empty text: NULL would bind SQL NULL.
        let code = bytes.withMemoryRebound(to: CChar.self) { chars in
            guard let start = chars.baseAddress else {
                return sqlite3_bind_text(statement.sqliteStatement, index, "", 0, transient)
            }
            return sqlite3_bind_text(statement.sqliteStatement, index, start, Int32(chars.count), transient)
        }
        try check(code, SQLITE_OK)
    }

    /// Binds parameter `index` (1-based) to the bytes in `blob`; SQLite copies them.
    func bind(_ index: Int32, blob: UnsafeRawBufferPointer) throws {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        // A non-null pointer even for no bytes: NULL would bind SQL NULL.
        let empty: UInt8 = 0
        let code = withUnsafePointer(to: empty) { fallback in
            sqlite3_bind_blob(
                statement.sqliteStatement, index, blob.baseAddress ?? UnsafeRawPointer(fallback), Int32(blob.count),
                transient)
        }
        try check(code, SQLITE_OK)
    }

    /// Binds parameter `index` to `text`.
    func bind(_ index: Int32, _ text: String) throws {
        var text = text
        try text.withUTF8 { try bind(index, bytes: $0) }
    }

    /// Binds parameter `index` to `value`.
    func bind(_ index: Int32, _ value: Int) throws {
        try check(sqlite3_bind_int64(statement.sqliteStatement, index, Int64(value)), SQLITE_OK)
    }

    /// Runs the statement with the parameters bound so far (they stay bound for the next row).
    func step() throws {
        let code = sqlite3_step(statement.sqliteStatement)
        sqlite3_reset(statement.sqliteStatement)
        try check(code, SQLITE_DONE)
    }

    private func check(_ code: Int32, _ expected: Int32) throws {
        guard code != expected else { return }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
            sql: statement.sql)
    }
}
