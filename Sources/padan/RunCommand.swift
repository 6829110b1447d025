import ArgumentParser
import Foundation
import PadanKit

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Menjalankan pemadanan malam ini.")

    @Argument(help: "Berkas pipeline (TOML); bawaan: pipelines/sample.toml.") var pipeline = defaultPipeline
    @Option(name: .customLong("as-of"), help: "Tanggal acuan YYYY-MM-DD (bawaan: hari ini, UTC).") var asOf: String?
    @Option(help: "Folder keluaran (menggantikan output_dir pipeline).") var output: String?
    @Option(help: "Kemajuan di stderr: auto (bilah di terminal, baris biasa jika tidak), always (selalu bilah), never.")
    var progress: RunOptions.Progress = .auto
    @Flag(help: "Tanpa keluaran kecuali galat.") var quiet = false

    func run() throws {
        PadanLog.bootstrap(quiet: quiet)
        Heap.keepFreedBlocks()  // process-wide, so set here by the program rather than by the library
        let options = RunOptions(asOf: try parseDate(asOf), outputDir: output, progress: progress, quiet: quiet)
        let file = try loadPipeline(pipeline, asOf: options.asOf)
        let result: RunResult
        do {
            result = try NightlyRun(pipeline: file, options: options, progress: RunProgress(options: options)).execute()
        } catch {
            throw fail(error)
        }
        if !quiet { print(RunReport.render(result)) }
        // The run is recorded and every file closed. A national run holds millions of records, and freeing
        // them one by one only to exit took seconds: the process ends here and its memory goes back whole.
        withExtendedLifetime(result) {
            fflush(nil)  // every C stream (stdout holds the printed summary)
            Foundation.exit(0)
        }
    }
}

extension RunOptions.Progress: ExpressibleByArgument {}
