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
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        stages.append((name, seconds))
        report(name, seconds, detail(value))
        return value
    }
}
