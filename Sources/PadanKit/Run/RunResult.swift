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
    package var decisions: [SkpDecision]
    /// (key, JSON line) of every eligible payload, in input order.
    package var payloads: [(key: String, line: String)] = []
    /// Positions in `payloads` no earlier run emitted.
    package var delta: [Int] = []
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

    package var newCount: Int { rows.filter { $0["status"] == "BARU" }.count }
}
