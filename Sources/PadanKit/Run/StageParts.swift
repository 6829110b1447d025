import Foundation
import PadanCore
import PadanReaders
import PadanStore
import PadanWriters

/// The parts of a run, each runnable on its own, for `padan-stage-bench`: one analysis (read to decide), then
/// each input file's reading, each stage between, and each writer, timed alone, on one thread, into a scratch
/// folder (``removeScratch()``). A part's figure from a whole run overlaps the others' and moves with the
/// machine's load; alone, a change to it shows in milliseconds.
package struct StageParts {
    /// Name and body of each part; the body returns a note of what it made.
    package private(set) var all: [(name: String, body: () throws -> String)] = []
    /// Where the writers and the store write (national scale: nearly 2 GB).
    package let scratch: String

    package init(pipeline: PipelineFile) throws {
        let asOf = CalendarDate(year: 2025, month: 1, day: 15) ?? .unixEpoch
        let analysis = try RunAnalysis.perform(pipeline: pipeline, asOf: asOf)
        let scratch = NSTemporaryDirectory() + "padan-stage-bench-\(getpid())"
        self.scratch = scratch
        let folder = try RunFolder.create(outputDir: scratch, startedAt: Date()) { _ in false }
        var result = RunResult(
            runId: folder.runId, pipeline: pipeline, asOf: asOf,
            startedAt: "", loaded: analysis.loaded, context: analysis.context, disparities: analysis.disparities,
            skp: analysis.skp)
        result.lifecycles = result.disparityIDs.map {
            RunResult.Lifecycle(
                id: $0, isNew: true, firstSeenRun: folder.runId, firstSeenDate: "2025-01-15", ageDays: 0)
        }
        let known = result
        let skp = known.skp
        var eligible = [Int]()
        for (i, verdict) in skp.verdicts.enumerated() { if case .eligible = verdict { eligible.append(i) } }
        let rows = eligible
        all.append(
            (
                "payload_lines",
                {
                    var bytes = 0
                    for start in stride(from: 0, to: rows.count, by: SkpPayloadFiles.block) {
                        let block = Array(rows[start..<min(rows.count, start + SkpPayloadFiles.block)])
                        bytes += SkpPayloadFiles.encode(skp, rows: block, runId: known.runId).bytes.count
                    }
                    return "\(rows.count) lines, \(bytes / 1_000_000) MB"
                }
            ))
        // The stages between reading and writing, each on one core.
        let reconciler = Reconciler(settings: pipeline.settings(runDate: asOf))
        let batch = analysis.loaded.batch, context = analysis.context
        all.append(("normalize", { "\(reconciler.normalize(batch).units.count) units" }))
        all.append(("match_units", { "\(reconciler.matchUnits(batch, tree: context.tree).assignments.count) schools" }))
        all.append(("match_people", { "\(reconciler.linkPeople(batch).linkedCount) linked" }))
        all.append(
            (
                "context",
                {
                    let made = JudgementContext(
                        batch: context.batch, tree: context.tree, unitMap: context.unitMap, linkage: context.linkage,
                        settings: context.settings, rejectedPairs: context.rejectedPairs)
                    return "\(made.schoolIndex.count) schools"
                }
            ))
        all.append(("judge", { "\(RunAnalysis.judge(context).disparities.count) disparities" }))
        let (disparities, resolver) = RunAnalysis.judge(context)
        all.append(
            (
                "decide",
                {
                    let blocking = context.blockingCodes(disparities)
                    let decided = RunAnalysis.decide(context, blockingCodes: blocking, resolver: resolver)
                    return "\(decided.verdicts.count) verdicts"
                }
            ))
        // The repeated keys of every kind looked for, as each kind's last file is read (``KindAssembly``).
        all.append(
            (
                "duplicates",
                { "\(InputKind.allCases.reduce(0) { $0 + InputLoader.duplicates(of: $1, in: batch).count }) repeated" }
            ))
        // Each input file read alone (the read stage reads them side by side).
        let loader = InputLoader(pipeline: pipeline, runDate: asOf)
        for kind in InputKind.allCases {
            for path
                in (try? InputGlob.expand(patterns: pipeline.inputs[kind] ?? [], relativeTo: pipeline.baseDirectory))
                ?? []
            {
                all.append(
                    (
                        "read:" + (path as NSString).lastPathComponent,
                        {
                            var loaded = LoadedInputs()
                            let report = try loader.read(
                                kind: kind, path: path, content: InputLoader.contentSize(path), laterBytes: 0,
                                into: &loaded)
                            return "\(report.rows) rows"
                        }
                    ))
            }
        }
        let writer = RunOutputWriter(result: known, folder: folder)
        all.append(
            (
                "links",
                {
                    try writer.writeLinks(); return "links.csv"
                }
            ))
        all.append(
            (
                "escalations",
                {
                    try writer.writeEscalations(); return "escalation/"
                }
            ))
        all.append(
            (
                "tables",
                {
                    try writer.writeTables()
                    try writer.writeEscalationLists()
                    return "every table"
                }
            ))
        all.append(
            (
                "report",
                {
                    _ = try writer.prepareReport(); return "report page"
                }
            ))
        let storedRun = NightlyRun.storedRun(known, summary: RunSummary.json(known))
        var keys = [PayloadKey]()
        for start in stride(from: 0, to: rows.count, by: SkpPayloadFiles.block) {
            keys +=
                SkpPayloadFiles.encode(
                    skp, rows: Array(rows[start..<min(rows.count, start + SkpPayloadFiles.block)]), runId: known.runId
                ).keys
        }
        let payloadKeys = keys
        var stores = 0
        all.append(
            (
                "store",
                {
                    stores += 1
                    let database = try PadanDatabase(path: scratch + "/store-\(stores).sqlite")
                    var chunks = stride(from: 0, to: payloadKeys.count, by: SkpPayloadFiles.block).map {
                        Array(payloadKeys[$0..<min(payloadKeys.count, $0 + SkpPayloadFiles.block)])
                    }[...]
                    let outcome = try database.commit(
                        runID: known.runId, asOf: known.asOf.description,
                        observations: { NightlyRun.RunObservations(result: known) },
                        payloadKeys: { chunks.popFirst() }, run: { storedRun })
                    return "\(known.lifecycles.count) disparities, \(outcome.newPayloadKeys) keys, into a new store"
                }
            ))
        all.append(
            (
                "store_rows",
                {
                    let observations = NightlyRun.RunObservations(result: known)
                    var bytes = 0
                    for i in 0..<observations.lifecycles.count {
                        bytes += observations.observation(at: i).rowJSON.utf8.count
                    }
                    return "\(observations.lifecycles.count) rows, \(bytes / 1_000_000) MB of JSON"
                }
            ))
    }

    /// Removes what the parts wrote.
    package func removeScratch() {
        try? FileManager.default.removeItem(atPath: scratch)
    }
}
