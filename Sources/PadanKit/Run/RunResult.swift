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
    /// Where each disparity stands between runs (the store's answer), in `disparities` order.
    package var lifecycles: [Lifecycle] = []
    package var resolved: [DisparityRow] = []
    /// Every `pmm_skp` row's verdict; payloads are built as `skp/payloads.jsonl` is written.
    package var skp: SkpDecisions
    /// How many payloads no earlier run emitted (`skp/delta.jsonl`); set when written.
    package var deltaCount = 0
    package var stages: [(name: String, seconds: Double)] = []
    /// Crosswalk proposals, minus pairs the BKD rejected before.
    package var proposals = CrosswalkProposals(proposals: [], exhausted: [])
    /// Path of the published run folder.
    package var folder = ""
    /// The store's latest committed runs, newest first, before this one (the report's trend).
    package var recentRuns: [StoredRun] = []

    /// How many nights the report's trend shows, this run included.
    package static let trendLength = 30

    /// One disparity's place between runs.
    package struct Lifecycle: Sendable {
        /// The disparity's id (``PadanCore/Disparity/id``), made once.
        package var id: String
        /// First seen this run (`BARU`), else open in the previous run too (`BERLANJUT`).
        package var isNew: Bool
        package var firstSeenRun: String
        /// `YYYY-MM-DD`, for the escalation lists' `Sejak`.
        package var firstSeenDate: String
        package var ageDays: Int

        /// `disparities.csv` `status`.
        package var status: String { isNew ? "BARU" : "BERLANJUT" }
    }

    /// The rows of `disparities.csv`, in output order, with lifecycle columns; each made when read (held
    /// whole, the national run's 170,000 rows were 65 MB of arrays while the folder was written).
    package var rows: LazyMapCollection<Range<Int>, DisparityRow> {
        // The two arrays, not the whole result: each row made through a copy of `self` retained and released
        // every one of its dozens of references.
        // Made in order: the next rows' texts asked for with each (``TextPrefetch``).
        let disparities = disparities, lifecycles = lifecycles
        return disparities.indices.lazy.map { i in
            disparities.withUnsafeBufferPointer { TextPrefetch.disparity($0, at: i + TextPrefetch.distance) }
            return Self.row(i, of: disparities, lifecycles)
        }
    }

    /// Every disparity's id, in `disparities` order (read in place: through `map(\.id)` each disparity was
    /// copied whole to run the getter on).
    package var disparityIDs: [String] {
        disparities.withUnsafeBufferPointer { d in
            d.indices.map { Disparity.id(code: d[$0].code, subject: d[$0].subject, subjectKey: d[$0].subjectKey) }
        }
    }

    /// The `disparities.csv` row of disparity `i`.
    package func row(_ i: Int) -> DisparityRow { Self.row(i, of: disparities, lifecycles) }

    /// The `disparities.csv` row of disparity `i` of `disparities`, with its lifecycle.
    static func row(_ i: Int, of disparities: [Disparity], _ lifecycles: [Lifecycle]) -> DisparityRow {
        let life = lifecycles[i]
        // Read in place: `disparities[i]` as an argument was a whole copy of the finding, then released.
        return disparities.withUnsafeBufferPointer {
            DisparityRow(
                InPlace($0, i), id: life.id, status: life.status, firstSeen: life.firstSeenRun, ageDays: life.ageDays)
        }
    }

    /// How many of `rows` are `BARU`.
    package var newCount: Int { lifecycles.reduce(0) { $0 + ($1.isNew ? 1 : 0) } }

    /// How many disparities each code and each priority has, in one pass reading the code in place (`for d in`
    /// or `filter` copied each of 170,000 disparities nationally), counted by the code's place in the catalogue:
    /// two dictionaries updated per disparity took 0.03 s, three times at the end of a national run (the summary
    /// twice, the report on stderr) with one core idle.
    package var disparityCounts: (byCode: [DisparityCode: Int], byPriority: [Int: Int]) {
        var counts = [Int](repeating: 0, count: DisparityCode.allCases.count)
        disparities.withUnsafeBufferPointer { found in
            for i in found.indices { counts[found[i].code.order] += 1 }
        }
        var byCode = [DisparityCode: Int](), byPriority = [Int: Int]()
        for (code, n) in zip(DisparityCode.allCases, counts) where n > 0 {
            byCode[code] = n
            byPriority[code.priority, default: 0] += n
        }
        return (byCode, byPriority)
    }
}
