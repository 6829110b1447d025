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
            "entries": list.entries.map { e -> [String: Any] in
                [
                    "priority": String(e.priority), "code": e.code, "codeParts": codeParts(e.code), "uraian": e.uraian, "owner": e.owner,
                    "kab": e.kabupatenKota, "npsn": e.npsn, "sekolah": e.sekolah, "nip": e.nip, "nama": e.nama,
                    "age": ReportText.number(e.ageDays), "since": e.since, "action": e.action,
                ]
            },
            "style": try ReportTemplates.asset("escalation.css"),
        ]
        return try ReportTemplates.render("escalation", view)
    }

    /// `NIP_TIDAK_VALID` as `NIP_`, `TIDAK_`, `VALID`: the page may break a long code after an underscore.
    static func codeParts(_ code: String) -> [[String: Any]] {
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
        return parts.map { ["part": $0] }
    }
}
