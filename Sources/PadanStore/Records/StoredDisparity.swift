import GRDB

/// A disparity the store has seen: one row of the `disparity` table.
///
/// A disparity is open from the run that first observes it until the first later run that does
/// not; it is then resolved in that run. If it is observed again after that, it opens afresh:
/// it was fixed and broke again, so its first run and date restart and it counts as new.
package struct StoredDisparity: Sendable, Equatable {
    /// The caller's stable id for the code and subject.
    package var disparityID: String
    /// The disparity code, such as `NIP_TIDAK_DITEMUKAN`.
    package var code: String
    /// Priority 1 (most urgent) to 4.
    package var priority: Int
    /// The run that opened the disparity.
    package var firstSeenRun: String
    /// The as-of date of the run that opened it, `YYYY-MM-DD`.
    package var firstSeenDate: String
    /// The last run that observed it.
    package var lastSeenRun: String
    /// Whether the latest committed run observed it.
    package var isOpen: Bool
    /// The disparity's CSV row from the last run that observed it, as the caller gave it.
    package var rowJSON: String
    /// The run that found it gone, while it is resolved; `nil` while open.
    package var resolvedRun: String?

    /// Creates a disparity row.
    package init(
        disparityID: String, code: String, priority: Int, firstSeenRun: String,
        firstSeenDate: String, lastSeenRun: String, isOpen: Bool, rowJSON: String,
        resolvedRun: String?
    ) {
        self.disparityID = disparityID
        self.code = code
        self.priority = priority
        self.firstSeenRun = firstSeenRun
        self.firstSeenDate = firstSeenDate
        self.lastSeenRun = lastSeenRun
        self.isOpen = isOpen
        self.rowJSON = rowJSON
        self.resolvedRun = resolvedRun
    }
}

extension StoredDisparity: FetchableRecord, PersistableRecord {
    /// The table's name.
    package static let databaseTableName = "disparity"

    /// The table's columns.
    package enum Columns {
        /// `disparity_id`.
        package static let disparityID = Column("disparity_id")
        /// `code`.
        package static let code = Column("code")
        /// `priority`.
        package static let priority = Column("priority")
        /// `first_seen_run`.
        package static let firstSeenRun = Column("first_seen_run")
        /// `first_seen_date`.
        package static let firstSeenDate = Column("first_seen_date")
        /// `last_seen_run`.
        package static let lastSeenRun = Column("last_seen_run")
        /// `open`.
        package static let isOpen = Column("open")
        /// `row_json`.
        package static let rowJSON = Column("row_json")
        /// `resolved_run`.
        package static let resolvedRun = Column("resolved_run")
    }

    /// Decodes a row of the `disparity` table.
    package init(row: Row) throws {
        disparityID = try row.decode(forColumn: Columns.disparityID)
        code = try row.decode(forColumn: Columns.code)
        priority = try row.decode(forColumn: Columns.priority)
        firstSeenRun = try row.decode(forColumn: Columns.firstSeenRun)
        firstSeenDate = try row.decode(forColumn: Columns.firstSeenDate)
        lastSeenRun = try row.decode(forColumn: Columns.lastSeenRun)
        isOpen = try row.decode(forColumn: Columns.isOpen)
        rowJSON = try row.decode(forColumn: Columns.rowJSON)
        resolvedRun = try row.decode(forColumn: Columns.resolvedRun)
    }

    /// Encodes the disparity into the `disparity` table's columns.
    package func encode(to container: inout PersistenceContainer) throws {
        container[Columns.disparityID] = disparityID
        container[Columns.code] = code
        container[Columns.priority] = priority
        container[Columns.firstSeenRun] = firstSeenRun
        container[Columns.firstSeenDate] = firstSeenDate
        container[Columns.lastSeenRun] = lastSeenRun
        container[Columns.isOpen] = isOpen
        container[Columns.rowJSON] = rowJSON
        container[Columns.resolvedRun] = resolvedRun
    }
}
