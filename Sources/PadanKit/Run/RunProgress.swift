import Foundation

/// Progress on stderr for a BKD operator: a bar redrawn in place when stderr is a terminal, plain lines
/// (one per stage, with counts and seconds) otherwise, nothing when quiet.
///
/// The bar shows the stage reached of the run's nine, its name, and while reading the file, the rows
/// read and rows per second. Redraws are throttled; each stage still leaves one line behind it.
package final class RunProgress: @unchecked Sendable {
    package enum Style: Sendable { case silent, lines, bar }
    package let style: Style

    /// The stages of `padan run`, in order, with the names the operator reads.
    static let stages: [(name: String, label: String)] = [
        ("read", "membaca input"), ("normalize", "menormalkan"), ("match_units", "memadankan sekolah–UNOR"),
        ("match_people", "memadankan NIP"), ("candidates", "mencari kandidat"),
        ("missing", "mencari ASN yang tidak ada di Dapodik"),
        ("judge", "menilai disparitas"), ("decide", "memutuskan SKP"), ("write", "menulis hasil"),
        ("record", "mencatat ke penyimpanan"),
    ]

    private let lock = NSLock()
    private let sink: (String) -> Void
    /// The process's peak resident memory so far in bytes, shown after each stage's seconds (nil: not shown).
    private let peakMemory: () -> Int?
    private let width: Int
    private var stageIndex = 0
    /// Rows read so far per file (files of different kinds are read at the same time).
    private var rowsByFile: [String: Int] = [:]
    private var file = ""
    private var readStarted: UInt64 = 0
    private var lastDraw: UInt64 = 0
    private var barShown = false

    /// - Parameter sink: where text goes (stderr by default; tests pass a collector).
    package init(
        style: Style, width: Int? = nil, sink: @escaping (String) -> Void = RunProgress.writeStandardError,
        peakMemory: @escaping () -> Int? = { nil }
    ) {
        self.style = style
        self.sink = sink
        self.peakMemory = peakMemory
        self.width = width ?? Self.terminalWidth()
    }

    /// Chooses the style: nothing with `--quiet` or `--progress never`; a bar on a terminal (or with
    /// `--progress always`); plain lines otherwise.
    package convenience init(options: RunOptions) {
        let style: Style
        if options.quiet || options.progress == .never {
            style = .silent
        } else if options.progress == .always || isatty(STDERR_FILENO) == 1 {
            style = .bar
        } else {
            style = .lines
        }
        self.init(style: style, peakMemory: RunProgress.peakResidentBytes)
    }

    /// The peak resident set size of this process so far (`getrusage`; Linux counts KiB).
    package static func peakResidentBytes() -> Int? {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
        return Int(usage.ru_maxrss) * 1024
    }

    /// Writes text to stderr as is.
    package static func writeStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The run begins (draws an empty bar).
    package func runStarted() {
        lock.withLock {
            readStarted = Self.now()
            if style == .bar { drawBar(force: true) }
        }
    }

    /// Rows read so far in one file (called every few thousand rows and at the end of each file).
    package func rowsRead(_ kind: String, file: String, rows: Int) {
        lock.withLock {
            guard style == .bar else { return }
            self.file = file
            rowsByFile[file] = rows
            drawBar(force: false)
        }
    }

    /// A stage ended: one line saying what it did and how long it took.
    package func stageEnded(_ name: String, seconds: Double, detail: String) {
        lock.withLock {
            guard style != .silent else { return }
            var line = "[\(name)] \(detail) — \(Self.decimal(seconds, places: 2)) dtk"
            if name == "read", seconds > 0, style == .bar {
                let rows = rowsByFile.values.reduce(0, +)
                line += " (\(Self.grouped(Int(Double(rows) / seconds))) baris/dtk)"
            }
            if let bytes = peakMemory() { line += ", memori puncak \(Self.grouped(bytes >> 20)) MiB" }
            if style == .bar {
                clearBar()
                sink(line + "\n")
                if let i = Self.stages.firstIndex(where: { $0.name == name }) { stageIndex = i + 1 }
                file = ""
                if stageIndex < Self.stages.count { drawBar(force: true) }
            } else {
                sink(line + "\n")
            }
        }
    }

    /// Runs `write` (which prints whole lines to stderr, as the log does) with the bar taken off its line
    /// and drawn again after, so that a warning never lands in the middle of the bar.
    package func aboveBar(_ write: () -> Void) {
        lock.withLock {
            let shown = barShown
            clearBar()
            write()
            if shown { drawBar(force: true) }
        }
    }

    /// The text of the bar for the current state (what `drawBar` prints after a carriage return).
    func barText(now: UInt64) -> String {
        let total = Self.stages.count
        let done = min(stageIndex, total)
        let cells = 20
        let filled = done * cells / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
        let label = done < total ? Self.stages[done].label : "selesai"
        var text = "\(bar) \(min(done + 1, total))/\(total) \(label)"
        if done == 0 {
            let rows = rowsByFile.values.reduce(0, +)
            let seconds = Double(now &- readStarted) / 1e9
            text += " · \(Self.grouped(rows)) baris"
            if seconds > 0.2 { text += " · \(Self.grouped(Int(Double(rows) / seconds))) baris/dtk" }
            if !file.isEmpty { text += " · \(file)" }
        }
        // Never wider than the terminal, or the carriage return would leave broken lines behind.
        let limit = max(20, width - 1)
        if text.count > limit { text = String(text.prefix(limit - 1)) + "…" }
        return text
    }

    private func drawBar(force: Bool) {
        let now = Self.now()
        guard force || now &- lastDraw >= 100_000_000 else { return }
        lastDraw = now
        sink("\r\u{1B}[2K" + barText(now: now))
        barShown = true
    }

    private func clearBar() {
        if barShown { sink("\r\u{1B}[2K") }
        barShown = false
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }

    /// `1234567` as `1.234.567` (Indonesian grouping).
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "." }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `0.0912` as `0,09` (Indonesian decimal comma).
    static func decimal(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value).replacingOccurrences(of: ".", with: ",")
    }
}
