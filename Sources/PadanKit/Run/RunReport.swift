import Foundation
import PadanCore
import PadanReaders

/// The short summary `padan run` prints: people linked, disparities by priority, payloads, the folder.
package enum RunReport {
    package static func render(_ r: RunResult) -> String {
        let links = r.context.linkage.links
        let linked = r.context.linkage.linkedCount
        let priorityCounts = r.disparityCounts.byPriority
        let byPriority = (1...4).map { priorityCounts[$0] ?? 0 }
        let skp = RunSummary.skpCounts(r)
        return """
            Run \(r.runId) selesai (\(r.pipeline.name), per \(r.asOf)).
              ASN Dapodik tertaut ke SIASN: \(linked) dari \(links.count)
              Disparitas terbuka: \(r.rows.count) (prioritas 1: \(byPriority[0]), 2: \(byPriority[1]), 3: \(byPriority[2]), 4: \(byPriority[3])); baru \(r.newCount), selesai \(r.resolved.count)
              SKP: \(skp.eligible) siap kirim (\(r.deltaCount) baru), \(skp.blocked) tertahan, \(skp.skipped) dilewati
              Baris ditolak: \(r.loaded.rejects.count)
              Folder hasil: \(shown(r.folder))
            """
    }

    /// The run folder as the system finds it (`out/sample/…`, not `pipelines/../out/sample/…` for an output
    /// folder set relative to the pipeline file); as given when it cannot be resolved.
    static func shown(_ folder: String) -> String { InputGlob.resolved(folder) ?? folder }

    /// Today's date in UTC.
    package static func today() -> CalendarDate { NightlyRun.today(Date()) }
}
