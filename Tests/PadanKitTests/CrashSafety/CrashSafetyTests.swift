import Foundation
import Testing

/// `kill -9` at every point of a run: the store stays as it was until the commit and `latest` until it
/// moves to a whole folder (just before the commit), no half run folder is ever visible, what a killed run left is cleaned up, and the next run writes exactly
/// what an uninterrupted run writes.
///
/// The run is stopped by the `PADAN_TEST_KILL_AT` hook of `RunCrashPoint` (at a point, or a delay after
/// it to land inside a stage) and, for the store's transaction, by the test itself the moment SQLite's
/// rollback journal appears.
@Suite(.serialized)
struct CrashSafetyTests {
    static let firstNight = "2026-11-20"
    static let night = "2026-11-22"

    /// The outputs that must not depend on a crash: disparities without their lifecycle columns, links,
    /// the unit map, and the payloads without the run that made them.
    struct ComparableOutputs: Equatable {
        var disparities: [[String]]
        var links: [[String]]
        var unorMap: [[String]]
        var payloads: [String]
        var files: [String]

        init(_ link: URL) throws {
            let folder = link.resolvingSymlinksInPath()
            let table = try PadanProcess.csv(folder.appendingPathComponent("disparities.csv"))
            let header = table.first ?? []
            let dropped = Set(["status", "first_seen", "age_days"].compactMap { header.firstIndex(of: $0) })
            disparities = table.map { row in row.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) }
            links = try PadanProcess.csv(folder.appendingPathComponent("links.csv"))
            unorMap = try PadanProcess.csv(folder.appendingPathComponent("unor_map.csv"))
            let lines = try String(contentsOf: folder.appendingPathComponent("skp/payloads.jsonl"), encoding: .utf8)
                .split(separator: "\n")
            payloads = try lines.map { line in
                var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                if var source = object["sumber"] as? [String: Any] {
                    source["run_id"] = nil
                    object["sumber"] = source
                }
                return String(
                    decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            }
            files = (FileManager.default.subpaths(atPath: folder.path) ?? []).sorted()
        }
    }

    /// A region with one night already recorded, and the outputs of an uninterrupted second night.
    struct Setup {
        let region: HostileRegion
        let expected: ComparableOutputs

        init?() throws {
            guard CrashSafetyStore.sqlite3 != nil, let region = try HostileRegion.make() else { return nil }
            self.region = region
            #expect(try Self.night(region, CrashSafetyTests.firstNight).status == 0)
            #expect(try Self.night(region, CrashSafetyTests.night).status == 0)
            expected = try ComparableOutputs(region.latest)
        }

        static func night(_ region: HostileRegion, _ date: String, environment: [String: String] = [:]) throws
            -> PadanProcess.Output
        {
            try PadanProcess.run(
                ["run", region.pipeline.path, "--as-of", date, "--quiet"], environment: environment, timeout: 60)
        }

        var out: URL { region.root.appendingPathComponent("out") }

