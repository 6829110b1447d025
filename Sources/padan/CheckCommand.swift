import ArgumentParser
import Foundation
import PadanKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Membaca semua input dan melaporkan baris yang akan ditolak, tanpa menulis apa pun.")

    @Argument(help: "Berkas pipeline (TOML); bawaan: pipelines/sample.toml.") var pipeline = defaultPipeline
    @Option(name: .customLong("as-of"), help: "Tanggal acuan YYYY-MM-DD (bawaan: hari ini, UTC).") var asOf: String?

    func run() throws {
        let date = try parseDate(asOf)
        let file = try loadPipeline(pipeline, asOf: date)
        let day = date ?? RunReport.today()
        do {
            let loaded = try PipelineCheck(pipeline: file).run(asOf: day)
            print(PipelineCheck.render(loaded, pipeline: file), terminator: "")
        } catch {
            throw fail(error)
        }
    }
}
