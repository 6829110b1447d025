import Foundation

/// How the independent parts of a stage's work over `count` items are run: over ranges that cover them, perhaps
/// several at once on other threads. PadanCore does not choose threads; the caller gives the spread (a nightly
/// run spreads over every core, ``serial`` runs one range on this thread). Results come back in range order, so
/// no result depends on the spread.
public struct Spread: Sendable {
    private let run: @Sendable (_ count: Int, _ body: @escaping @Sendable (Range<Int>) -> Void) -> Void

    /// `run(count, body)` calls `body` once for each range of ranges covering `0..<count`, in any order and on any
    /// threads, and returns once every call has.
    public init(_ run: @escaping @Sendable (_ count: Int, _ body: @escaping @Sendable (Range<Int>) -> Void) -> Void) {
        self.run = run
    }

    /// One range, on this thread.
    public static let serial = Spread { count, body in body(0..<count) }

    /// `make(range)` for each range the spread runs, in range order.
    public func map<T>(_ count: Int, _ make: @escaping @Sendable (Range<Int>) -> T) -> [T] {
        let results = Results<T>()
        run(count) { range in results.add(make(range), at: range.lowerBound) }
        return results.inOrder()
    }

    /// `make(k)` for every `k` in `0..<count`, in order.
    public func each<T>(_ count: Int, _ make: @escaping @Sendable (Int) -> T) -> [T] {
        fill(count) { range, put in
            for k in range { put(make(k)) }
        }
    }

    /// The values of `0..<count`, in order, made range by range: `make(range, put)` calls `put` with the value of
    /// each item of its range, in order. Each value goes straight to its place in the result: no array per range
    /// to join after (for 1.7 million teachers, 40 MB more at the peak and a copy of every value).
    public func fill<T>(_ count: Int, _ make: @escaping @Sendable (Range<Int>, _ put: (T) -> Void) -> Void) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { preconditionFailure("Spread.fill: no room for \(count) values") }
            let slots = Slots(base: base)
            run(count) { range in
                var next = range.lowerBound
                make(range) { value in
                    precondition(next < range.upperBound, "Spread.fill: more values than items in \(range)")
                    (slots.base + next).initialize(to: value)
                    next += 1
                }
                precondition(next == range.upperBound, "Spread.fill: \(next - range.lowerBound) values for \(range)")
            }
            initialized = count
        }
    }

    /// The result being filled: each range writes only its own items, and it is read once every range is done.
    private struct Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
    }

    /// The ranges' results as they end, each with where its range starts.
    private final class Results<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [(start: Int, value: T)] = []

        func add(_ value: T, at start: Int) { lock.withLock { parts.append((start, value)) } }

        func inOrder() -> [T] { lock.withLock { parts.sorted { $0.start < $1.start }.map(\.value) } }
    }
}
