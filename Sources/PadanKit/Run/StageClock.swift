import Foundation

/// Times the named stages of a run (`summary.json` `stages`) and reports each as it ends.
package final class StageClock {
    package private(set) var stages: [(name: String, seconds: Double)] = []
    private let report: (String, Double, String) -> Void

    /// - Parameter report: called with (stage, seconds, what it did) when a stage ends.
    package init(report: @escaping (String, Double, String) -> Void = { _, _, _ in }) {
        self.report = report
    }

    /// Runs one stage; `detail` describes its result for the progress line.
    package func stage<T>(_ name: String, detail: (T) -> String = { _ in "" }, _ body: () throws(PadanError) -> T)
        throws(PadanError) -> T
    {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        #if os(Linux)
            // Hand the heap the stage freed back to the system (its temporary tables and strings); glibc
            // otherwise keeps it, and the run's peak memory grows by what each stage left behind.
            _ = glibcMallocTrim(0)
        #endif
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        stages.append((name, seconds))
        report(name, seconds, detail(value))
        return value
    }
}

#if os(Linux)
    /// glibc's `malloc_trim` (not in the Glibc module's headers).
    @_silgen_name("malloc_trim")
    private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
