import PadanCore
import Testing

@testable import PadanWriters

@Suite("TextPrefetch")
struct TextPrefetchTests {
    @Test func everyTextOfAFindingHasItsPlace() {
        // One per `String` field the writers read: a field the layout cannot place would go unasked, silently.
        #expect(TextPrefetch.disparityTexts.count == 15)
        #expect(Set(TextPrefetch.disparityTexts).count == 15)
        #expect(TextPrefetch.disparityTexts.allSatisfy { $0 + 16 <= MemoryLayout<Disparity>.size })
    }

    @Test func askingAheadIsHarmlessForShortLongAndMissingTextsAndPastTheEnd() {
        var long = Disparity(code: .namaBerbeda, subject: .ptk, subjectKey: "ptk:" + String(repeating: "x", count: 40))
        long.nama = "Drs. H. Ahmad Fauzi Rahmatullah, S.Pd., M.Pd."
        long.kabupatenKota = "Kab. Tuban"
        let found = [long, Disparity(code: .nipTidakValid, subject: .ptk, subjectKey: "")]
        found.withUnsafeBufferPointer { buffer in
            for i in 0...3 {
                TextPrefetch.finding(buffer, at: i)
                TextPrefetch.disparity(buffer, at: i)
            }
        }
        #expect(found[0].nama == long.nama)
        UnsafeBufferPointer<Disparity>(start: nil, count: 0).withMemoryRebound(to: Disparity.self) {
            TextPrefetch.disparity($0, at: 0)
        }
    }
}
