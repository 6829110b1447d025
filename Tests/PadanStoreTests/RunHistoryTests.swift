import PadanStore
import Testing

@Suite("Runs in the store")
struct RunHistoryTests {
    @Test func aRunRoundTripsWithItsCounts() throws {
        let store = try PadanDatabase.inMemory()
        let counts = RunCounts(
            open: 10, new: 4, persisting: 6, resolved: 2, linked: 900, dapodikASN: 1000,
            eligible: 800, blocked: 50, skipped: 30, delta: 12)
        let run = StoredRun(
            runID: "20261122T190000Z-2", pipeline: "jabar", startedAt: "2026-11-22T19:00:00Z",
            finishedAt: "2026-11-22T19:05:10Z", asOf: "2026-11-20",
            summaryJSON: #"{"run_id":"20261122T190000Z-2"}"#, counts: counts)

        try store.commit(RunCommit(run: run, observations: [], payloadKeys: []))

        #expect(try store.run(id: "20261122T190000Z-2") == run)
        #expect(try store.run(id: "20261122T190000Z") == nil)
    }

    @Test func runsComeNewestFirst() throws {
        let store = try PadanDatabase.inMemory()
        // Committed in this order; `-10` sorts before `-9` as text but came later.
        let ids = ["20261120T190000Z", "20261121T190000Z-9", "20261121T190000Z-10"]
        for id in ids {
            try store.commit(StoreFixtures.commit(id, observing: []))
        }

        #expect(try store.runs(last: nil).map(\.runID) == ids.reversed())
        #expect(try store.runs(last: 2).map(\.runID) == ["20261121T190000Z-10", "20261121T190000Z-9"])
        #expect(try store.runs(last: 0).isEmpty)
        #expect(try store.lastRun()?.runID == "20261121T190000Z-10")
    }

    @Test(arguments: ["2026-11-22", "20261122T1900Z", "20261122T190000Z-", "20261122T190000Z-x", ""])
    func aMalformedRunIDIsRefused(runID: String) throws {
        let store = try PadanDatabase.inMemory()

        let error = try #require(throws: StoreError.self) {
            try store.commit(StoreFixtures.commit(runID, observing: []))
        }
        #expect(error.description.contains("data melanggar aturan penyimpanan"))
        #expect(try store.lastRun() == nil)
    }

    @Test func aSummaryThatIsNotJSONIsRefused() throws {
        let store = try PadanDatabase.inMemory()
        var run = StoreFixtures.run("20261122T190000Z")
        run.summaryJSON = "{not json"

        #expect(throws: StoreError.self) {
            try store.commit(RunCommit(run: run, observations: [], payloadKeys: []))
        }
    }
}
