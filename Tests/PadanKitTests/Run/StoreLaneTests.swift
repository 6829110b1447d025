import PadanCore
import PadanStore
import Testing

@testable import PadanKit

/// The store's transaction beside the write stage: parts handed over as they are made, committed once the
/// run's row comes, nothing left behind when the run is abandoned.
struct StoreLaneTests {
    static let runID = "20261122T190000Z"

    static func row() -> StoredRun {
        StoredRun(
            runID: runID, pipeline: "sample", startedAt: "2026-11-22T19:00:00Z", finishedAt: "2026-11-22T19:04:00Z",
            asOf: "2026-11-22", summaryJSON: #"{"run_id":"\#(runID)"}"#, counts: RunCounts())
    }

    static func observations() -> [DisparityObservation] {
        ["b", "a", "c"].map {
            DisparityObservation(disparityID: $0, code: "NIP_KOSONG", priority: 1, rowJSON: "[\"\($0)\"]")
        }
    }

    static func key(_ n: UInt8) -> PayloadKey { PayloadKey(digest: [UInt8](repeating: 0, count: 31) + [n]) }

    @Test func keysInChunksThenTheRowCommit() throws {
        let store = try PadanDatabase.inMemory()
        let lane = StoreLane(
            database: store, runID: Self.runID, asOf: "2026-11-22", emitted: PayloadKeyIndex([]),
            observations: { Self.observations() })
        lane.provide(keys: [Self.key(3), Self.key(1)])
        lane.provide(keys: [])
        lane.provide(keys: [Self.key(2)])
        lane.keysWritten()
        lane.provide(run: Self.row())
        let outcome = try lane.wait().get()
        #expect(outcome.newPayloadKeys == 3)
        #expect(try store.openDisparities().keys.sorted() == ["a", "b", "c"])
        #expect(try store.emittedPayloadKeys().sortedKeys == [Self.key(1), Self.key(2), Self.key(3)].sorted())
        #expect(try store.runs(last: 5).map(\.runID) == [Self.runID])
    }

    @Test func anAbandonedRunLeavesTheStoreAsItWas() throws {
        let store = try PadanDatabase.inMemory()
        let lane = StoreLane(
            database: store, runID: Self.runID, asOf: "2026-11-22", emitted: PayloadKeyIndex([]),
            observations: { Self.observations() })
        lane.provide(keys: [Self.key(1)])
        lane.abort()
        guard case .failure = lane.wait() else {
            Issue.record("an abandoned run committed")
            return
        }
        #expect(try store.openDisparities().isEmpty)
        #expect(try store.emittedPayloadKeys().isEmpty)
        #expect(try store.runs(last: 5).isEmpty)
    }
}
