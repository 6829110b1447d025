import PadanCore
import PadanWriters

/// The write stage: every file of the run folder (`outputs.md`) but the payload lines
/// (``SkpPayloadFiles``), into the temporary folder.
///
/// The tables (``writeTables()``) need nothing the payload lines decide, so they are written while the
/// payloads are, and the report's figures, embedded rows and page are made then too (``prepareReport()``). The
/// report (``writeReport(_:skpDelta:)``) shows how many payloads are new and `summary.json` (``writeSummary()``)
/// the stage times, so they are written after both, `summary.json` last.
struct RunOutputWriter: Sendable {
    let result: RunResult
    let folder: RunFolder

    /// The CSV tables and the crosswalk proposals (the escalation lists: ``writeEscalationLists()``).
    func writeTables() throws(PadanError) {
        do {
            try writeCSV("disparities.csv", DisparityRow.header, result.rows.lazy.map(\.cells))
            try writeCSV("resolved.csv", DisparityRow.header, result.resolved.lazy.map(\.cells))
            try writeLinks()
            try writeCSV("unor_map.csv", RunTables.unorMapHeader, RunTables.unorMap(result.context))
            try writeCSV(
                "rejects.csv", RunTables.rejectsHeader,
                result.loaded.rejects.lazy.map {
                    [$0.kind.rawValue, $0.file, String($0.line), $0.reason, $0.raw]
                })
            let skp = result.skp
            try writeCSV(
                "skp/blocked.csv", RunTables.blockedHeader,
                RunTables.blockedRows(records: skp.records, verdicts: skp.verdicts))
            try writeCSV(
                "skp/skipped.csv", RunTables.skippedHeader,
                RunTables.skippedRows(records: skp.records, verdicts: skp.verdicts))
            try writeProposals()
        } catch {
            throw PadanError(.cannotCreate, error.description)
        }
    }

    /// The escalation lists, CSV and page per UPT (``writeEscalations()``), their working memory handed back
    /// to the system once written (as ``prepareReport()``'s is: freed on their thread, it stays in its arena).
    func writeEscalationLists() throws(PadanError) {
        do { try writeEscalations() } catch { throw PadanError(.cannotCreate, error.description) }
        Heap.trim()
    }

    /// The report's figures and its embedded rows, and the page rendered but for the count of new payloads.
    /// Made on a thread of their own: the figures' working memory, freed on it, is handed back to the system at
    /// once (it would otherwise stay in that thread's heap arena to the run's end).
    func prepareReport() throws(PadanError) -> ReportPage.Rendered {
        let rendered: ReportPage.Rendered
        do {
            rendered = try ReportPage.rendered(ReportModelBuilder.prepared(result))
        } catch {
            throw PadanError(.cannotCreate, error.description)
        }
        Heap.trim()
        return rendered
    }

    /// `report.html`: `report` with the count of new payloads put in.
    func writeReport(_ report: ReportPage.Rendered, skpDelta: Int) throws(PadanError) {
        do {
            try OutputFile.write(report.page(skpDelta: skpDelta), to: folder.path("report.html"))
        } catch {
            throw PadanError(.cannotCreate, error.description)
        }
    }

    /// `summary.json`, the folder's last file (with the payload counts and the stage times so far known): `summary`,
    /// ``RunSummary/json(_:)`` of the result, made once for the file and the store's row.
    func writeSummary(_ summary: JSONValue) throws(PadanError) {
        do {
            try OutputFile.write(summary.pretty, to: folder.path("summary.json"))
        } catch {
            throw PadanError(.cannotCreate, error.description)
        }
    }

    func writeCSV<Rows: Sequence<[String]>>(_ name: String, _ header: [String], _ rows: Rows, bom: Bool = false)
        throws(WriterError)
    {
        let writer = try CSVFileWriter(path: folder.path(name), header: header, bom: bom)
        for row in rows { try writer.write(row) }
        try writer.close()
    }

