import ArgumentParser
import Foundation
import PadanKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Menjelaskan mengapa seorang guru (NIP) atau sebuah sekolah (NPSN) berada pada keadaannya sekarang.")

    @Argument(help: "Berkas pipeline (TOML); bawaan: pipelines/sample.toml.") var pipeline = defaultPipeline
    @Option(help: "NIP orang yang dijelaskan.") var nip: String?
    @Option(help: "NPSN sekolah yang dijelaskan.") var npsn: String?
    @Option(name: .customLong("as-of"), help: "Tanggal acuan YYYY-MM-DD (bawaan: tanggal run terakhir yang tercatat).")
    var asOf: String?

    func validate() throws {
        if (nip == nil) == (npsn == nil) { throw ValidationError("pilih salah satu: --nip NIP atau --npsn NPSN") }
    }

    func run() throws {
        PadanLog.bootstrap(quiet: false)
        let date = try parseDate(asOf)
        let file = try loadPipeline(pipeline, asOf: date)
        let target: Explanation.Target = nip.map { .nip($0) } ?? .npsn(npsn ?? "")
        do {
            print(try Explanation.explain(target, pipeline: file, asOf: date).render(), terminator: "")
        } catch {
            throw fail(error)
        }
    }
}
