import GRDB

extension PadanDatabase {
    /// The store's migrations, in order. A migration that has landed is never edited: a change
    /// to the schema is a new migration appended here.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, disparities, payload keys, rejected proposals") { db in
            // `sequence` orders runs by commit and, as a rowid alias, survives VACUUM.
            // Counts are checked to be integers because the table is not STRICT: STRICT needs
            // SQLite 3.37, newer than some supported Linux distributions ship.
            try db.execute(
                sql: """
                    CREATE TABLE run (
                        sequence INTEGER PRIMARY KEY,
                        run_id TEXT NOT NULL UNIQUE CHECK (
                            substr(run_id, 1, 16) GLOB
                                '[0-9][0-9][0-9][0-9][01][0-9][0-3][0-9]T[0-2][0-9][0-5][0-9][0-6][0-9]Z'
                            AND (length(run_id) = 16
                                OR (substr(run_id, 17, 1) = '-' AND length(run_id) > 17
                                    AND substr(run_id, 18) NOT GLOB '*[^0-9]*'))),
                        pipeline TEXT NOT NULL CHECK (pipeline <> ''),
                        started_at TEXT NOT NULL,
                        finished_at TEXT NOT NULL,
                        as_of TEXT NOT NULL
                            CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
                        summary_json TEXT NOT NULL CHECK (json_valid(summary_json)),
                        open INTEGER NOT NULL CHECK (typeof(open) = 'integer' AND open >= 0),
                        new INTEGER NOT NULL CHECK (typeof(new) = 'integer' AND new >= 0),
                        persisting INTEGER NOT NULL
                            CHECK (typeof(persisting) = 'integer' AND persisting >= 0),
                        resolved INTEGER NOT NULL
                            CHECK (typeof(resolved) = 'integer' AND resolved >= 0),
                        linked INTEGER NOT NULL CHECK (typeof(linked) = 'integer' AND linked >= 0),
                        dapodik_asn INTEGER NOT NULL
                            CHECK (typeof(dapodik_asn) = 'integer' AND dapodik_asn >= 0),
                        eligible INTEGER NOT NULL
                            CHECK (typeof(eligible) = 'integer' AND eligible >= 0),
                        blocked INTEGER NOT NULL CHECK (typeof(blocked) = 'integer' AND blocked >= 0),
                        skipped INTEGER NOT NULL CHECK (typeof(skipped) = 'integer' AND skipped >= 0),
                        delta INTEGER NOT NULL CHECK (typeof(delta) = 'integer' AND delta >= 0)
                    );

                    CREATE TABLE disparity (
                        disparity_id TEXT NOT NULL PRIMARY KEY CHECK (disparity_id <> ''),
                        code TEXT NOT NULL CHECK (code <> ''),
                        priority INTEGER NOT NULL
                            CHECK (typeof(priority) = 'integer' AND priority BETWEEN 1 AND 4),
                        first_seen_run TEXT NOT NULL REFERENCES run(run_id),
                        first_seen_date TEXT NOT NULL
                            CHECK (first_seen_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
                        last_seen_run TEXT NOT NULL REFERENCES run(run_id),
                        open INTEGER NOT NULL CHECK (open IN (0, 1)),
                        row_json TEXT NOT NULL CHECK (json_valid(row_json)),
                        resolved_run TEXT REFERENCES run(run_id),
                        CHECK ((open = 1) = (resolved_run IS NULL))
                    );
                    -- Only the open disparities: what a run reads and what its commit may resolve.
                    CREATE INDEX disparity_open ON disparity(disparity_id) WHERE open = 1;
                    CREATE INDEX disparity_resolved ON disparity(resolved_run) WHERE open = 0;

                    CREATE TABLE payload_key (
                        idempotency_key TEXT NOT NULL PRIMARY KEY CHECK (idempotency_key <> ''),
                        first_run TEXT NOT NULL REFERENCES run(run_id)
                    ) WITHOUT ROWID;

                    CREATE TABLE rejected_proposal (
                        npsn TEXT NOT NULL CHECK (npsn <> ''),
                        unor_id TEXT NOT NULL CHECK (unor_id <> ''),
                        decided_at TEXT NOT NULL,
                        source_file TEXT NOT NULL,
                        PRIMARY KEY (npsn, unor_id)
                    ) WITHOUT ROWID;
                    """
            )
        }
        migrator.registerMigration("v2: payload keys as their 32 bytes") { db in try storeKeysAsDigests(db) }
        migrator.registerMigration("v3: payload keys in blocks, a run's new keys in a few rows") { db in
            try storeKeysInBlocks(db)
        }
        return migrator
    }
}