    /// `links.csv`, each row written straight as bytes.
    func writeLinks() throws(WriterError) {
        let context = result.context
        let writer = try CSVFileWriter(path: folder.path("links.csv"), header: RunTables.linksHeader)
        for link in context.linkage.links { try writer.writeRow { RunTables.link(context, link, into: &$0) } }
        try writer.close()
    }

    /// `usulan_pemadanan.csv`: UTF-8 with a BOM for spreadsheets, `keputusan` left empty for the BKD.
    func writeProposals() throws(WriterError) {
        let tree = result.context.tree
        let rows = result.proposals.proposals.map { p -> [String] in
            let school = result.context.school(p.npsn)
            return [
                p.npsn.text, school?.nama ?? "", school?.kabupatenKota ?? "", tree.units[p.unit].id.text,
                tree.units[p.unit].nama, RunTables.formatScore(p.score), p.reason, "",
            ]
        }
        try writeCSV("usulan_pemadanan.csv", RunTables.proposalsHeader, rows, bom: true)
    }

    /// "Saran Tindakan" of an escalation row: the code's action, the suggestion, and for a unit (which has no
    /// NPSN, school or NIP in the row) the unit and its partner schools, so the UPT can find it.
    static func action(_ d: InPlace<Disparity>) -> String {
        let suggestion = d.suggestion, tindakan = d.code.tindakan
        var action = suggestion.isEmpty ? tindakan : "\(tindakan). Saran: \(suggestion)"
        if d.subject == .unor {
            let name = d.siasnValue.isEmpty ? "" : " (\(d.siasnValue))"
            action += ". UNOR \(d.unorId)\(name)"
            if !d.dapodikValue.isEmpty { action += " dipadankan dengan NPSN \(d.dapodikValue)" }
        }
        return action
    }

    /// One list per UPT of the pipeline (or per province without a UPT table). A disparity of several UPTs'
    /// areas (a unit crosswalked to schools of several) is in each of their lists; one of no known area is
    /// the `*` UPT's, if any (``JudgementContext/finished(_:)``), and in no list otherwise (the run warns of it).
    func writeEscalations() throws(WriterError) {
        let settings = result.context.settings
        var names = settings.upts.map(\.nama)
        if names.isEmpty {
            names = Array(Set(result.context.batch.schools.map(\.provinsi))).sorted()
        }
        var entries = [String: [EscalationList.Entry]]()
        // Each finding read where it lies, stored field by stored field: handed to a function or a computed
        // property's getter, it was copied whole first (`zip`, as `for d in`, copied each one too).
        result.disparities.withUnsafeBufferPointer { found in
            for (life, i) in zip(result.lifecycles, found.indices) where found[i].code.priority <= 3 {
                TextPrefetch.disparity(found, at: i + TextPrefetch.distance)
                let d = InPlace(found, i), code = d.code
                let entry = EscalationList.Entry(
                    priority: code.priority, code: code.rawValue, uraian: code.uraian, owner: code.owner,
                    kabupatenKota: d.kabupatenKota, npsn: d.npsn, sekolah: d.namaSekolah, nip: d.nip, nama: d.nama,
                    ageDays: life.ageDays, since: life.firstSeenDate, action: Self.action(d))
                for upt in Disparity.escalationUpts(upt: d.upt, upts: d.upts) {
                    entries[upt, default: []].append(entry)
                }
            }
        }
        for name in names {
            // Taken out of the dictionary, so that the list sorts them where they are.
            let list = EscalationList(upt: name, entries: entries.removeValue(forKey: name) ?? [])
            let stem = "escalation/\(EscalationList.slug(name))"
            let writer = try CSVFileWriter(path: folder.path("\(stem).csv"), header: EscalationList.header, bom: true)
            for i in list.entries.indices { try writer.writeRow { list.cells(at: i, into: &$0) } }
            try writer.close()
            let page = try EscalationPage.page(
                list, pipeline: result.pipeline.name, runId: result.runId, asOf: result.asOf.description)
            try OutputFile.write(page, to: folder.path("\(stem).html"))
        }
    }
}
