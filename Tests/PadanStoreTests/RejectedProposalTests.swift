import PadanStore
import Testing

@Suite("Rejected crosswalk proposals")
struct RejectedProposalTests {
    @Test func rejectionsAreRememberedOnce() throws {
        let store = try PadanDatabase.inMemory()
        let one = ProposalKey(npsn: "20212345", unorID: "A5EB03E2")
        let two = ProposalKey(npsn: "20212345", unorID: "B7710C01")

        try store.rememberRejectedProposals([one, two], decidedAt: "2026-11-23T08:00:00Z", sourceFile: "usulan.csv")
        try store.rememberRejectedProposals([one], decidedAt: "2026-11-24T08:00:00Z", sourceFile: "usulan-2.csv")

        #expect(try store.rejectedProposals() == [one, two])
    }

    @Test func aBatchWithABadProposalIsRememberedNotAtAll() throws {
        let store = try PadanDatabase.inMemory()
        let good = ProposalKey(npsn: "20212345", unorID: "A5EB03E2")
        let empty = ProposalKey(npsn: "", unorID: "B7710C01")

        #expect(throws: StoreError.self) {
            try store.rememberRejectedProposals(
                [good, empty], decidedAt: "2026-11-23T08:00:00Z", sourceFile: "usulan.csv")
        }
        #expect(try store.rejectedProposals().isEmpty)
    }
}
