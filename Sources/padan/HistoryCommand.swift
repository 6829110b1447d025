import ArgumentParser
import Foundation
import PadanKit

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Menampilkan run yang tercatat di penyimpanan beserta hitungannya.")

    @Argument(help: "Berkas pipeline (TOML); bawaan: pipelines/sample.toml.") var pipeline = defaultPipeline
    @Option(help: "Hanya N run terakhir.") var last: Int?

    func validate() throws {
        if let last, last < 1 { throw ValidationError("--last harus 1 atau lebih, bukan \(last)") }
    }

    func run() throws {
        let file = try loadPipeline(pipeline)
        do {
            let history = RunHistory(pipeline: file)
            print(RunHistory.render(try history.runs(last: last), pipeline: file), terminator: "")
        } catch {
            throw fail(error)
        }
    }
}
