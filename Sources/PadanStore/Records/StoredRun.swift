import GRDB

/// A run the store has committed: one row of the `run` table.
package struct StoredRun: Sendable, Equatable {
    /// The run's id, its UTC start `YYYYMMDDTHHMMSSZ`, with `-2`, `-3`, … when taken.
    package var runID: String
    /// The name of the pipeline that ran.
    package var pipeline: String
    /// When the run started, as the caller writes it in `summary.json`.
    package var startedAt: String
    /// When the run finished, as the caller writes it in `summary.json`.
    package var finishedAt: String
    /// The date the run judged the data at, `YYYY-MM-DD`; new disparities are first seen on it.
    package var asOf: String
    /// The run's `summary.json`, verbatim.
    package var summaryJSON: String
    /// The counts `padan history` shows.
    package var counts: RunCounts

    /// Creates a run row.
    package init(
        runID: String, pipeline: String, startedAt: String, finishedAt: String, asOf: String,
        summaryJSON: String, counts: RunCounts
    ) {
        self.runID = runID
        self.pipeline = pipeline
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.asOf = asOf
        self.summaryJSON = summaryJSON
        self.counts = counts
    }
}

extension StoredRun: FetchableRecord, PersistableRecord {
    /// The table's name.
    package static let databaseTableName = "run"

    /// The table's columns. `sequence`, the order of commits, is assigned by SQLite.
    package enum Columns {
        /// `sequence`.
        package static let sequence = Column("sequence")
        /// `run_id`.
        package static let runID = Column("run_id")
        /// `pipeline`.
        package static let pipeline = Column("pipeline")
        /// `started_at`.
        package static let startedAt = Column("started_at")
        /// `finished_at`.
        package static let finishedAt = Column("finished_at")
        /// `as_of`.
        package static let asOf = Column("as_of")
        /// `summary_json`.
        package static let summaryJSON = Column("summary_json")
        /// `open`.
        package static let open = Column("open")
        /// `new`.
        package static let new = Column("new")
        /// `persisting`.
        package static let persisting = Column("persisting")
        /// `resolved`.
        package static let resolved = Column("resolved")
        /// `linked`.
        package static let linked = Column("linked")
        /// `dapodik_asn`.
        package static let dapodikASN = Column("dapodik_asn")
        /// `eligible`.
        package static let eligible = Column("eligible")
        /// `blocked`.
        package static let blocked = Column("blocked")
        /// `skipped`.
        package static let skipped = Column("skipped")
        /// `delta`.
        package static let delta = Column("delta")
    }

    /// Decodes a row of the `run` table.
    package init(row: Row) throws {
        runID = try row.decode(forColumn: Columns.runID)
        pipeline = try row.decode(forColumn: Columns.pipeline)
        startedAt = try row.decode(forColumn: Columns.startedAt)
        finishedAt = try row.decode(forColumn: Columns.finishedAt)
        asOf = try row.decode(forColumn: Columns.asOf)
        summaryJSON = try row.decode(forColumn: Columns.summaryJSON)
        counts = RunCounts(
            open: try row.decode(forColumn: Columns.open),
            new: try row.decode(forColumn: Columns.new),
            persisting: try row.decode(forColumn: Columns.persisting),
            resolved: try row.decode(forColumn: Columns.resolved),
            linked: try row.decode(forColumn: Columns.linked),
            dapodikASN: try row.decode(forColumn: Columns.dapodikASN),
            eligible: try row.decode(forColumn: Columns.eligible),
            blocked: try row.decode(forColumn: Columns.blocked),
            skipped: try row.decode(forColumn: Columns.skipped),
            delta: try row.decode(forColumn: Columns.delta)
        )
    }

    /// Encodes the run into the `run` table's columns.
    package func encode(to container: inout PersistenceContainer) throws {
        container[Columns.runID] = runID
        container[Columns.pipeline] = pipeline
        container[Columns.startedAt] = startedAt
        container[Columns.finishedAt] = finishedAt
        container[Columns.asOf] = asOf
        container[Columns.summaryJSON] = summaryJSON
        container[Columns.open] = counts.open
        container[Columns.new] = counts.new
        container[Columns.persisting] = counts.persisting
        container[Columns.resolved] = counts.resolved
        container[Columns.linked] = counts.linked
        container[Columns.dapodikASN] = counts.dapodikASN
        container[Columns.eligible] = counts.eligible
        container[Columns.blocked] = counts.blocked
        container[Columns.skipped] = counts.skipped
        container[Columns.delta] = counts.delta
    }
}
