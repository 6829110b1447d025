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
        subcommands: [
            RunCommand.self, CheckCommand.self, PemadananCommand.self, ExplainCommand.self, HistoryCommand.self,
            SampleCommand.self,
        ])

    /// Parses and runs the command; a command line the parser cannot read is told in Bahasa Indonesia (the
    /// parser's own messages are English), exit 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // Help, and a command's own exit (its message already printed): as the parser does.
            if code == .success || error is ExitCode { exit(withError: error) }
            FileHandle.standardError.write(Data("padan: \(UsageText.bahasa(message(for: error)))\n".utf8))
            FileHandle.standardError.write(Data("Bantuan: padan --help, atau padan PERINTAH --help\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }
}

/// The parser's usage errors, as an operator reads them.
enum UsageText {
    /// `english` (ArgumentParser's message) in Bahasa Indonesia where its form is known, else after a Bahasa
    /// lead-in.
    static func bahasa(_ english: String) -> String {
        let forms: [(prefix: String, bahasa: String)] = [
            ("Missing expected argument ", "argumen wajib tidak ada: "),
            ("Unknown option ", "opsi tidak dikenal: "),
            ("Unexpected argument ", "argumen tidak dikenal: "),
            ("Unexpected arguments ", "argumen tidak dikenal: "),
            ("Missing value for ", "nilai tidak ada untuk "),
        ]
        let line = english.split(separator: "\n").first.map(String.init) ?? english
        for form in forms where line.hasPrefix(form.prefix) { return form.bahasa + line.dropFirst(form.prefix.count) }
        if line.hasPrefix("The value "), let range = line.range(of: " is invalid for ") {
            let value = line[line.index(line.startIndex, offsetBy: 10)..<range.lowerBound]
            let rest = line[range.upperBound...]
                .replacingOccurrences(of: ". Please provide one of ", with: "; pilih salah satu: ")
                .replacingOccurrences(of: "' or '", with: "' atau '")
            return "nilai \(value) tidak sah untuk \(rest)"
        }
        // Otherwise one of the commands' own checks, already in Bahasa Indonesia.
        return english
    }
}

/// Prints a failure for the operator and exits with its sysexits code.
func fail(_ error: PadanError) -> ExitCode {
    FileHandle.standardError.write(Data("padan: \(error.message)\n".utf8))
    return ExitCode(error.exitCode)
}

/// The pipeline `run`, `check`, `history` and `explain` use when none is named (`pipeline.md`: a fresh clone
/// runs the sample pipeline on `SampleData/` with no options).
let defaultPipeline = "pipelines/sample.toml"

/// The pipeline file at `path`; a `[[penilai]]` NIP's birth date is bounded by `asOf` when the command was given
/// one (`--as-of`), as the inputs' NIPs are, else by today.
func loadPipeline(_ path: String, asOf: CalendarDate? = nil) throws -> PipelineFile {
    if path == defaultPipeline, !FileManager.default.fileExists(atPath: path) {
        throw fail(
            PadanError(
                .usage,
                "tidak ada berkas pipeline yang disebut, dan \(path) tidak ada di folder ini: sebutkan berkasnya, mis. padan run pipelines/kabupaten-anda.toml"
            ))
    }
    do {
        if let asOf { return try PipelineFile.load(path, today: asOf) }
        return try PipelineFile.load(path)
    } catch {
        throw fail(error)
    }
}

func parseDate(_ text: String?) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let date = CalendarDate(iso: text) else {
        throw ValidationError("--as-of harus tanggal YYYY-MM-DD, bukan '\(text)'")
    }
    return date
}
