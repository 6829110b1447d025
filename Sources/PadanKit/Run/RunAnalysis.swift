import PadanCore
import PadanReaders

/// The pure part of a run: read → normalize → match → judge → decide SKP, with no writing, no store
/// and no lock. `padan run` writes and records what it returns; `padan explain` only looks at it.
package struct RunAnalysis: Sendable {
    package var loaded: LoadedInputs
    package var context: JudgementContext
    /// Every disparity, in `disparities.csv` order.
    package var disparities: [Disparity]
    /// Every `pmm_skp` row's verdict, in input order.
    package var skp: SkpDecisions

    /// Runs the stages on the pipeline's inputs as of `asOf`.
    /// - Parameters:
    ///   - rejected: crosswalk pairs the BKD rejected (from the store), never suggested again.
    ///   - clock: times each stage and reports it as it ends.
    ///   - onRows: called while reading with (input kind, file, rows read so far of that file).
    package static func perform(
        pipeline: PipelineFile, asOf: CalendarDate, rejected: RejectedPairs = RejectedPairs(),
        clock: StageClock = StageClock(),
        onRows: @escaping @Sendable (InputKind, String, Int) -> Void = { _, _, _ in }
    ) throws(PadanError) -> RunAnalysis {
        let reconciler = Reconciler(settings: pipeline.settings(runDate: asOf))
        var loader = InputLoader(pipeline: pipeline, runDate: asOf)
        loader.onRows = onRows
        var loaded = try clock.stage(
            "read",
            detail: { "\($0.batch.teachers.count + $0.batch.employees.count) baris orang, \($0.rejects.count) ditolak" }
        ) {
            () throws(PadanError) in try loader.load()
        }
        // Schools and units on one core, people and their name candidates on the other: neither needs the
        // other until the search for SIASN teachers missing from Dapodik, which asks whether a unit is a school's.
        //
        // From here to judging, a stage's freed memory is kept for the next (`trimsHeap: false`); deciding hands
        // back what is left. Handed back after each, it was taken again page by page: national first runs, 629,000–
        // 639,000 page faults, 592,000 kept (2.5 µs each on the benchmark's VM), peak memory the same (1,663–1,670
        // MiB). Kept through deciding as well, the peak grew by 50 MB.
        let batch = loaded.batch
        // The people here, so that their candidate search (spread over the cores) has both once the units are
        // matched: inside `ParallelWork.both` it stayed on one core, the other idle for its last 0.3 s nationally.
        let (searched, (tree, unitMap)) = ParallelWork.beside({
            let tree = clock.stage("normalize", detail: { "\($0.units.count) UNOR" }, trimsHeap: false) {
                reconciler.normalize(batch)
            }
            let unitMap = clock.stage(
                "match_units", detail: { "\($0.assignments.filter { $0.unit != nil }.count) sekolah berunit" },
                trimsHeap: false
            ) {
                reconciler.matchUnits(batch, tree: tree, spread: ParallelWork.spread(chunk: 4096))
            }
            return (tree, unitMap)
        }) {
            var linkage = clock.stage("match_people", detail: { "\($0.linkedCount) ASN tertaut" }, trimsHeap: false) {
                reconciler.linkPeople(batch)
            }
            clock.stage("candidates", detail: { _ in "\(linkage.count(.suggested)) saran" }, trimsHeap: false) {
                reconciler.searchCandidates(batch, linkage: &linkage, spread: ParallelWork.spread(chunk: 1 << 16))
            }
            return linkage
        }
        var linkage = searched
        clock.stage(
            "missing", detail: { _ in "\(linkage.missingFromDapodik.count) ASN SIASN tidak ada di Dapodik" },
            trimsHeap: false
        ) {
            // Spread over the cores (both sides of the matching are done; 0.2 s on one core nationally).
            reconciler.findMissing(
                batch, tree: tree, unitMap: unitMap, linkage: &linkage, spread: ParallelWork.spread(chunk: 1 << 17))
        }
        let context = JudgementContext(
            batch: loaded.batch, tree: tree, unitMap: unitMap, linkage: linkage, settings: reconciler.settings,
            rejectedPairs: rejected)
        var judged = try clock.stage(
            "judge", detail: { "\($0.parts.reduce(0) { $0 + $1.count }) disparitas" }, trimsHeap: false
        ) {
            () throws(PadanError) in findings(context)
        }
        let resolver = judged.resolver, areas = judged.areas
        // The verdicts need only each person's blocking codes, which the rules' findings give in any order: they
        // are decided while the findings are put in output order beside them (after the rules, that was a fifth
        // of a second nationally with one core idle).
        let blocking = context.blockingCodes(parts: judged.parts)
        // The parts handed over whole (no other reference left), so that they are joined by moving the findings.
        let parts = Handover(taking: &judged.parts)
        let (skp, disparities) = try clock.stage("decide", detail: { "\($0.0.records.count) SKP" }) {
            () throws(PadanError) in
            ParallelWork.beside({ () -> [Disparity] in
                var taken = parts.take()
                return context.finished(Disparity.joined(&taken), areas: areas)
            }) {
                decide(context, blockingCodes: blocking, resolver: resolver)
            }
        }
        if let note = unescalated(disparities, upts: context.settings.upts) { loaded.warnings.append(note) }
        for head in resolver.headsNotInSiasn {
            loaded.warnings.append(
                "[[penilai]] \(head.instansi): NIP \(head.nip) tidak ditemukan di SIASN; SKP kepala sekolah "
                    + "pemerintah ini terblokir (PENILAI_TIDAK_DITEMUKAN) sampai NIP-nya diperbaiki di berkas pipeline")
        }
        return RunAnalysis(loaded: loaded, context: context, disparities: disparities, skp: skp)
    }

    /// A note, in Bahasa Indonesia, of the priority 1–3 disparities that no escalation list receives: their
    /// school's region code matches no `[[upt]]` prefix and no UPT lists `"*"`, or their area is unknown (the
    /// school is not in `dapodik_sekolah`) and there is no `"*"` UPT to take them. Nil when there are none.
    static func unescalated(_ disparities: [Disparity], upts: [ReconciliationSettings.Upt]) -> String? {
        var count = 0
        var areas = Set<String>()
        // Stored fields read through the buffer: a computed property of an element copied the whole finding.
        disparities.withUnsafeBufferPointer { found in
            for i in found.indices where found[i].code.priority <= 3 && found[i].hasNoUpt {
                count += 1
                areas.insert(found[i].kabupatenKota.isEmpty ? "wilayah tidak diketahui" : found[i].kabupatenKota)
            }
        }
        guard count > 0 else { return nil }
        let shown = areas.sorted().prefix(5).joined(separator: ", ") + (areas.count > 5 ? ", …" : "")
        let remedy =
            upts.isEmpty
            ? "sekolahnya tidak ada di dapodik_sekolah"
            : "tambahkan wilayahnya ke [[upt]] di berkas pipeline, atau UPT dengan wilayah \"*\""
        return "\(count) disparitas prioritas 1–3 tidak masuk daftar eskalasi UPT mana pun (\(shown)): \(remedy)"
    }

    /// Lets go of what only matching, the rules and the SKP verdicts look things up in (the NIP tables and
    /// the linked pairs, in every copy of the context: 115 MB nationally), so that the write stage has the
    /// room. Writing needs none of it; judging or deciding again afterwards stops the program.
    package mutating func releaseLookups() {
        context.releaseLookups()
        skp.releaseLookups()
    }

    /// `Reconciler.judge`, the rules spread over the cores; same order (registry, then output order). Beside
    /// them, on a thread of its own, the penilai lookup of the SKP verdicts, which needs no disparity: sorting
    /// the findings and the end of the last rule leave a core idle for it (0.2 s nationally).
    static func judge(_ context: JudgementContext) -> (disparities: [Disparity], resolver: PenilaiResolver) {
        var judged = findings(context)
        return (context.finished(Disparity.joined(&judged.parts), areas: judged.areas), judged.resolver)
    }

    /// Every rule's findings, in registry order (a rule's in one or more parts), not yet in output order
    /// (``JudgementContext/finished(_:areas:)``), with the penilai lookup and the areas' UPTs made beside the rules.
    static func findings(_ context: JudgementContext) -> (
        parts: [[Disparity]], resolver: PenilaiResolver, areas: AreaUpts
    ) {
        // The areas' UPTs are made beside the rules too: made after them, for the first finding without a
        // school, they took a tenth of a second on one core at the stage's end (national scale).
        let (parts, (resolver, areas)) = ParallelWork.beside({
            (PenilaiResolver(context: context), context.areaUpts())
        }) {
            findings(of: RuleRegistry.rules, in: context, slice: linkedPairSlice)
        }
        return (parts, resolver, areas)
    }

    /// Linked people per slice handed to the ``RuleScope/linkedPairs`` rules: their Dapodik rows and SIASN
    /// employees (some 250 bytes a person, a megabyte a slice) stay in a core's cache from the first rule to the
    /// last. The judge stage nationally, one core (best of three): the rules run whole 1.67 s; slices of 65,536
    /// people 1.60 s; of 512 to 16,384, 1.34–1.43 s.
    static let linkedPairSlice = 4096

    /// The findings of `rules`, each rule's in one or more parts, the rules in their order.
    ///
    /// The rules of the whole run are work items of their own, first; then the ``RuleScope/linkedPairs`` rules
    /// are run together on each `slice` of the linked people in turn, the slices shared out over the cores. A
    /// rule's findings are its slices' findings in slice order: the same findings, in the same order, as run
    /// whole.
    static func findings(of rules: [any DisparityRule], in context: JudgementContext, slice: Int) -> [[Disparity]] {
        let whole = rules.indices.filter { rules[$0].scope == .run }
        let paired = rules.indices.filter { rules[$0].scope == .linkedPairs }
        let count = context.linkedPairCount, slice = max(1, slice)
        let slices = paired.isEmpty ? 0 : (count + slice - 1) / slice
        // One map for both (not ``ParallelWork/chunks(_:chunk:_:)`` after the whole run's rules), so that no core
        // waits for the other's last rule before the slices start.
        let found = ParallelWork.map(whole.count + slices) { item -> [[Disparity]] in
            guard item >= whole.count else { return [rules[whole[item]].findings(in: context)] }
            let start = (item - whole.count) * slice
            let part = context.restricted(toLinkedPairs: start..<min(count, start + slice))
            return paired.map { rules[$0].findings(in: part) }
        }
        // Back in the rules' order, a paired rule's slices in slice order; empty parts left out.
        var parts = [[Disparity]]()
        for i in rules.indices {
            if let w = whole.firstIndex(of: i) {
                parts.append(found[w][0])
            } else if let p = paired.firstIndex(of: i) {
                for s in 0..<slices where !found[whole.count + s][p].isEmpty { parts.append(found[whole.count + s][p]) }
            }
        }
        return parts
    }

    /// `Reconciler.decideSkp` without payloads (built as they are written), rows spread over the cores.
    static func decide(_ context: JudgementContext, blockingCodes: BlockingCodes, resolver: PenilaiResolver)
        -> SkpDecisions
    {
        let eligibility = SkpEligibility(context: context, blockingCodes: blockingCodes, resolver: resolver)
        let records = context.batch.skp
        // Each verdict straight to its place: an array per range, then joined, was a copy of 1.6 million
        // verdicts nationally, their memory touched twice.
        let verdicts = ParallelWork.spread(chunk: 8192).fill(records.count) { range, put in
            eligibility.verdicts(range, of: records, put)
        }
        return SkpDecisions(records: records, verdicts: verdicts, eligibility: eligibility)
    }
}

/// A value handed from one thread to another and taken there, so that the taker holds its only reference (an
/// array it then changes in place is not copied first).
final class Handover<Element>: @unchecked Sendable {
    private var value: [Element]?

    /// Takes `source`'s value, leaving it empty.
    init(taking source: inout [Element]) {
        var taken = [Element]()
        swap(&taken, &source)
        value = taken
    }

    /// The value, once (a second take stops the program).
    func take() -> [Element] {
        guard let taken = value.take() else { preconditionFailure("Handover: taken twice") }
        return taken
    }
}
