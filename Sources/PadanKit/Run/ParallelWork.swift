import Dispatch
import Foundation
import PadanCore

/// Runs the independent pieces of a stage on every core and hands their results back in input order, so
/// no output depends on scheduling. The national benchmark's machine has two cores; one core idle while
/// the other reads, judges or encodes is half the machine unused.
enum ParallelWork {
    /// Threads to use: the active cores, overridable with `PADAN_THREADS` (1 runs everything in line).
    static let width: Int = {
        if let text = ProcessInfo.processInfo.environment["PADAN_THREADS"], let n = Int(text), n >= 1 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// `body(i)` for every `i` in `0..<count`, on up to ``width`` threads; results in index order.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if width == 1 || count <= 1 { return (0..<count).map(body) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: count) { i in slots.buffer[i] = body(i) }
        }
        return results.compactMap { $0 }
    }

    /// The result slots of ``map(_:_:)``: iteration `i` alone writes slot `i`, and the caller reads them
    /// only after every iteration ended, so sharing the buffer is safe.
    private struct Slots<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T?>
    }

    /// `body(range)` over consecutive ranges covering `0..<count` (about `chunk` long each); results in order.
    static func chunks<T: Sendable>(_ count: Int, chunk: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let size = max(1, chunk)
        let pieces = (count + size - 1) / size
        return map(pieces) { p in body((p * size)..<min(count, (p + 1) * size)) }
    }

    /// A ``PadanCore/Spread`` over every core, in ranges about `chunk` long (``chunks(_:chunk:_:)``).
    static func spread(chunk: Int) -> Spread { Spread { count, body in _ = chunks(count, chunk: chunk, body) } }

    /// `first()` and `second()` at the same time (one after the other with one thread); both results.
    static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = map(2) { i -> Either<A, B> in i == 0 ? .first(first()) : .second(second()) }
        guard case .first(let a) = results[0], case .second(let b) = results[1] else {
            preconditionFailure("ParallelWork.both: results out of order")
        }
        return (a, b)
    }

    /// `foreground()` on this thread while `background()` runs on a thread of its own; both results.
    ///
    /// Unlike ``both(_:_:)``, `foreground` may itself spread work over every core (``map(_:_:)``) and have
    /// them all once `background` is done: work spread from inside ``both(_:_:)`` stays on its own thread
    /// (the pool has no thread left for it), which left the payload lines on one core for the last seconds
    /// of a national write stage.
    static func beside<A, B: Sendable>(_ background: @escaping @Sendable () -> B, _ foreground: () -> A) -> (A, B) {
        if width == 1 {
            let a = foreground()
            return (a, background())
        }
        let done = DispatchSemaphore(value: 0)
        let slot = Slot<B>()
        Thread.detachNewThread {
            slot.put(background())
            done.signal()
        }
        let a = foreground()
        done.wait()
        return (a, slot.take())
    }

    /// A value handed from one thread to another: put by one, then (after the work is joined) taken by the
    /// other, which so owns the only reference (arrays in it then grow in place).
    final class Slot<Value>: @unchecked Sendable {
        private var value: Value?

        init(_ value: Value? = nil) { self.value = value }

        func put(_ value: Value) { self.value = value }

        func take() -> Value {
            guard let value else { preconditionFailure("ParallelWork.Slot: taken before a value was put") }
            self.value = nil
            return value
        }
    }

    private enum Either<A: Sendable, B: Sendable>: Sendable {
        case first(A)
        case second(B)
    }
}
