import Foundation
import Logging
import PadanCore
import PadanReaders
import PadanStore
import PadanWriters

/// `padan run`: the nightly batch.
///
/// Stages, in order: read → normalize → match → judge → decide SKP → write → record. The store is held
/// for the whole run (a second run exits 75). The run folder is written under a temporary name, renamed
/// into place, then `latest` moves to it, and only then does the store commit in one transaction (the
/// payload keys recorded as emitted). A crash before the commit leaves the store as it was; if `latest`
/// had already moved, it points at a complete folder whose payloads the next run emits again (their
/// idempotency keys make that harmless), never at payloads the store counts as sent but no `latest`
/// showed. A commit that fails puts `latest` back where it was and removes the folder.
package struct NightlyRun {
    package let pipeline: PipelineFile
    package let options: RunOptions
    package var progress: RunProgress

    package init(pipeline: PipelineFile, options: RunOptions, progress: RunProgress) {
        self.pipeline = pipeline
        self.options = options
        self.progress = progress
    }

    package func execute() throws(PadanError) -> RunResult {
        let started = Date()
        let asOf = options.asOf ?? Self.today(started)
        let lock: StoreLock
        do {
            lock = try StoreLock.acquire(
                storePath: pipeline.store, holder: "padan run \(pipeline.name), mulai \(Self.iso(started))")
        } catch {
            throw Self.storeError(error)
        }
        defer { lock.release() }
        let database: PadanDatabase
        do { database = try PadanDatabase(path: pipeline.store) } catch { throw Self.storeError(error) }
        RunCrashPoint.reached("locked")

        let outputDir = options.outputDir.map { Self.absolute($0) } ?? pipeline.outputDir
        try RunFolder.prepare(outputDir: outputDir)
        let clock = StageClock { name, seconds, detail in progress.stageEnded(name, seconds: seconds, detail: detail) }
        let logger = Logger(label: "padan.run")
        logger.info("run dimulai", metadata: ["pipeline": "\(pipeline.name)", "as_of": "\(asOf)"])
        progress.runStarted()
        // Read once, before the rules: a rejected pair is neither suggested nor proposed again.
        let rejected: RejectedPairs
        do { rejected = try Self.rejectedPairs(database) } catch { throw Self.storeError(error) }
        var analysis = try RunAnalysis.perform(pipeline: pipeline, asOf: asOf, rejected: rejected, clock: clock) {
            kind, file, rows in
            progress.rowsRead(kind.rawValue, file: file, rows: rows)
        }
        analysis.releaseLookups()
        if let note = Self.earlierThanLastRun(asOf, database: database) { analysis.loaded.warnings.append(note) }
        RunCrashPoint.reached("read")
        progress.aboveBar {
            for warning in analysis.loaded.warnings { logger.warning("\(warning)") }
            // Each file's rows and seconds (`PADAN_LOG=info`), for sizing a machine or finding a slow export; the
            // files are read side by side, so their seconds overlap.
            for kind in InputKind.allCases {
                for file in analysis.loaded.reports[kind]?.files ?? [] {
                    let seconds = RunProgress.decimal(file.seconds, places: 2)
                    logger.info("berkas dibaca: \(file.path): \(RunProgress.grouped(file.rows)) baris, \(seconds) dtk")
                }
            }
        }
        for reject in analysis.loaded.rejects {
            logger.debug("baris ditolak: \(reject.file):\(reject.line): \(reject.reason)")
        }

        let folder = try RunFolder.create(outputDir: outputDir, startedAt: started) { id in
            (try? database.run(id: id)) != nil
        }
        RunCrashPoint.reached("write")
        var result = RunResult(
            runId: folder.runId, pipeline: pipeline, asOf: asOf, startedAt: Self.iso(started), loaded: analysis.loaded,
            context: analysis.context, disparities: analysis.disparities, skp: analysis.skp)
        var store: StoreLane?
        var summary: JSONValue?
        do throws(PadanError) {
            try clock.stage("write", detail: { _ in "\(folder.runId)" }) { () throws(PadanError) in
                let emitted = try Self.assignLifecycle(&result, database: database)
                // The store's transaction runs beside the writing and commits only after the folder is
                // published; it takes each block's payload keys as the block is written.
                let known = result
                let lane = StoreLane(
                    database: database, runID: known.runId, asOf: known.asOf.description, emitted: emitted,
                    observations: { RunObservations(result: known) })
                store = lane
                // The tables and the report's figures each on a thread of their own, the payload lines here (they
                // spread over every core, all of them once the others are done); the report's page needs all three.
                // (The figures made after the tables, on their thread, were the stage's last second on one core
                // nationally.) The escalation lists follow the figures on theirs: after the other tables, they
                // were the stage's last half second on one core nationally.
                let (payloads, (tables, (prepared, escalations))) = ParallelWork.beside {
                    let writer = RunOutputWriter(result: known, folder: folder)
                    return ParallelWork.beside({
                        let prepared = Result { () throws(PadanError) in try writer.prepareReport() }
                        return (prepared, Result { () throws(PadanError) in try writer.writeEscalationLists() })
                    }) {
                        Result { () throws(PadanError) in try writer.writeTables() }
                    }
                } _: {
                    let keys = Result { () throws(WriterError) in
                        try SkpPayloadFiles.write(
                            known.skp, runId: known.runId, emitted: emitted, folder: folder,
                            onNewKeys: lane.provide(keys:))
                    }.mapError { PadanError(.cannotCreate, $0.description) }
                    if case .success = keys { lane.keysWritten() }
                    return keys
                }
                result.deltaCount = try payloads.get()
                try tables.get()
                try escalations.get()
                try RunOutputWriter(result: result, folder: folder).writeReport(
                    try prepared.get(), skpDelta: result.deltaCount)
                // `summary.json` last: its `write` is timed up to here; `record` follows it (the store keeps this
                // summary as written; the record stage's time is on stderr).
                result.stages = clock.stagesSoFar
                result.finishedAt = Self.iso(Date())
                // Made once: the store keeps it too (made again there, it was 10 ms more of the run's serial end).
                let made = RunSummary.json(result)
                summary = made
                try RunOutputWriter(result: result, folder: folder).writeSummary(made)
            }
            RunCrashPoint.reached("written")
            try folder.publish()
            RunCrashPoint.reached("published")
        } catch {
            store?.abort()
            _ = store?.wait()
            folder.discard()
            throw error
        }
        // `latest` moves before the store commits: a key the store records as emitted is always in a delta
        // that `latest` has shown (a sync reads `latest/skp/delta.jsonl`).
        let previousLatest: String?
        do {
            previousLatest = try folder.moveLatest()
        } catch {
            store?.abort()
            _ = store?.wait()
            try? FileManager.default.removeItem(atPath: folder.final)
            throw error
        }
        RunCrashPoint.reached("moved")
        try clock.stage("record", detail: { _ in "penyimpanan diperbarui" }) { () throws(PadanError) in
            RunCrashPoint.reached("record")
            guard let store, let summary else {
                preconditionFailure("NightlyRun: the write stage ended without a store lane or a summary")
            }
            store.provide(run: Self.storedRun(result, summary: summary))
            if case .failure(let error) = store.wait() {
                folder.restoreLatest(previousLatest)
                try? FileManager.default.removeItem(atPath: folder.final)
                throw Self.storeError(error)
            }
        }
        RunCrashPoint.reached("recorded")
        logger.info("run selesai", metadata: ["run_id": "\(folder.runId)", "disparitas": "\(result.rows.count)"])
        result.stages = clock.stages
        result.folder = folder.final
        return result
    }

    /// Status, first seen and age of every open disparity; resolved ones; crosswalk proposals. Returns the
    /// payload keys earlier runs emitted (for `skp/delta.jsonl`).
    static func assignLifecycle(_ result: inout RunResult, database: PadanDatabase) throws(PadanError)
        -> PayloadKeyIndex
    {
        // The crosswalk proposals beside the store's answers and the ids (a core would otherwise be idle).
        let context = result.context
        let (read, proposals) = ParallelWork.beside({ CrosswalkProposals(context: context) }) {
            Result { () throws(StoreError) in try StoredState(result.disparityIDs, database: database) }
        }
        result.proposals = proposals
        let stored: StoredState
        do { stored = try read.get() } catch { throw storeError(error) }
        let ids = stored.ids, previous = stored.previous, resolved = stored.resolved
        result.recentRuns = stored.recentRuns
        let today = result.asOf.description, runId = result.runId, runDay = result.asOf.dayNumber
        // Day numbers by first-seen date, each date read once: a store's open disparities share a few hundred
        // dates at most (read for each of them, a tenth of a second of one core nationally).
        var days = [String: Int]()
        func day(_ date: String) -> Int {
            if let known = days[date] { return known }
            let day = CalendarDate(iso: date)?.dayNumber ?? runDay
            days[date] = day
            return day
        }
        result.lifecycles = ids.map { id in
            if let before = previous[id] {
                return RunResult.Lifecycle(
                    id: id, isNew: false, firstSeenRun: before.run, firstSeenDate: before.date,
                    ageDays: max(0, runDay - day(before.date)))
            }
            return RunResult.Lifecycle(id: id, isNew: true, firstSeenRun: runId, firstSeenDate: today, ageDays: 0)
        }
        result.resolved = resolved.values
            .map { stored in
                var row = DisparityRow(json: stored.rowJSON) ?? DisparityRow(cells: [stored.disparityID, stored.code])
                row["status"] = "SELESAI"
                // Whole days from its first run to this one, as in `disparities.csv`: how long it stayed open.
                if let first = CalendarDate(iso: stored.firstSeenDate) {
                    row["age_days"] = String(max(0, result.asOf.dayNumber - first.dayNumber))
                }
                return row
            }
            .sorted(by: DisparityRow.outputOrder)
        return stored.emitted
    }

    /// What the store holds of earlier runs that a run's lifecycle needs.
    private struct StoredState {
        /// This run's disparity ids, in `disparities` order.
        var ids: [String]
        var previous: [String: PadanDatabase.FirstSeen]
        /// The whole stored rows only of the disparities this run resolves (`resolved.csv`).
        var resolved: [String: StoredDisparity]
        var emitted: PayloadKeyIndex
        var recentRuns: [StoredRun]

        init(_ ids: [String], database: PadanDatabase) throws(StoreError) {
            self.ids = ids
            let seen = Set(ids)
            previous = try database.openDisparitiesFirstSeen()
            // Those of them this run did not observe, found by id: few on most nights.
            resolved = try database.openDisparities(ids: previous.keys.filter { !seen.contains($0) })
            emitted = try database.emittedPayloadKeys()
            recentRuns = try database.runs(last: RunResult.trendLength - 1)
        }
    }

    /// A warning when `asOf` is before the as-of date of the store's last run: the night's ages and "since" dates
    /// then count back from an earlier day than the nights before showed (a replay of an old export, or a typo).
    static func earlierThanLastRun(_ asOf: CalendarDate, database: PadanDatabase) -> String? {
        guard let last = try? database.runs(last: 1).first, let lastDate = CalendarDate(iso: last.asOf),
            lastDate.dayNumber > asOf.dayNumber
        else { return nil }
        return "tanggal data run ini (\(asOf)) lebih awal daripada run terakhir di penyimpanan (\(last.runID), "
            + "\(lastDate)); umur disparitas dihitung sampai \(asOf)"
    }

    /// The crosswalk pairs the BKD rejected (`padan pemadanan`), as the rules and proposals look them up.
    static func rejectedPairs(_ database: PadanDatabase) throws(StoreError) -> RejectedPairs {
        RejectedPairs(try database.rejectedProposals().map { (npsn: $0.npsn, unitID: $0.unorID) })
    }

    /// The run's row in the store; `summary` is ``RunSummary/json(_:)`` of `r`, as `summary.json` has it.
    static func storedRun(_ r: RunResult, summary: JSONValue) -> StoredRun {
        let skp = RunSummary.skpCounts(r)
        let counts = RunCounts(
            open: r.rows.count, new: r.newCount, persisting: r.rows.count - r.newCount, resolved: r.resolved.count,
            linked: r.context.linkage.linkedCount, dapodikASN: r.context.linkage.links.count,
            eligible: skp.eligible, blocked: skp.blocked, skipped: skp.skipped, delta: r.deltaCount)
        return StoredRun(
            runID: r.runId, pipeline: r.pipeline.name, startedAt: r.startedAt, finishedAt: r.finishedAt,
            asOf: r.asOf.description, summaryJSON: summary.canonical, counts: counts)
    }

    /// The run's disparities as the store keeps them, each made when stored.
    struct RunObservations: DisparityObservations {
        // The two arrays rows are made of, not the whole result: a row made through the result's copy
        // retained and released its dozens of references each time (a tenth of the store's commit).
        let disparities: [Disparity]
        let lifecycles: [RunResult.Lifecycle]

        init(result: RunResult) {
            disparities = result.disparities
            lifecycles = result.lifecycles
        }

        var ids: [String] { lifecycles.map(\.id) }
        func observation(at i: Int) -> DisparityObservation {
            // The row's first cell is the id; the code and priority read in place (a `let` of the disparity
            // copied all its texts).
            let row = RunResult.row(i, of: disparities, lifecycles)
            let code = disparities.withUnsafeBufferPointer { $0[i].code }
            return DisparityObservation(
                disparityID: row.cells[0], code: code.rawValue, priority: code.priority, rowJSON: row.json)
        }

        /// The finding, then its texts (``TextPrefetch``).
        func willObserve(_ i: Int, _ step: ObservationLookahead) {
            disparities.withUnsafeBufferPointer {
                switch step {
                case .finding: TextPrefetch.finding($0, at: i)
                case .texts: TextPrefetch.disparity($0, at: i)
                }
            }
        }
    }

    static func storeError(_ error: StoreError) -> PadanError {
        if case .held = error { return PadanError(.busy, error.description) }
        return PadanError(.software, error.description)
    }

    static func today(_ date: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? .unixEpoch
    }

    static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}
