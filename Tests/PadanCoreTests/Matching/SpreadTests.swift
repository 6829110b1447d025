import Dispatch
import PadanCore
import Testing

/// `Spread`: results in item order whatever ranges run, in whatever order, on whatever threads.
@Suite("Spread")
struct SpreadTests {
    /// Ranges of `size` items, run backwards on several threads at once.
    static func backwards(size: Int) -> Spread {
        Spread { count, body in
            let pieces = (count + size - 1) / size
            DispatchQueue.concurrentPerform(iterations: pieces) { k in
                let p = pieces - 1 - k
                body(p * size..<min(count, (p + 1) * size))
            }
        }
    }

    static let spreads: [Spread] = [.serial, backwards(size: 1), backwards(size: 7), backwards(size: 1000)]

    @Test(arguments: 0..<spreads.count)
    func eachGivesEveryItemInOrder(_ s: Int) {
        let squares = Self.spreads[s].each(500) { $0 * $0 }
        #expect(squares == (0..<500).map { $0 * $0 })
    }

    @Test(arguments: 0..<spreads.count)
    func fillPlacesARangesValuesWhereTheyBelong(_ s: Int) {
        // Values holding references (texts), made with the range's own state: the first item of each range says so.
        let texts = Self.spreads[s].fill(300) { range, put in
            for k in range { put(k == range.lowerBound ? "first \(k)" : "item \(k) of \(range.lowerBound)") }
        }
        #expect(texts.count == 300)
        #expect(texts.enumerated().allSatisfy { k, text in text == "first \(k)" || text.hasPrefix("item \(k) of ") })
    }

    @Test(arguments: 0..<spreads.count)
    func mapGivesTheRangesInOrder(_ s: Int) {
        let starts = Self.spreads[s].map(100) { $0.lowerBound }
        #expect(starts == starts.sorted())
        #expect(starts.first == 0)
    }

    @Test func nothingToSpread() {
        #expect(Self.backwards(size: 3).fill(0) { (_: Range<Int>, _: (Int) -> Void) in }.isEmpty)
        #expect(Self.backwards(size: 3).each(0) { $0 }.isEmpty)
    }
}
