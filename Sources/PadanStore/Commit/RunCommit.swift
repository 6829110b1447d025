import PadanCore

/// Everything a finished run leaves in the store, committed at once by
/// ``PadanDatabase/commit(_:)``.
package struct RunCommit: Sendable {
    /// The run's row.
    package var run: StoredRun
    /// Every disparity open in this run. An id given twice is recorded once, with its last row.
    package var observations: [DisparityObservation]
    /// The idempotency keys this run emitted, in any order, repeats allowed. Keys already stored are
    /// ignored and keep their first run, so the run's delta (its keys missing from
    /// ``PadanDatabase/emittedPayloadKeys()``, read under the same lock) is enough, and with
    /// millions of keys much faster to commit than all of them.
    package var payloadKeys: [PayloadKey]

    /// Creates a commit.
    package init(run: StoredRun, observations: [DisparityObservation], payloadKeys: [PayloadKey]) {
        self.run = run
        self.observations = observations
        self.payloadKeys = payloadKeys
    }

    /// What a commit changed, for the caller to check against the counts it computed.
    package struct Outcome: Sendable, Equatable {
        /// Disparities that were open and this run did not observe, now resolved.
        package var resolved: Int
        /// Payload keys stored for the first time.
        package var newPayloadKeys: Int

        /// Creates an outcome.
        package init(resolved: Int, newPayloadKeys: Int) {
            self.resolved = resolved
            self.newPayloadKeys = newPayloadKeys
        }
    }
}
