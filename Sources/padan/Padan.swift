import ArgumentParser
import Foundation
import PadanCore
import PadanKit

/// The `padan` command line: commands only; every command's logic lives in PadanKit.
@main
struct Padan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "padan",
        abstract: "Padan: pemadanan data guru Dapodik dan SIASN agar SKP dapat mengalir ke e-Kinerja BKN.",
        subcommands: [RunCommand.self, CheckCommand.self, PemadananCommand.self, ExplainCommand.self, HistoryCommand.self, SampleCommand.self])
}

/// Prints a failure for the operator and exits with its sysexits code.
func fail(_ error: PadanError) -> ExitCode {
    FileHandle.standardError.write(Data("padan: \(error.message)\n".utf8))
    return ExitCode(error.exitCode)
}

/// The pipeline `run`, `check`, `history` and `explain` use when none is named (`pipeline.md`: a fresh clone
/// runs the sample pipeline on `SampleData/` with no options).
let defaultPipeline = "pipelines/sample.toml"

func loadPipeline(_ path: String) throws -> PipelineFile {
    if path == defaultPipeline, !FileManager.default.fileExists(atPath: path) {
        throw fail(PadanError(.usage, "tidak ada berkas pipeline yang disebut, dan \(path) tidak ada di folder ini: sebutkan berkasnya, mis. padan run pipelines/kabupaten-anda.toml"))
    }
    do { return try PipelineFile.load(path) } catch { throw fail(error) }
}

func parseDate(_ text: String?) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let date = CalendarDate(iso: text) else {
        throw ValidationError("--as-of harus tanggal YYYY-MM-DD, bukan '\(text)'")
    }
    return date
}
