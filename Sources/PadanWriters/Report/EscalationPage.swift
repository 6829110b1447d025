/// Renders `escalation/<upt>.html`: the same rows as the UPT's CSV, as a page that prints cleanly on A4
/// landscape (header repeated on every page, no row cut across pages).
package enum EscalationPage {
    package static func render(_ list: EscalationList, pipeline: String, runId: String, asOf: String) throws(WriterError) -> String {
        let byPriority = (1...3).map { p in list.entries.filter { $0.priority == p }.count }
        let view: [String: Any] = [
            "upt": list.upt, "pipeline": pipeline, "runId": runId, "asOf": ReportText.date(asOf),
            "count": ReportText.number(list.entries.count), "hasEntries": !list.entries.isEmpty,
            "p1": ReportText.number(byPriority[0]), "p2": ReportText.number(byPriority[1]),
            "p3": ReportText.number(byPriority[2]),
            "header": EscalationList.header.map { ["title": $0, "numeric": $0 == "Umur (hari)" || $0 == "Prioritas"] },
            "rows": rows(list.entries),
            "style": try ReportTemplates.asset("escalation.css"),
        ]
        return try ReportTemplates.render("escalation", view)
    }

    /// The table's rows, one `<tr>` and a newline each, every value HTML-escaped as Mustache escapes it.
    ///
    /// Written here rather than by a Mustache section: a dictionary per row and the template walk cost
    /// 60 µs a row, seven seconds for a national UPT list of 110,000 rows.
    static func rows(_ entries: [EscalationList.Entry]) -> String {
        var out = ""
        out.reserveCapacity(entries.count * 600)
        for e in entries {
            let priority = String(e.priority)
            out += "<tr class=\"p"
            HTMLText.escape(priority, into: &out)
            out += "\"><td class=\"num pri\">"
            HTMLText.escape(priority, into: &out)
            out += "</td><td class=\"code\">"
            for part in codeParts(e.code) {
                HTMLText.escape(part, into: &out)
                out += "<wbr>"
            }
            for (cell, value) in [
                ("<td>", e.uraian), ("<td>", e.owner), ("<td>", e.kabupatenKota), ("<td>", e.npsn), ("<td>", e.sekolah),
                ("<td class=\"nip\">", e.nip), ("<td>", e.nama), ("<td class=\"num\">", ReportText.number(e.ageDays)),
                ("<td class=\"nowrap\">", e.since), ("<td>", e.action),
            ] {
                out += "</td>" + cell
                HTMLText.escape(value, into: &out)
            }
            out += "</td></tr>\n"
        }
        return out
    }

    /// `NIP_TIDAK_VALID` as `NIP_`, `TIDAK_`, `VALID`: the page may break a long code after an underscore.
    static func codeParts(_ code: String) -> [String] {
        var parts = [String]()
        var current = ""
        for c in code {
            current.append(c)
            if c == "_" {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}
