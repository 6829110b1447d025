import PadanCore
import PadanReaders
import PadanStore
import PadanWriters

/// Turns a run (and the store's recent runs) into what `report.html` shows.
package enum ReportModelBuilder {
    package static func build(_ r: RunResult) -> ReportModel {
        var model = figures(r)
        model.rows = rows(r)
        return model
    }

    /// The report's model and embedded rows: the rows and their JSON on a thread of their own while the
    /// figures are made here (one after the other, they kept one core busy for the last second and a half of
    /// a national write stage).
    package static func prepared(_ r: RunResult) -> ReportPage.Prepared {
        let (figures, table) = ParallelWork.beside({ () -> (rows: [ReportModel.Row], json: String) in
            let rows = Self.rows(r)
            return (rows, ReportPage.embeddedJSON(rows))
        }) { Self.figures(r) }
        var model = figures
        model.rows = table.rows
        return ReportPage.prepare(model, embedded: table.json)
    }

    /// The model without its rows (it counts them).
    static func figures(_ r: RunResult) -> ReportModel {
        let flow = PeopleFlow.tally(context: r.context, disparities: r.disparities)
        let skp = RunSummary.skpCounts(r)
        let counts = flow.schoolCounts(schools: r.context.batch.schools.count)
        let schools = schools(r, counts: counts, shown: ReportPage.schoolsShown)
        return ReportModel(
            pipeline: r.pipeline.name, runId: r.runId, asOf: r.asOf.description, startedAt: r.startedAt,
            version: RunSummary.version, inputs: inputs(r.loaded), asnTeachers: flow.teachers,
            canFlow: flow.canFlow, atSwasta: flow.atSwasta, blockReasons: flow.reasons,
            missingFromDapodik: r.context.linkage.missingFromDapodik.count, skpRows: skp.rows,
            skpEligible: skp.eligible,
            skpDelta: r.deltaCount, skpBlocked: skp.blocked, skpSkipped: skp.skipped,
            fixes: fixes(r, flow: flow), codes: codes(r), openTotal: r.rows.count, newTotal: r.newCount,
            resolvedTotal: r.resolved.count, regions: regions(r, counts: counts), schools: schools.worst,
            schoolsTotal: schools.total,
            trend: trend(r), rows: [], rowsTotal: r.disparities.count)
    }

    /// Input kinds in Bahasa Indonesia, in reading order.
    static let inputLabels: [InputKind: String] = [
        .dapodikPtk: "PTK Dapodik", .dapodikSekolah: "Sekolah Dapodik", .siasnPns: "PNS SIASN",
        .siasnUnor: "UNOR SIASN", .unorNpsn: "Pemadanan NPSN–UNOR", .pmmSkp: "SKP PMM",
    ]

    static func inputs(_ loaded: LoadedInputs) -> [ReportModel.Input] {
        InputKind.allCases.compactMap { kind in
            guard let report = loaded.reports[kind] else { return nil }
            return ReportModel.Input(
                label: inputLabels[kind] ?? kind.rawValue, files: report.files.map(\.path), rows: report.rows,
                rejected: report.rejected)
        }
    }

    static func fixes(_ r: RunResult, flow: PeopleFlow.Tally) -> [ReportModel.Fix] {
        var people = flow.byReason, skpRows = [String: Int]()
        let alone = flow.byOnlyReason
        for verdict in r.skp.verdicts {
            guard case .blocked(let reasons) = verdict else { continue }
            for reason in Set(reasons) { skpRows[reason, default: 0] += 1 }
        }
        // SIASN teachers missing from Dapodik cannot flow either; registering them is the fix.
        let missing = r.context.linkage.missingFromDapodik.count
        if missing > 0 { people[DisparityCode.asnTidakAdaDiDapodik.rawValue, default: 0] += missing }
        let codes = Set(people.keys).union(skpRows.keys)
        return codes.map { code in
            let text = BlockReasonText.of(code)
            return ReportModel.Fix(
                code: code, priority: text.priority, uraian: text.uraian, tindakan: text.tindakan, owner: text.owner,
                people: people[code] ?? 0, unblocks: alone[code] ?? 0, skpRows: skpRows[code] ?? 0)
        }.sorted {
            if $0.people != $1.people { return $0.people > $1.people }
            if $0.skpRows != $1.skpRows { return $0.skpRows > $1.skpRows }
            return BlockReasonText.order($0.code) < BlockReasonText.order($1.code)
        }
    }

    static func codes(_ r: RunResult) -> [ReportModel.CodeCount] {
        var open = [DisparityCode: Int](), new = [DisparityCode: Int]()
        for i in r.disparities.indices {
            let code = r.disparities[i].code
            open[code, default: 0] += 1
            if r.lifecycles[i].isNew { new[code, default: 0] += 1 }
        }
        return DisparityCode.allCases.map { c in
            ReportModel.CodeCount(
                code: c.rawValue, priority: c.priority, uraian: c.uraian, tindakan: c.tindakan, owner: c.owner,
                open: open[c] ?? 0, new: new[c] ?? 0)
        }
    }

    static let noRegion = "(tanpa kabupaten/kota)"

    static func regions(_ r: RunResult, counts: PeopleFlow.SchoolCounts) -> [ReportModel.Area] {
        var areas = [String: AreaTally]()
        for i in r.disparities.indices {
            let kabupatenKota = r.disparities[i].kabupatenKota
            areas[kabupatenKota.isEmpty ? noRegion : kabupatenKota, default: AreaTally()].add(r.disparities[i].code)
        }
        let schools = r.context.batch.schools
        // Teachers of schools Dapodik does not list have no kabupaten/kota.
        for (school, count) in counts.listed.enumerated() where count.asn > 0 {
            let kabupatenKota = schools[school].kabupatenKota
            guard !kabupatenKota.isEmpty else { continue }
            areas[kabupatenKota, default: AreaTally()].count(count)
        }
        return worstFirst(areas.map { name, tally in tally.area(name: name) })
    }

    /// The worst `shown` schools with open disparities, worst first (``worstFirst(_:)``), and how many there are.
    static func schools(
        _ r: RunResult, counts: PeopleFlow.SchoolCounts, shown: Int
    ) -> (worst: [ReportModel.Area], total: Int) {
        // A tally, an NPSN and a name per school, found by NPSN text; a school's disparities mostly follow one
        // another (output order runs by NPSN within a priority and region), so the last school is tried first.
        // Two text-keyed dictionaries read and written per disparity were a third of the report's figures.
        var slotOf = [String: Int]()
        var tallies = [AreaTally](), keys = [String](), names = [(String, String)]()
        var lastKey: String?, lastSlot = 0
        for i in r.disparities.indices where !r.disparities[i].npsn.isEmpty {
            let npsn = r.disparities[i].npsn
            if npsn != lastKey {
                if let known = slotOf[npsn] {
                    lastSlot = known
                } else {
                    lastSlot = tallies.count
                    slotOf[npsn] = lastSlot
                    tallies.append(AreaTally())
                    keys.append(npsn)
                    names.append(("", ""))
                }
                lastKey = npsn
            }
            tallies[lastSlot].add(r.disparities[i].code)
            // The first school name given; the kabupaten/kota with it (or with the last disparity, when none is).
            if names[lastSlot].0.isEmpty {
                names[lastSlot] = (r.disparities[i].namaSekolah, r.disparities[i].kabupatenKota)
            }
        }
        // The disparities' NPSNs are text: each read back once to find its teachers.
        func teachers(_ key: String) -> (asn: Int, canFlow: Int) {
            guard let npsn = NPSN(key), npsn.text == key else { return (0, 0) }
            if let school = r.context.schoolIndex[npsn] { return counts.listed[school] }
            return counts.unlisted[npsn] ?? (0, 0)
        }
        for slot in tallies.indices { tallies[slot].count(teachers(keys[slot])) }
        // The report shows the worst `shown`: only they are made areas and ordered in full, after the rest is
        // set aside by its counts alone (areas made and sorted by name for every school with a disparity were
        // a third of the report's figures nationally, 100,000 schools).
        func area(_ slot: Int) -> ReportModel.Area {
            let (name, kab) = names[slot]
            return tallies[slot].area(
                name: name.isEmpty ? "NPSN \(keys[slot])" : name, npsn: keys[slot], kabupatenKota: kab)
        }
        let ranks = tallies.map(\.rank)
        let byRank = tallies.indices.sorted { ranks[$0] > ranks[$1] }
        guard byRank.count > shown else { return (worstFirst(byRank.map(area)), tallies.count) }
        guard shown > 0 else { return ([], tallies.count) }
        // Those tied with the last shown compete for its place by name.
        let cut = ranks[byRank[shown - 1]]
        let candidates = byRank.prefix { ranks[$0] >= cut }
        return (Array(worstFirst(candidates.map(area)).prefix(shown)), tallies.count)
    }

    /// `areas` worst first: most ASN teachers who cannot flow, then most priority 1–3 disparities, then most
    /// in all, then by name. The counts are added up once per area and positions sorted, not the areas
    /// (moving an area retains its every text; tens of thousands of schools nationally).
    static func worstFirst(_ areas: [ReportModel.Area]) -> [ReportModel.Area] {
        let keys = areas.map { (blocked: $0.asn - $0.canFlow, urgent: $0.urgent, total: $0.total) }
        let order = areas.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a.blocked != b.blocked { return a.blocked > b.blocked }
            if a.urgent != b.urgent { return a.urgent > b.urgent }
            if a.total != b.total { return a.total > b.total }
            return (areas[i].name, areas[i].npsn) < (areas[j].name, areas[j].npsn)
        }
        return order.map { areas[$0] }
    }

    static func trend(_ r: RunResult) -> [ReportModel.Night] {
        let earlier = r.recentRuns.prefix(RunResult.trendLength - 1).reversed().map { run in
            ReportModel.Night(
                runId: run.runID, asOf: run.asOf, open: run.counts.open, new: run.counts.new,
                resolved: run.counts.resolved)
        }
        let tonight = ReportModel.Night(
            runId: r.runId, asOf: r.asOf.description, open: r.rows.count, new: r.newCount, resolved: r.resolved.count)
        return earlier + [tonight]
    }

    /// The rows the page holds (``ReportPage/embeddedRows``).
    static func rows(_ r: RunResult) -> [ReportModel.Row] {
        // By position, each disparity lent to `row` (through `zip` each was copied whole first).
        r.disparities.withUnsafeBufferPointer { d in
            d.indices.prefix(ReportPage.embeddedRows).map {
                TextPrefetch.disparity(d, at: $0 + TextPrefetch.distance)
                return row(d[$0], r.lifecycles[$0])
            }
        }
    }

    static func row(_ d: Disparity, _ life: RunResult.Lifecycle) -> ReportModel.Row {
        ReportModel.Row(
            priority: d.code.priority, code: d.code.rawValue, nama: d.nama, nip: d.nip, npsn: d.npsn,
            sekolah: d.namaSekolah, kabupatenKota: d.kabupatenKota, field: d.field, dapodikValue: d.dapodikValue,
            siasnValue: d.siasnValue, suggestion: d.suggestion, status: life.status, ageDays: life.ageDays)
    }
}

