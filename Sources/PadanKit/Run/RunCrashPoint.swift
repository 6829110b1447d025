import Foundation

/// A test hook for the crash-safety tests: stops a run with SIGKILL (as `kill -9` would) at a named point.
///
/// - `PADAN_TEST_KILL_AT=<point>` kills the process when the run reaches `<point>`.
/// - `PADAN_TEST_KILL_AT=<point>+<seconds>` kills it that long after, while the run goes on, to land
///   inside a stage (writing the folder, the store's transaction).
/// - `PADAN_TEST_PAUSE_AT=<point>+<seconds>` sleeps there instead, so a test can start a second run
///   while this one holds the store.
///
/// Points, in run order: `locked`, `read`, `write`, `written`, `published`, `moved` (`latest` points at
/// the new folder, the store not yet committed), `record`, `recorded` (see ``NightlyRun/execute()``).
/// Without these variables nothing happens.
enum RunCrashPoint {
    private static let killTrigger = Trigger(ProcessInfo.processInfo.environment["PADAN_TEST_KILL_AT"])
    private static let pauseTrigger = Trigger(ProcessInfo.processInfo.environment["PADAN_TEST_PAUSE_AT"])

    static func reached(_ point: String) {
        if let pause = pauseTrigger, pause.point == point { Thread.sleep(forTimeInterval: pause.delay) }
        guard let trigger = killTrigger, trigger.point == point else { return }
        guard trigger.delay > 0 else {
            kill(getpid(), SIGKILL)
            return
        }
        let delay = trigger.delay
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: delay)
            kill(getpid(), SIGKILL)
        }
    }

    private struct Trigger: Sendable {
        var point: String
        var delay: Double

        init?(_ text: String?) {
            guard let text, !text.isEmpty else { return nil }
            let parts = text.split(separator: "+", maxSplits: 1).map(String.init)
            point = parts[0]
            delay = parts.count > 1 ? Double(parts[1]) ?? 0 : 0
        }
    }
}
