import Foundation

/// Times the named stages of a run (`summary.json` `stages`) and reports each as it ends.
///
/// Stages may run side by side (schools and units beside people): each is timed on its own thread and
/// reported as it ends, and their seconds then overlap; ``stages`` lists them in the run's order.
package final class StageClock: @unchecked Sendable {
    /// The stages ended so far, in the run's order (``order``) whichever of two side by side ended first.
    package var stages: [(name: String, seconds: Double)] { Self.inRunOrder(lock.withLock { self.ended }) }

    /// The stages ended so far and those still running, these timed up to now (`summary.json` is written
    /// inside the write stage and shows it up to that moment).
    package var stagesSoFar: [(name: String, seconds: Double)] {
        let now = DispatchTime.now().uptimeNanoseconds
        return Self.inRunOrder(
            lock.withLock {
                ended + running.map { (name: $0.name, seconds: Double(now - $0.start) / 1e9) }
            })
    }

    static func inRunOrder(_ stages: [(name: String, seconds: Double)]) -> [(name: String, seconds: Double)] {
        stages.enumerated().sorted { a, b in
            (Self.order.firstIndex(of: a.element.name) ?? Self.order.count, a.offset)
                < (Self.order.firstIndex(of: b.element.name) ?? Self.order.count, b.offset)
        }.map(\.element)
    }

    /// The stages of `padan run`, in order.
    static let order = [
        "read", "normalize", "match_units", "match_people", "candidates", "missing", "judge", "decide", "write",
        "record",
    ]
    private var ended: [(name: String, seconds: Double)] = []
    /// Stages begun and not yet ended, with their start (uptime nanoseconds).
    private var running: [(name: String, start: UInt64)] = []
    private let lock = NSLock()
    private let report: (String, Double, String) -> Void

    /// - Parameter report: called with (stage, seconds, what it did) when a stage ends.
    package init(report: @escaping (String, Double, String) -> Void = { _, _, _ in }) {
        self.report = report
    }

    /// Runs one stage; `detail` describes its result for the progress line. `trimsHeap`: whether the memory the
    /// stage freed is handed back to the system as it ends (``Heap/trim()``); a stage whose freed memory the next
    /// stages take up again keeps it (handed back and taken again, each page costs a fault).
    package func stage<T, Failure: Error>(
        _ name: String, detail: (T) -> String = { _ in "" }, trimsHeap: Bool = true, _ body: () throws(Failure) -> T
    )
        throws(Failure) -> T
    {
        let start = DispatchTime.now().uptimeNanoseconds
        lock.withLock { running.append((name, start)) }
        defer { lock.withLock { running.removeAll { $0.name == name && $0.start == start } } }
        let value = try body()
        // What the stage freed (its temporary tables and strings) back to the system: the run's peak memory
        // otherwise grows by what each stage left behind.
        if trimsHeap { Heap.trim() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let line = detail(value)
        lock.withLock {
            ended.append((name, seconds))
            report(name, seconds, line)
        }
        return value
    }
}

/// The process's heap.
package enum Heap {
    /// Hands the heap's free memory back to the system. glibc otherwise keeps it, in the arena of the thread that
    /// freed it, where no other thread's allocations reuse it.
    static func trim() {
        #if os(Linux)
            _ = glibcMallocTrim(0)
        #endif
    }

    /// Keeps blocks of up to 32 MiB in the heap when freed, for the next allocation to reuse, instead of
    /// handing each back to the system and taking fresh zeroed pages for the next: glibc's defaults map a
    /// block of more than 128 KiB (a table growing, a file's buffer) on its own, and give the top of a heap
    /// back past 128 KiB free. The stages still hand their free memory back as they end (``trim()``).
    ///
    /// Measured nationally, three first runs each, alternated: 15.1–17.0 → 14.1–15.7 s, system time
    /// 2.5–3.4 → 2.3–2.5 s, user time down by as much (fewer page faults and copies), peak memory the same.
    ///
    /// A heap also grows 64 MiB at a time (address space only: a page takes memory when first written). Grown
    /// by what each allocation needed, the threads' heaps were made writable by 51,000 `mprotect` calls in a
    /// national run; now by a few dozen (`strace -c`). Three first runs each, alternated: 17.5–18.0 → 17.3–17.4
    /// CPU-seconds, page faults and peak memory the same.
    package static func keepFreedBlocks() {
        #if os(Linux)
            // M_TRIM_THRESHOLD (-1), M_TOP_PAD (-2) and M_MMAP_THRESHOLD (-3) in glibc's <malloc.h>; 32 MiB is
            // the most glibc takes for the last (half its thread heaps' size).
            _ = glibcMallopt(-1, Int32.max)
            _ = glibcMallopt(-2, 64 << 20)
            _ = glibcMallopt(-3, 32 << 20)
        #endif
    }
}

#if os(Linux)
    /// glibc's `malloc_trim` (not in the Glibc module's headers).
    @_silgen_name("malloc_trim")
    private func glibcMallocTrim(_ pad: Int) -> Int32

    /// glibc's `mallopt`.
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
