import PadanCore

/// Renders `escalation/<upt>.html`: the same rows as the UPT's CSV, as a page that prints cleanly on A4
/// landscape (header repeated on every page, no row cut across pages).
package enum EscalationPage {
    package static func render(_ list: EscalationList, pipeline: String, runId: String, asOf: String)
        throws(WriterError) -> String
    {
        String(decoding: try page(list, pipeline: pipeline, runId: runId, asOf: asOf), as: UTF8.self)
    }

    /// ``render(_:pipeline:runId:asOf:)``'s page as UTF-8: the template around the rows, the rows written as
    /// bytes into it (a national UPT list is 110,000 rows; as one `String` taken through the template they were
    /// half of writing the escalation lists).
    package static func page(_ list: EscalationList, pipeline: String, runId: String, asOf: String) throws(WriterError)
        -> [UInt8]
    {
        let byPriority = (1...3).map { p in list.entries.filter { $0.priority == p }.count }
        let view: [String: Any] = [
            "upt": list.upt, "pipeline": pipeline, "runId": runId, "asOf": ReportText.date(asOf),
            "count": ReportText.number(list.entries.count), "hasEntries": !list.entries.isEmpty,
            "p1": ReportText.number(byPriority[0]), "p2": ReportText.number(byPriority[1]),
            "p3": ReportText.number(byPriority[2]),
            "header": EscalationList.header.map { ["title": $0, "numeric": $0 == "Umur (hari)" || $0 == "Prioritas"] },
            "rows": rowsMark,
            "style": try ReportTemplates.asset("escalation.css"),
        ]
        let text = try ReportTemplates.render("escalation", view)
        var out = [UInt8]()
        guard let mark = text.range(of: rowsMark) else {
            out.append(contentsOf: text.utf8)
            return out
        }
        let before = text[..<mark.lowerBound].utf8, after = text[mark.upperBound...].utf8
        let rows = rows(list.entries)
        out.reserveCapacity(before.count + rows.count + after.count)
        out.append(contentsOf: before)
        out.append(contentsOf: rows)
        out.append(contentsOf: after)
        return out
    }

    /// Where the template puts the rows; every value it shows is escaped, so no value can hold it.
    static let rowsMark = "<!--padan:baris-->"

    /// The table's rows, one `<tr>` and a newline each, every value HTML-escaped as Mustache escapes it.
    ///
    /// Written here rather than by a Mustache section: a dictionary per row and the template walk cost
    /// 60 µs a row, seven seconds for a national UPT list of 110,000 rows.
    static func rows(_ entries: [EscalationList.Entry]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(entries.count * 600)
        // Each code's cell made once (a code's parts were an array of strings a row).
        var codeCells = [String: [UInt8]]()
        func cell(_ opening: StaticString, _ value: String) {
            out.append(contentsOf: "</td>".utf8)
            out.append(contentsOf: UnsafeBufferPointer(start: opening.utf8Start, count: opening.utf8CodeUnitCount))
            HTMLText.escape(value, into: &out)
        }
        // Each entry read in place: `for e in entries` copied each one, a retain and a release of its ten texts.
        entries.withUnsafeBufferPointer { entries in
            for i in entries.indices { row(InPlace(entries, i)) }
        }
        return out

        func row(_ e: InPlace<EscalationList.Entry>) {
            let priority = String(e.priority)
            out.append(contentsOf: "<tr class=\"p".utf8)
            HTMLText.escape(priority, into: &out)
            out.append(contentsOf: "\"><td class=\"num pri\">".utf8)
            HTMLText.escape(priority, into: &out)
            out.append(contentsOf: "</td><td class=\"code\">".utf8)
            if codeCells[e.code] == nil {
                var cell = [UInt8]()
                for part in codeParts(e.code) {
                    HTMLText.escape(part, into: &cell)
                    cell.append(contentsOf: "<wbr>".utf8)
                }
                codeCells[e.code] = cell
            }
            out.append(contentsOf: codeCells[e.code] ?? [])
            cell("<td>", e.uraian)
            cell("<td>", e.owner)
            cell("<td>", e.kabupatenKota)
            cell("<td>", e.npsn)
            cell("<td>", e.sekolah)
            cell("<td class=\"nip\">", e.nip)
            cell("<td>", e.nama)
            cell("<td class=\"num\">", ReportText.number(e.ageDays))
            cell("<td class=\"nowrap\">", e.since)
            cell("<td>", e.action)
            out.append(contentsOf: "</td></tr>\n".utf8)
        }
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
