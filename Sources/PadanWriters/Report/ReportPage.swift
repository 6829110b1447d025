/// Renders `report.html`: one self-contained page (styles, script, chart and data inline; no network)
/// in Bahasa Indonesia for a Dinas Pendidikan reviewer.
///
/// Every value from the inputs goes through Mustache's HTML escaping, or into the JSON data block through
/// ``ReportJSON``; only the bundled style sheet, script and the JSON block are inserted unescaped.
package enum ReportPage {
    /// Rows of the full table written as static HTML (all a reader without JavaScript sees).
    package static let staticRows = 200
    /// Schools listed in the per-school section (the full table filters by any school).
    package static let schoolsShown = 100
    /// Rows embedded for the page's search and filters, the most urgent first; the page says so when there
    /// are more, and `disparities.csv` has them all. A national run's 170,000 rows were a 40 MB page that
    /// took seconds to write and more to open.
    package static let embeddedRows = 50_000

    package static func render(_ model: ReportModel) throws(WriterError) -> String {
        try render(prepare(model))
    }

    /// A model with its costliest part, the embedded rows' JSON, made ahead: a run makes it on the tables'
    /// thread while the payload lines are written, and renders the page once the count of new payloads
    /// (``ReportModel/skpDelta``) is known.
    package struct Prepared: Sendable {
        /// The model with only the rows shown as static HTML (the others are in ``rowsJSON``: kept while the
        /// payload lines are written, the national 50,000 were 15 MB more at the run's peak).
        package var model: ReportModel
        let rowsJSON: String
        /// How many rows ``rowsJSON`` holds.
        let embeddedCount: Int
    }

    package static func prepare(_ model: ReportModel) -> Prepared {
        prepare(model, embedded: embeddedJSON(model.rows))
    }

    /// `model` with ``embeddedJSON(_:)`` of its rows, made beforehand (beside the model's figures).
    package static func prepare(_ model: ReportModel, embedded rowsJSON: String) -> Prepared {
        var model = model
        let embedded = min(model.rows.count, embeddedRows)
        if model.rows.count > staticRows { model.rows = Array(model.rows.prefix(staticRows)) }
        return Prepared(model: model, rowsJSON: rowsJSON, embeddedCount: embedded)
    }

    /// The JSON of the rows the page embeds: the first ``embeddedRows`` of `rows`.
    package static func embeddedJSON(_ rows: [ReportModel.Row]) -> String {
        rowsJSON(Array(rows.prefix(embeddedRows)))
    }

    package static func render(_ prepared: Prepared) throws(WriterError) -> String {
        try page(prepared).joined()
    }

    /// The page in the order it is written: the rendered template up to the embedded rows, their JSON, and the
    /// rest of the template.
    package static func page(_ prepared: Prepared) throws(WriterError) -> [String] {
        try rendered(prepared).page(skpDelta: prepared.model.skpDelta)
    }

    /// The page rendered but for the count of new payloads (``ReportModel/skpDelta``), which a run knows only
    /// once the payload lines are written: rendered ahead, on the report's thread while the lines are written,
    /// the page is then only the count put in (rendered after them, it was the write stage's end on one core).
    package struct Rendered: Sendable {
        /// The page's parts; the count goes between the first two.
        let parts: [String]

        /// The page's parts in the order they are written, with `skpDelta` in its place.
        package func page(skpDelta: Int) -> [String] {
            [parts[0], ReportText.number(skpDelta)] + parts[1...]
        }
    }

    /// The page of `prepared`, the count of new payloads left out (``Rendered/page(skpDelta:)``).
    package static func rendered(_ prepared: Prepared) throws(WriterError) -> Rendered {
        let model = prepared.model
        var view = try header(model)
        view.merge(summary(model)) { _, new in new }
        view["skpDelta"] = deltaMark
        view.merge(details(model)) { _, new in new }
        view.merge(table(model, rowsJSON: rowsMark, embeddedCount: prepared.embeddedCount)) { _, new in new }
        view["style"] = try ReportTemplates.asset("report.css")
        view["script"] = try ReportTemplates.asset("report.js")
        let text = try ReportTemplates.render("report", view)
        // The rows' JSON (17 MB nationally) goes between the template's parts as it is, not through Mustache
        // and into one page-sized text: that was most of rendering, on one core, at the end of the write stage.
        guard let delta = text.range(of: deltaMark), let rows = text.range(of: rowsMark),
            delta.upperBound <= rows.lowerBound
        else {
            preconditionFailure("report.mustache: the count of new payloads, then the rows' mark, are expected")
        }
        return Rendered(parts: [
            String(text[..<delta.lowerBound]), String(text[delta.upperBound..<rows.lowerBound]), prepared.rowsJSON,
            String(text[rows.upperBound...]),
        ])
    }

    /// Where the template puts the embedded rows. Everything else the page shows is HTML-escaped, or JSON with
    /// `<` escaped (``ReportJSON``), or the bundled style sheet and script; none can hold it.
    static let rowsMark = "<!--padan:data-baris-->"
    /// Where the template puts the count of new payloads (unescaped: `{{{skpDelta}}}`, a number Padan writes),
    /// held by nothing else for the same reason.
    static let deltaMark = "<!--padan:skp-baru-->"

    static func header(_ m: ReportModel) throws(WriterError) -> [String: Any] {
        let rejected = m.inputs.reduce(0) { $0 + $1.rejected }
        return [
            "pipeline": m.pipeline, "runId": m.runId, "version": m.version,
            "asOf": ReportText.date(m.asOf), "started": ReportText.timestamp(m.startedAt),
            "inputs": m.inputs.map { input -> [String: Any] in
                [
                    "label": input.label, "files": input.files.joined(separator: ", "),
                    "fileCount": ReportText.number(input.files.count), "rows": ReportText.number(input.rows),
                    "rejected": ReportText.number(input.rejected), "hasRejected": input.rejected > 0,
                ]
            },
            "rejectedTotal": ReportText.number(rejected), "hasRejectedTotal": rejected > 0,
        ]
    }

    static func summary(_ m: ReportModel) -> [String: Any] {
        let cannot = m.cannotFlow
        let base = max(m.asnTeachers, 1)
        func share(_ n: Int) -> String { String((Double(n) * 1000 / Double(base)).rounded() / 10) }
        let reasons = m.blockReasons.prefix(5).map { r -> [String: Any] in
            ["code": r.code, "label": r.label, "people": ReportText.number(r.people), "width": share(r.people)]
        }
        let others = m.blockReasons.dropFirst(5).reduce(0) { $0 + $1.people }
        let fixes = m.fixes.prefix(3).enumerated().map { i, f -> [String: Any] in
            [
                "rank": String(i + 1), "code": f.code, "priority": String(f.priority), "uraian": f.uraian,
                "tindakan": f.tindakan, "owner": f.owner, "people": ReportText.number(f.people),
                "unblocks": ReportText.number(f.unblocks), "hasUnblocks": f.unblocks > 0,
                "skpRows": ReportText.number(f.skpRows), "hasSkp": f.skpRows > 0, "hasPeople": f.people > 0,
            ]
        }
        return [
            "asn": ReportText.number(m.asnTeachers), "canFlow": ReportText.number(m.canFlow),
            "cannotFlow": ReportText.number(cannot), "canFlowPct": ReportText.percent(m.canFlow, of: m.asnTeachers),
            "cannotFlowPct": ReportText.percent(cannot, of: m.asnTeachers),
            "canFlowWidth": share(m.canFlow), "cannotFlowWidth": share(cannot), "swastaWidth": share(m.atSwasta),
            "atSwasta": ReportText.number(m.atSwasta), "hasSwasta": m.atSwasta > 0,
            "missing": ReportText.number(m.missingFromDapodik), "hasMissing": m.missingFromDapodik > 0,
            "reasons": reasons, "hasReasons": !reasons.isEmpty,
            "otherReasons": ReportText.number(others), "hasOtherReasons": others > 0,
            "skpRows": ReportText.number(m.skpRows), "skpEligible": ReportText.number(m.skpEligible),
            "skpDelta": ReportText.number(m.skpDelta), "skpBlocked": ReportText.number(m.skpBlocked),
            "skpSkipped": ReportText.number(m.skpSkipped),
            "fixes": fixes, "hasFixes": !fixes.isEmpty,
        ]
    }

    static let priorityTitles = [
        "Prioritas 1 — identitas tidak dikenali",
        "Prioritas 2 — pemerintah daerah berbeda",
        "Prioritas 3 — unit sekolah salah atau belum dipadankan",
        "Prioritas 4 — data berbeda",
    ]
    static let priorityNotes = [
        "Orangnya tidak dapat dikenali di Dapodik atau SIASN: SKP-nya tidak dapat mengalir sama sekali.",
        "Instansi di SIASN bukan pemerintah daerah sekolahnya: SKP tertahan sampai diperbaiki.",
        "Unit organisasi (UNOR) di SIASN bukan unit sekolahnya atau sekolah belum dipadankan: SKP tertahan.",
        "Data berbeda antara Dapodik dan SIASN: perlu dirapikan, tetapi tidak menahan SKP.",
    ]

    static func details(_ m: ReportModel) -> [String: Any] {
        let priorities = (1...4).map { p -> [String: Any] in
            let codes = m.codes.filter { $0.priority == p && $0.open > 0 }
            return [
                "priority": String(p), "title": priorityTitles[p - 1], "note": priorityNotes[p - 1],
                "total": ReportText.number(codes.reduce(0) { $0 + $1.open }), "hasCodes": !codes.isEmpty,
                "codes": codes.map { c -> [String: Any] in
                    [
                        "code": c.code, "uraian": c.uraian, "tindakan": c.tindakan, "owner": c.owner,
                        "open": ReportText.number(c.open), "new": ReportText.number(c.new), "hasNew": c.new > 0,
                    ]
                },
            ]
        }
        let quiet = m.codes.filter { $0.open == 0 }.map(\.code)
        func area(_ a: ReportModel.Area) -> [String: Any] {
            var view: [String: Any] = [
                "name": a.name, "npsn": a.npsn, "kab": a.kabupatenKota, "isSchool": !a.npsn.isEmpty,
                "total": ReportText.number(a.total), "asn": ReportText.number(a.asn),
                "blocked": ReportText.number(a.asn - a.canFlow),
                "blockedPct": ReportText.percent(a.asn - a.canFlow, of: a.asn),
                "blockedClass": a.asn > a.canFlow ? "bad" : "zero", "hasAsn": a.asn > 0, "topCode": a.topCode,
            ]
            for p in 1...4 {
                let n = a.byPriority[p - 1]
                view["p\(p)"] = n == 0 ? "–" : ReportText.number(n)
                view["p\(p)Class"] = n == 0 ? "zero" : "p\(p)"
            }
            return view
        }
        let schools = m.schools.prefix(schoolsShown).map(area)
        return [
            "openTotal": ReportText.number(m.openTotal), "newTotal": ReportText.number(m.newTotal),
            "resolvedTotal": ReportText.number(m.resolvedTotal),
            "priorities": priorities, "quietCodes": quiet.joined(separator: ", "), "hasQuietCodes": !quiet.isEmpty,
            "regions": m.regions.map(area), "hasRegions": !m.regions.isEmpty,
            "schools": schools, "hasSchools": !schools.isEmpty,
            "schoolsTotal": ReportText.number(m.schoolsTotal), "schoolsShown": ReportText.number(schools.count),
            "schoolsMore": m.schoolsTotal > schools.count,
            "chart": ReportChart(nights: m.trend).view, "hasTrend": !m.trend.isEmpty, "fewNights": m.trend.count < 3,
            "nights": m.trend.reversed().map { n -> [String: Any] in
                [
                    "runId": n.runId, "asOf": ReportText.date(n.asOf), "open": ReportText.number(n.open),
                    "new": ReportText.number(n.new), "resolved": ReportText.number(n.resolved),
                ]
            },
        ]
    }

    static func table(_ m: ReportModel, rowsJSON: String, embeddedCount: Int) -> [String: Any] {
        let uraian = Dictionary(m.codes.map { ($0.code, $0.uraian) }, uniquingKeysWith: { a, _ in a })
        let shown = m.rows.prefix(staticRows).map { r -> [String: Any] in
            [
                "priority": String(r.priority), "code": r.code, "uraian": uraian[r.code] ?? "", "nama": r.nama,
                "nip": r.nip, "npsn": r.npsn, "sekolah": r.sekolah, "kab": r.kabupatenKota,
                "hasKab": !r.kabupatenKota.isEmpty, "field": r.field, "dapodik": r.dapodikValue, "siasn": r.siasnValue,
                "suggestion": r.suggestion, "status": statusText(r.status, ageDays: r.ageDays),
            ]
        }
        return [
            "staticRows": shown, "rowCount": ReportText.number(m.rowsTotal),
            "staticCount": ReportText.number(shown.count), "hasMoreStatic": m.rowsTotal > shown.count,
            "hasRows": m.rowsTotal > 0,
            "rowsJSON": rowsJSON, "codesJSON": codesJSON(m.codes),
            "isCapped": m.rowsTotal > embeddedRows, "embeddedCount": ReportText.number(embeddedCount),
        ]
    }

    /// The full table for the page's script: one array per row, in ``columns`` order.
    package static func rowsJSON(_ rows: [ReportModel.Row]) -> String {
        // Each row's cells written straight as bytes (an array of cells a row, then each cell's text appended to a
        // `String`, was most of making the page's data).
        ReportJSON.table(rows.count) { i, out in
            func text(_ t: String) {
                out.append(UInt8(ascii: ","))
                ReportJSON.string(t, into: &out)
            }
            let r = rows[i]
            ReportJSON.int(r.priority, into: &out)
            text(r.code)
            text(r.nama)
            text(r.nip)
            text(r.npsn)
            text(r.sekolah)
            text(r.kabupatenKota)
            text(r.field)
            text(r.dapodikValue)
            text(r.siasnValue)
            text(r.suggestion)
            text(r.status)
            out.append(UInt8(ascii: ","))
            ReportJSON.int(r.ageDays, into: &out)
        }
    }

    /// The columns of ``rowsJSON(_:)``, as the script reads them.
    package static let columns = [
        "priority", "code", "nama", "nip", "npsn", "sekolah", "kabupaten_kota", "field", "dapodik_value",
        "siasn_value", "suggestion", "status", "age_days",
    ]

    /// Code → [uraian, tindakan], for the table's explanations.
    static func codesJSON(_ codes: [ReportModel.CodeCount]) -> String {
        var out = [UInt8(ascii: "{")]
        for (i, c) in codes.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            ReportJSON.string(c.code, into: &out)
            out += Array(":[".utf8)
            ReportJSON.string(c.uraian, into: &out)
            out.append(UInt8(ascii: ","))
            ReportJSON.string(c.tindakan, into: &out)
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `Baru`, or `Berlanjut, 12 hari` (how long it has been open).
    static func statusText(_ status: String, ageDays: Int) -> String {
        status == "BARU" ? "Baru" : "Berlanjut, \(ReportText.number(ageDays)) hari"
    }
}
