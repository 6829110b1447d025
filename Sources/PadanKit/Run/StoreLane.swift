import Foundation
import PadanCore
import PadanStore

/// The store's one transaction, opened on its own thread while the run folder is written.
///
/// The disparities are recorded at once; the payload keys as soon as the payload files are written; the
/// run's row once the folder is published, and then the transaction commits. So the store's work overlaps
/// the writing (nationally about 4 CPU-seconds that ran alone after it), and the order a crash sees is
/// unchanged: nothing is committed before the folder is in place and `latest` points at it (`NightlyRun`).
/// ``abort()`` rolls it back.
final class StoreLane: @unchecked Sendable {
    private let keys = KeyQueue()
    private let run = Handoff<StoredRun>()
    private let finished = DispatchSemaphore(value: 0)
    private var outcome: Result<RunCommit.Outcome, StoreError>?

    /// The run was abandoned before its parts were all handed over.
    struct Aborted: Error {}

    /// Starts the transaction; `observations()` is called on the lane's thread (its rows are made there,
    /// beside the writing, and let go of once recorded). `emitted` is the store's keys as the run read them
    /// (under the lock the run holds until the commit ends).
    init(
        database: PadanDatabase, runID: String, asOf: String, emitted: PayloadKeyIndex,
        observations: @escaping @Sendable () -> any DisparityObservations
    ) {
        Thread.detachNewThread { [self] in
            outcome = Result { () throws(StoreError) in
                try database.commit(
                    runID: runID, asOf: asOf, observations: observations, payloadKeys: keys.next,
                    run: { try self.run.take() }, stored: emitted)
            }
            finished.signal()
        }
    }

    /// Keys of the run's delta lines, as a block of lines is written (stored while the next are encoded).
    func provide(keys: [PayloadKey]) { self.keys.add(keys) }

    /// Every delta line is written: no more keys.
    func keysWritten() { keys.finish(nil) }

    /// The run's row: the folder is published, the transaction may commit.
    func provide(run: StoredRun) { self.run.put(.success(run)) }

    /// Rolls the transaction back (the folder could not be written).
    func abort() {
        keys.finish(Aborted())
        run.put(.failure(Aborted()))
    }

    /// Waits for the transaction's end.
    func wait() -> Result<RunCommit.Outcome, StoreError> {
        finished.wait()
        finished.signal()
        guard let outcome else { preconditionFailure("StoreLane: finished without an outcome") }
        return outcome
    }

    /// Chunks of keys handed from the payload writer to the store's thread, in order.
    private final class KeyQueue: @unchecked Sendable {
        private let condition = NSCondition()
        private var chunks: [[PayloadKey]] = []
        private var ended = false
        private var failure: (any Error)?

        func add(_ chunk: [PayloadKey]) {
            guard !chunk.isEmpty else { return }
            condition.withLock {
                chunks.append(chunk)
                condition.broadcast()
            }
        }

        /// No more chunks; with an error, the transaction is abandoned.
        func finish(_ error: (any Error)?) {
            condition.withLock {
                if !ended {
                    ended = true
                    failure = error
                }
                condition.broadcast()
            }
        }

        /// The next chunk, waiting for it; nil after the last.
        func next() throws -> [PayloadKey]? {
            try condition.withLock {
                while chunks.isEmpty && !ended { condition.wait() }
                if let failure { throw failure }
                return chunks.isEmpty ? nil : chunks.removeFirst()
            }
        }
    }

    /// One value handed from one thread to another; the first one put is the one taken.
    private final class Handoff<Value>: @unchecked Sendable {
        private let condition = NSCondition()
        private var value: Result<Value, any Error>?

        func put(_ value: Result<Value, any Error>) {
            condition.withLock {
                if self.value == nil { self.value = value }
                condition.broadcast()
            }
        }

        func take() throws -> Value {
            try condition.withLock {
                while true {
                    if let value { return try value.get() }
                    condition.wait()
                }
            }
        }
    }
}
