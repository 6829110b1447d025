import ArgumentParser
import Foundation
import PadanKit

struct PemadananCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pemadanan",
        abstract: "Menerapkan keputusan BKD dari usulan_pemadanan.csv: SETUJU ke tabel pemadanan, TOLAK diingat.")

    @Argument(help: "Berkas pipeline (TOML).") var pipeline: String
    @Argument(help: "Berkas usulan_pemadanan.csv yang kolom keputusannya sudah diisi.") var file: String

    func run() throws {
        let loaded = try loadPipeline(pipeline)
        do {
            print(try CrosswalkDecisions(pipeline: loaded, decisionFile: file).apply().render(), terminator: "")
        } catch {
            throw fail(error)
        }
    }
}
