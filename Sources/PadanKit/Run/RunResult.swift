import PadanCore
import PadanStore
import PadanWriters

/// Everything a run decided, ready to be written and recorded.
package struct RunResult {
    package var runId: String
    package var pipeline: PipelineFile
    package var asOf: CalendarDate
    package var startedAt: String
    package var finishedAt = ""
    package var loaded: LoadedInputs
    package var context: JudgementContext
    package var disparities: [Disparity]
    /// The rows of `disparities.csv`, in output order, with lifecycle columns.
    package var rows: [DisparityRow] = []
    package var resolved: [DisparityRow] = []
    /// Every `pmm_skp` row's verdict; payloads are built as `skp/payloads.jsonl` is written.
    package var skp: SkpDecisions
    /// Keys of the payloads no earlier run emitted (`skp/delta.jsonl`), in order; set when written.
    package var deltaKeys: [PayloadKey] = []
    /// First-seen date (`YYYY-MM-DD`) per disparity id, for escalation `Sejak`.
    package var firstSeenDate: [String: String] = [:]
    package var stages: [(name: String, seconds: Double)] = []
    /// Crosswalk proposals, minus pairs the BKD rejected before.
    package var proposals = CrosswalkProposals(proposals: [], exhausted: [])
    /// Path of the published run folder.
    package var folder = ""
    /// The store's latest committed runs, newest first, before this one (the report's trend).
    package var recentRuns: [StoredRun] = []

    /// How many nights the report's trend shows, this run included.
    package static let trendLength = 30

    /// How many of `rows` are `BARU`.
    package var newCount: Int {
        guard let status = DisparityRow.header.firstIndex(of: "status") else { return 0 }
        return rows.reduce(0) { $0 + ($1.cells[status] == "BARU" ? 1 : 0) }
    }
}
