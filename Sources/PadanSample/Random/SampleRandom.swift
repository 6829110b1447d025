/// The generator's only source of randomness: xoshiro256** seeded through SplitMix64.
///
/// Every helper is written out here rather than borrowed from the standard library
/// (`Int.random(in:using:)`, `shuffled(using:)`), whose algorithms may change between Swift
/// releases: a seed must give the same region on every toolchain.
package struct SampleRandom: Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A stream for `seed`; equal seeds give equal streams.
    package init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
    }

    /// An independent stream derived from this one's seed material and `label` (a school's NPSN, a
    /// round number), without advancing this stream: generation order never shifts other streams.
    package func fork(_ label: UInt64) -> SampleRandom {
        var mixer = SplitMix64(state: state.0 ^ (label &* 0x9E37_79B9_7F4A_7C15) ^ state.3)
        return SampleRandom(seed: mixer.next())
    }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotate(state.3, 45)
        return result
    }

    /// A uniform integer in `range` (which must not be empty).
    package mutating func int(_ range: Range<Int>) -> Int {
        let width = UInt64(range.count)
        guard width > 0 else { return range.lowerBound }
        // Multiply-shift (Lemire) without the rejection step: the bias is below 2^-40 here.
        let product = next().multipliedFullWidth(by: width)
        return range.lowerBound + Int(product.high)
    }

    /// A uniform integer in `range`.
    package mutating func int(_ range: ClosedRange<Int>) -> Int {
        int(range.lowerBound..<(range.upperBound + 1))
    }

    /// True with probability `probability`.
    package mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// One element of a non-empty array.
    package mutating func pick<T>(_ items: [T]) -> T {
        items[int(0..<items.count)]
    }

    /// One element, chosen with the given relative weights (same length as `items`).
    package mutating func weighted<T>(_ items: [T], _ weights: [Double]) -> T {
        let total = weights.reduce(0, +)
        var point = Double(next() >> 11) / Double(1 << 53) * total
        for (index, weight) in weights.enumerated() {
            if point < weight { return items[index] }
            point -= weight
        }
        return items[items.count - 1]
    }

    /// The array in a random order (Fisher–Yates).
    package mutating func shuffled<T>(_ items: [T]) -> [T] {
        var copy = items
        var index = copy.count - 1
        while index > 0 {
            copy.swapAt(index, int(0...index))
            index -= 1
        }
        return copy
    }

    private func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}

/// SplitMix64, used only to spread a seed over xoshiro's state.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