/// Counts of one kabupaten/kota or school while building the report.
struct AreaTally {
    var byPriority = [0, 0, 0, 0]
    var byCode = [DisparityCode: Int]()
    var asn = 0
    var canFlow = 0

    /// One disparity of `code` (by its code alone: handed a whole disparity, each was copied to be counted).
    mutating func add(_ code: DisparityCode) {
        byPriority[min(max(code.priority, 1), 4) - 1] += 1
        byCode[code, default: 0] += 1
    }

    /// Where ``ReportModelBuilder/worstFirst(_:)`` puts the area before names are compared: teachers who cannot
    /// flow, then priority 1–3 disparities, then all disparities, each in 21 bits (two million: more than the
    /// country's teachers), larger first.
    var rank: UInt64 {
        let blocked = UInt64(clamping: max(0, asn - canFlow))
        let urgent = UInt64(clamping: byPriority[0...2].reduce(0, +)), total = UInt64(clamping: byPriority.reduce(0, +))
        let limit: UInt64 = (1 << 21) - 1
        return min(blocked, limit) << 42 | min(urgent, limit) << 21 | min(total, limit)
    }

    mutating func count(_ teachers: (asn: Int, canFlow: Int)) {
        asn += teachers.asn
        canFlow += teachers.canFlow
    }

    func area(name: String, npsn: String = "", kabupatenKota: String = "") -> ReportModel.Area {
        let top = byCode.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key.rawValue ?? ""
        return ReportModel.Area(
            name: name, npsn: npsn, kabupatenKota: kabupatenKota, byPriority: byPriority, asn: asn, canFlow: canFlow,
            topCode: top)
    }
}
