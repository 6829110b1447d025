import Foundation
import Logging
import Testing

@testable import PadanKit

final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func add(_ s: String) { lock.withLock { parts.append(s) } }
    var text: String { lock.withLock { parts.joined() } }
}

@Suite struct RunProgressTests {
    @Test func plainLinesOnePerStage() {
        let out = Collected()
        let progress = RunProgress(style: .lines, width: 80) { out.add($0) }
        progress.runStarted()
        progress.rowsRead("dapodik_ptk", file: "ptk.csv", rows: 4096)
        progress.stageEnded("read", seconds: 0.5, detail: "734 baris orang, 7 ditolak")
        progress.stageEnded("match", seconds: 0.02, detail: "267 ASN tertaut")
        #expect(out.text == "[read] 734 baris orang, 7 ditolak — 0,50 dtk\n[match] 267 ASN tertaut — 0,02 dtk\n")
    }

    @Test func barRedrawsInPlaceAndLeavesStageLines() {
        let out = Collected()
        let progress = RunProgress(style: .bar, width: 100) { out.add($0) }
        progress.runStarted()
        progress.rowsRead("dapodik_ptk", file: "ptk.csv", rows: 8192)
        progress.stageEnded("read", seconds: 2, detail: "8192 baris orang")
        let text = out.text
        #expect(text.contains("\r"))
        #expect(text.contains("1/10 membaca input"))
        #expect(text.contains("[read] 8192 baris orang — 2,00 dtk (4.096 baris/dtk)\n"))
        #expect(text.contains("2/10 menormalkan"))
        #expect(!text.split(separator: "\r").contains { $0.count > 110 }, "never wider than the terminal")
    }

    @Test func linesWrittenAboveTheBarLeaveItWhole() {
        let out = Collected()
        let progress = RunProgress(style: .bar, width: 100) { out.add($0) }
        progress.runStarted()
        progress.stageEnded("read", seconds: 2, detail: "8192 baris orang")
        progress.aboveBar { out.add("padan: peringatan: ptk-2.csv: bukan UTF-8\n") }
        let text = out.text
        #expect(
            text.contains("\r\u{1B}[2Kpadan: peringatan: ptk-2.csv: bukan UTF-8\n\r\u{1B}[2K"),
            "cleared, then drawn again")
        #expect(text.hasSuffix("2/10 menormalkan"))
    }

    @Test func silentPrintsNothing() {
        let out = Collected()
        let progress = RunProgress(style: .silent) { out.add($0) }
        progress.runStarted()
        progress.stageEnded("read", seconds: 1, detail: "x")
        #expect(out.text.isEmpty)
        #expect(RunProgress(options: RunOptions(quiet: true)).style == .silent)
        #expect(RunProgress(options: RunOptions(progress: .never)).style == .silent)
    }

    @Test func logLinesMaskPersonalNumbers() {
        let out = Collected()
        let handler = StderrLogHandler(label: "t", level: .debug) { out.add($0) }
        var logger = Logger(label: "t") { _ in handler }
        logger.logLevel = .debug
        logger.warning("baris ditolak: ptk.csv:12: NIP 198501012010011001 NIK 3201234567890123")
        #expect(
            out.text == "padan: peringatan: baris ditolak: ptk.csv:12: NIP 198501******011001 NIK 32**************\n")
        #expect(StderrLogHandler.redact("run 20250110 selesai") == "run 20250110 selesai")
    }
}
