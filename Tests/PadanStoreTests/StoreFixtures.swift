import Foundation
import PadanCore
import PadanStore
import PadanTestSupport

/// Runs, observations and temporary folders shared by the store tests.
enum StoreFixtures {
    /// A run row with a plausible summary; `day` picks the as-of date in November 2026.
    static func run(_ runID: String, day: Int = 22, counts: RunCounts = RunCounts()) -> StoredRun {
        StoredRun(
            runID: runID,
            pipeline: "sample",
            startedAt: "2026-11-\(day)T19:00:00Z",
            finishedAt: "2026-11-\(day)T19:04:00Z",
            asOf: "2026-11-\(day)",
            summaryJSON: #"{"run_id":"\#(runID)"}"#,
            counts: counts
        )
    }

    /// An observation whose row records the run it was written for.
    static func observation(_ id: String, in runID: String, priority: Int = 2) -> DisparityObservation {
        DisparityObservation(
            disparityID: id,
            code: "NIP_TIDAK_DITEMUKAN",
            priority: priority,
            rowJSON: #"{"disparity_id":"\#(id)","row_of":"\#(runID)"}"#
        )
    }

    /// A payload key made from a small number (its last byte).
    static func key(_ n: UInt8) -> PayloadKey { PayloadKey(digest: [UInt8](repeating: 0, count: 31) + [n]) }

    /// A commit of `runID` observing `ids` and emitting `keys`.
    static func commit(
        _ runID: String, day: Int = 22, observing ids: [String], keys: [PayloadKey] = []
    ) -> RunCommit {
        RunCommit(
            run: run(runID, day: day),
            observations: ids.map { observation($0, in: runID) },
            payloadKeys: keys
        )
    }
}

/// A fresh folder under the system's temporary folder, removed by ``remove()``.
struct TemporaryFolder {
    /// The folder's path.
    let path: String

    init() throws {
        path =
            TestScratch.url("padan-store").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Removes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The permission bits of the file at `path`.
func permissions(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}
