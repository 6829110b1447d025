/// The counts of a run that `padan history` and the report's trend read back without parsing
/// the summary.
package struct RunCounts: Sendable, Equatable {
    /// Disparities open after the run.
    package var open: Int
    /// Open disparities first seen in this run.
    package var new: Int
    /// Open disparities that were open in the previous run too.
    package var persisting: Int
    /// Disparities open in the previous run and gone in this one.
    package var resolved: Int
    /// Dapodik ASN people linked to a SIASN person.
    package var linked: Int
    /// Dapodik teachers who are ASN.
    package var dapodikASN: Int
    /// SKP payloads that may flow to e-Kinerja.
    package var eligible: Int
    /// SKP rows held back by a blocking disparity.
    package var blocked: Int
    /// SKP rows that are not for e-Kinerja.
    package var skipped: Int
    /// Payloads whose idempotency key no earlier run emitted.
    package var delta: Int

    /// Creates counts; any left out are zero.
    package init(
        open: Int = 0, new: Int = 0, persisting: Int = 0, resolved: Int = 0, linked: Int = 0,
        dapodikASN: Int = 0, eligible: Int = 0, blocked: Int = 0, skipped: Int = 0, delta: Int = 0
    ) {
        self.open = open
        self.new = new
        self.persisting = persisting
        self.resolved = resolved
        self.linked = linked
        self.dapodikASN = dapodikASN
        self.eligible = eligible
        self.blocked = blocked
        self.skipped = skipped
        self.delta = delta
    }
}