        /// Checks what a killed run left; `committed` tells whether its store transaction had completed.
        func checkAfterKill(before: RegionState, point: String, sourceLocation: SourceLocation = #_sourceLocation)
            throws -> Bool
        {
            let after = try RegionState(region.root)
            let committed = after.store != before.store
            if committed {
                // Only possible once the commit is through: the run is recorded whole.
                #expect(
                    after.runs == before.runs + 1, "\(point): store changed but holds \(after.runs) runs",
                    sourceLocation: sourceLocation)
            } else if after.latest != before.latest {
                // Only between moving `latest` and the commit: it points at the killed run's whole folder (checked
                // below), whose payloads the next run emits again.
                #expect(
                    !before.visible.contains(after.latest) && after.visible.contains(after.latest),
                    "\(point): latest moved to \(after.latest) without a commit", sourceLocation: sourceLocation)
            }
            // Every visible folder is a whole run; a temporary one is hidden. (A kill while `latest` is being
            // moved leaves its temporary link, `latest.tmp-…`, which is no run folder.)
            for name in after.visible
            where name != "latest" && !name.hasPrefix("latest.tmp-") && !before.visible.contains(name) {
                let files = (FileManager.default.subpaths(atPath: out.appendingPathComponent(name).path) ?? []).sorted()
                #expect(
                    files == expected.files, "\(point): half run folder \(name) is visible",
                    sourceLocation: sourceLocation)
            }
            for name in after.visible {
                #expect(
                    !name.contains(".tmp-") || name.hasPrefix("latest.tmp-"), "\(point): \(name)",
                    sourceLocation: sourceLocation)
            }
            return committed
        }

        /// The next run after a kill: it succeeds, cleans up, and writes what an uninterrupted run writes.
        func checkNextRun(point: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let next = try Self.night(region, CrashSafetyTests.night)
            #expect(next.status == 0, "\(point): next run: \(next.stderr)", sourceLocation: sourceLocation)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
                $0.contains(".tmp-")
            }
            #expect(leftovers.isEmpty, "\(point): left behind \(leftovers)", sourceLocation: sourceLocation)
            let outputs = try ComparableOutputs(region.latest)
            #expect(
                outputs == expected, "\(point): outputs differ from an uninterrupted run",
                sourceLocation: sourceLocation)
        }
    }

    /// Kill points of `RunCrashPoint`, and delays after some of them to land inside writing and recording.
    static let points = [
        "locked", "read", "write", "written", "published", "moved", "record", "recorded",
        "write+0.03", "write+0.1", "record+0.005", "record+0.02",
    ]

    /// Points after `latest` moved and before the store commits.
    static let afterLatestMoved: Set<String> = ["moved", "record"]

    @Test func killedAtEveryPointLeavesStoreAndLatestAsBeforeAndTheNextRunAsIfNothingHappened() throws {
        guard let setup = try Setup() else { return }
        defer { setup.region.remove() }
        for point in Self.points {
            let before = try RegionState(setup.region.root)
            let killed = try Setup.night(setup.region, Self.night, environment: ["PADAN_TEST_KILL_AT": point])
            // 9 is SIGKILL; a delayed kill may come after a short run has already finished (0).
            #expect(
                killed.status == 9 || (point.contains("+") && killed.status == 0),
                "\(point): \(killed.status) \(killed.stderr)")
            let committed = try setup.checkAfterKill(before: before, point: point)
            switch point {
            case "recorded": #expect(committed, "killed after the commit, the run must be recorded")
            case let p where !p.contains("+"): #expect(!committed, "\(point): the store changed")
            default: break
            }
            if !point.contains("+") && !committed {
                let moved = try RegionState(setup.region.root).latest != before.latest
                #expect(moved == Self.afterLatestMoved.contains(point), "\(point): latest moved: \(moved)")
            }
            if point == "write" || point == "written" {
                // The killed run's temporary folder is there, hidden, for the next run to remove.
                let hidden = try FileManager.default.contentsOfDirectory(atPath: setup.out.path).filter {
                    $0.hasPrefix(".") && $0.contains(".tmp-")
                }
                #expect(hidden.count == 1, "\(point): \(hidden)")
            }
            if point == "published" {
                #expect(try RegionState(setup.region.root).visible.count == before.visible.count + 1)
            }
            try setup.checkNextRun(point: point)
        }
    }

    /// A run killed after `latest` moved but before the store committed: the store is as before, `latest`
    /// shows the killed run's whole folder with its delta, and the next run's delta holds those payloads
    /// again (none is recorded as emitted without a delta that `latest` showed).
    @Test func killedAfterLatestMovedLeavesTheStoreAndTheNextDeltaHoldsThePayloadsAgain() throws {
        guard CrashSafetyStore.sqlite3 != nil, let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        // The first night knows half the SKP rows, so the second night has payloads to emit.
        let skp = try region.bytes("pmm/skp.csv")
        let lines = skp.split(separator: 0x0A, omittingEmptySubsequences: false)
        let half = Array(lines.prefix(1 + (lines.count - 1) / 2).joined(separator: [0x0A])) + [0x0A]
        try region.replace("pmm/skp.csv", with: Array(half))
        #expect(try Setup.night(region, Self.firstNight).status == 0)
        try region.replace("pmm/skp.csv", with: skp)

        func deltaKeys() throws -> Set<String> {
            let text = try String(contentsOf: region.latest.appendingPathComponent("skp/delta.jsonl"), encoding: .utf8)
            return Set(
                try text.split(separator: "\n").map { line in
                    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                    return try #require(object["idempotency_key"] as? String)
                })
        }
        var killedDelta: Set<String>?
        for point in ["moved", "record"] {
            let before = try RegionState(region.root)
            let killed = try Setup.night(region, Self.night, environment: ["PADAN_TEST_KILL_AT": point])
            #expect(killed.status == 9, "\(point): \(killed.status) \(killed.stderr)")
            let after = try RegionState(region.root)
            #expect(after.store == before.store, "\(point): the store changed")
            #expect(after.runs == 1)
            #expect(after.latest != before.latest && after.visible.contains(after.latest), "\(point): \(after.latest)")
            let delta = try deltaKeys()
            #expect(!delta.isEmpty, "\(point): the killed run's delta is empty")
            if let killedDelta { #expect(delta == killedDelta, "\(point): another delta than the run killed before") }
            killedDelta = delta
        }
        let next = try Setup.night(region, Self.night)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try deltaKeys() == killedDelta, "the next run's delta must hold the killed runs' payloads again")
        #expect(try RegionState(region.root).runs == 2)
    }

    @Test func killedInsideTheStoreTransactionRollsBack() throws {
        guard let setup = try Setup() else { return }
        defer { setup.region.remove() }
        let journal = setup.region.url("state/padan.sqlite-journal").path
        var caught = 0
        for _ in 0..<3 {
            let before = try RegionState(setup.region.root)
            let process = Process()
            process.executableURL = PadanProcess.binary
            process.arguments = ["run", setup.region.pipeline.path, "--as-of", Self.night, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var seen = false
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning && Date() < deadline {
                if access(journal, F_OK) == 0 {
                    kill(process.processIdentifier, SIGKILL)
                    seen = true
                    break
                }
            }
            process.waitUntilExit()
            if seen {
                caught += 1
                #expect(FileManager.default.fileExists(atPath: journal), "a killed transaction leaves its journal")
                let committed = try setup.checkAfterKill(before: before, point: "journal")
                #expect(!committed, "killed while the journal existed, yet the run was recorded")
            }
            try setup.checkNextRun(point: "journal")
        }
        // The commit takes tens of milliseconds and the poll a few microseconds: it is always caught.
        #expect(caught > 0, "the store's transaction was never caught in the act")
    }

    @Test func secondRunWhileTheFirstHoldsTheStoreExits75AndChangesNothing() throws {
        guard let setup = try Setup() else { return }
        defer { setup.region.remove() }
        let lock = setup.region.url("state/padan.sqlite.lock").path
        let first = Process()
        first.executableURL = PadanProcess.binary
        first.arguments = ["run", setup.region.pipeline.path, "--as-of", Self.night, "--quiet"]
        first.environment = ProcessInfo.processInfo.environment.merging(["PADAN_TEST_PAUSE_AT": "read+3"]) { _, new in
            new
        }
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        // The holder text appears once the lock is taken.
        let deadline = Date().addingTimeInterval(20)
        func holderWritten() -> Bool {
            ((try? FileManager.default.attributesOfItem(atPath: lock)[.size] as? Int) ?? 0) > 0
        }
        while !holderWritten() && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        let before = try RegionState(setup.region.root)
        let holder = try String(contentsOfFile: lock, encoding: .utf8)

        let second = try Setup.night(setup.region, Self.night)
        #expect(second.status == 75, "\(second.stderr)")
        #expect(second.stderr.contains("pid \(first.processIdentifier)"), "\(second.stderr)")
        #expect(try RegionState(setup.region.root) == before)
        #expect(try String(contentsOfFile: lock, encoding: .utf8) == holder)

        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(try ComparableOutputs(setup.region.latest) == setup.expected)
    }
}
