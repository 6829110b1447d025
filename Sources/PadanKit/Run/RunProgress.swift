import Foundation

/// Progress on stderr: plain lines (one per stage, with counts and seconds), or nothing when quiet.
package struct RunProgress: Sendable {
    package enum Style: Sendable { case silent, lines, bar }
    package var style: Style

    package init(style: Style) { self.style = style }

    /// Chooses the style from the options and whether stderr is a terminal.
    package init(options: RunOptions) {
        if options.quiet || options.progress == .never {
            style = .silent
        } else if options.progress == .always || isatty(STDERR_FILENO) == 1 {
            style = isatty(STDERR_FILENO) == 1 ? .bar : .lines
        } else {
            style = .lines
        }
    }

    func emit(_ text: String) {
        guard style != .silent else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    package func fileRead(_ kind: String, file: String, rows: Int) {
        if style == .bar { emit("  membaca \(kind): \(file) (\(rows) baris)") }
    }

    package func stageEnded(_ name: String, seconds: Double, detail: String) {
        let secs = String(format: "%.2f", seconds)
        emit("[\(name)] \(detail) — \(secs) dtk")
    }
}
