import Foundation
import Testing

@testable import PadanKit

/// Stage times: `summary.json` is written inside the write stage, which must be in it, timed so far.
struct StageClockTests {
    @Test func stagesSoFarIncludeTheRunningStageInRunOrder() {
        let clock = StageClock()
        clock.stage("read") { Thread.sleep(forTimeInterval: 0.01) }
        let inside = clock.stage("write") { () -> [(name: String, seconds: Double)] in
            Thread.sleep(forTimeInterval: 0.01)
            return clock.stagesSoFar
        }
        #expect(inside.map(\.name) == ["read", "write"])
        #expect((inside.last?.seconds ?? 0) >= 0.01)
        // Ended stages alone once it is over, and nothing left running.
        #expect(clock.stages.map(\.name) == ["read", "write"])
        #expect(clock.stagesSoFar.map(\.name) == ["read", "write"])
    }
}
