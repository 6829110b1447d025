import Foundation
import GRDB

/// The store: the only state between runs, one SQLite file holding the committed runs, every
/// disparity ever raised with its first and last run, every emitted payload key, and the
/// crosswalk proposals the BKD rejected.
///
/// Opening the store runs its migrations, so a run takes the ``StoreLock`` before it opens the
/// store. A run reads what it needs (``lastRun()``, ``openDisparities()``,
/// ``emittedPayloadKeys()``) and leaves its results with one ``commit(_:)``, a single
/// transaction: a crash at any point leaves the store as it was before the run.
///
/// The file uses SQLite's rollback journal with `synchronous = FULL`, and is created with mode
/// `0640` because it holds personal data. Every method throws only ``StoreError``.
package struct PadanDatabase: Sendable {
    /// How a store file is opened.
    package enum Access: Sendable {
        /// Creates the file and its folder if missing and brings the schema up to date.
        case readWrite
        /// Reads an existing, up-to-date store; for commands that only look, such as
        /// `padan history`, which must not create a store nor wait for a run's lock.
        case readOnly
    }

    /// Seconds a statement waits for another connection's SQLite lock before failing.
    static let busyTimeout: TimeInterval = 60

    let writer: any DatabaseWriter

    /// Opens the store at `path`.
    package init(path: String, access: Access = .readWrite) throws(StoreError) {
        do {
            switch access {
            case .readWrite:
                try StoreFiles.createParentFolder(of: path)
                try StoreFiles.createIfMissing(path)
            case .readOnly:
                guard FileManager.default.fileExists(atPath: path) else {
                    throw StoreError.cannotOpen(path: path, reason: "berkas tidak ada")
                }
            }
            let queue = try DatabaseQueue(path: path, configuration: Self.configuration(access))
            try Self.prepareSchema(of: queue, access: access)
            writer = queue
        } catch let error as StoreError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: StoreError.reason(error))
        }
    }

    private init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Opens an empty store in memory, for tests.
    package static func inMemory() throws(StoreError) -> PadanDatabase {
        do {
            let queue = try DatabaseQueue(configuration: configuration(.readWrite))
            try prepareSchema(of: queue, access: .readWrite)
            return PadanDatabase(writer: queue)
        } catch {
            throw .cannotOpen(path: ":memory:", reason: StoreError.reason(error))
        }
    }

    private static func configuration(_ access: Access) -> Configuration {
        var configuration = Configuration()
        configuration.label = "PadanStore"
        configuration.readonly = access == .readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // The default rollback journal with FULL sync survives power loss at any point.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Up to 16 MiB of page cache, taken as needed: enough for a national run's commit, whose payload
            // keys are inserted in large sorted batches (`commit`); 64 MiB was 50 MB more of the run's peak
            // memory, 256 MiB more still, and neither made the commit faster.
            try db.execute(sql: "PRAGMA cache_size = -16384")
            // Statement journals in memory: in a temporary file they cost millions of writes
            // per commit (measured: 3.7M pwrite calls for 500k disparities, 0.6M in memory).
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return configuration
    }

    /// Migrates a writable store; checks that a read-only one needs no migration.
    private static func prepareSchema(of writer: some DatabaseWriter, access: Access) throws {
        let migrator = Self.migrator
        let (superseded, completed) = try writer.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if superseded {
            throw StoreError.cannotOpen(
                path: writer.path,
                reason: "dibuat oleh versi padan yang lebih baru; perbarui padan"
            )
        }
        switch access {
        case .readWrite:
            try migrator.migrate(writer)
        case .readOnly where !completed:
            throw StoreError.cannotOpen(
                path: writer.path,
                reason: "belum disiapkan oleh versi padan ini; jalankan `padan run` dulu"
            )
        case .readOnly:
            break
        }
    }

    /// Reads in one snapshot, turning any failure into ``StoreError/failed(action:reason:)``.
    func read<T>(_ action: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError(action: action, error)
        }
    }

    /// Writes in one transaction, turning any failure into a ``StoreError``; on failure nothing
    /// of `body` remains.
    ///
    /// `checkingReferences: false` is for a run's commit only: every run id it writes is the run's own, whose row
    /// is the transaction's first insert, or one already in the row it updates, so the references hold by
    /// construction (the tests check them with `PRAGMA foreign_key_check`). Checked row by row, each disparity
    /// looked its run up twice: 0.4–0.5 of a national commit's 1.9–2.1 CPU-seconds (`padan-stage-bench --only
    /// store`). The checks are back on when the transaction ends, however it ends.
    func write<T>(_ action: String, checkingReferences: Bool = true, _ body: (Database) throws -> T)
        throws(StoreError) -> T
    {
        do {
            guard !checkingReferences else { return try writer.write(body) }
            return try writer.writeWithoutTransaction { db in
                // Outside a transaction: inside one, SQLite ignores this pragma.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var result: T?
                try db.inTransaction {
                    result = try body(db)
                    return .commit
                }
                guard let result else { preconditionFailure("PadanDatabase: a committed write without its result") }
                return result
            }
        } catch {
            throw StoreError(action: action, error)
        }
    }
}
