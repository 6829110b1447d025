import PadanCore
import PadanReaders

/// The pure part of a run: read → normalize → match → judge → decide SKP, with no writing, no store
/// and no lock. `padan run` writes and records what it returns; `padan explain` only looks at it.
package struct RunAnalysis: Sendable {
    package var loaded: LoadedInputs
    package var context: JudgementContext
    /// Every disparity, in `disparities.csv` order.
    package var disparities: [Disparity]
    /// Every `pmm_skp` row's decision, in input order.
    package var decisions: [SkpDecision]

    /// Runs the stages on the pipeline's inputs as of `asOf`.
    /// - Parameters:
    ///   - clock: times each stage and reports it as it ends.
    ///   - onRows: called while reading with (input kind, file, rows read so far of that file).
    package static func perform(
        pipeline: PipelineFile, asOf: CalendarDate, clock: StageClock = StageClock(),
        onRows: @escaping (InputKind, String, Int) -> Void = { _, _, _ in }
    ) throws(PadanError) -> RunAnalysis {
        let reconciler = Reconciler(settings: pipeline.settings(runDate: asOf))
        var loader = InputLoader(pipeline: pipeline, runDate: asOf)
        loader.onRows = onRows
        let loaded = try clock.stage("read", detail: { "\($0.batch.teachers.count + $0.batch.employees.count) baris orang, \($0.rejects.count) ditolak" }) {
            () throws(PadanError) in try loader.load()
        }
        let tree = try clock.stage("normalize", detail: { "\($0.units.count) UNOR" }) { () throws(PadanError) in reconciler.normalize(loaded.batch) }
        let (unitMap, linkage) = try clock.stage("match", detail: { "\($0.1.links.filter { $0.method == .nip }.count) ASN tertaut" }) { () throws(PadanError) in
            reconciler.match(loaded.batch, tree: tree)
        }
        let context = JudgementContext(batch: loaded.batch, tree: tree, unitMap: unitMap, linkage: linkage, settings: reconciler.settings)
        let disparities = try clock.stage("judge", detail: { "\($0.count) disparitas" }) { () throws(PadanError) in reconciler.judge(context) }
        let decisions = try clock.stage("decide", detail: { "\($0.count) SKP" }) { () throws(PadanError) in reconciler.decideSkp(context, disparities: disparities) }
        return RunAnalysis(loaded: loaded, context: context, disparities: disparities, decisions: decisions)
    }
}
