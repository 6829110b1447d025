import PadanCore

/// Options of `padan run`.
package struct RunOptions: Sendable {
    /// How progress is shown on stderr.
    package enum Progress: String, Sendable, CaseIterable {
        case auto, always, never
    }

    /// The date ages are counted to and NIP birth dates are bounded by (default: today, UTC).
    package var asOf: CalendarDate?
    /// Overrides the pipeline's `output_dir`.
    package var outputDir: String?
    package var progress: Progress = .auto
    package var quiet = false

    package init(asOf: CalendarDate? = nil, outputDir: String? = nil, progress: Progress = .auto, quiet: Bool = false) {
        self.asOf = asOf
        self.outputDir = outputDir
        self.progress = progress
        self.quiet = quiet
    }
}
