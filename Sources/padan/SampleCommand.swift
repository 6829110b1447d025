import ArgumentParser
import Foundation
import PadanKit

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Menulis wilayah sintetis (semua jenis input, semua kode disparitas) untuk demo dan benchmark.")

    @Argument(help: "Folder wilayah (dibuat jika belum ada).") var directory: String
    @Option(help: "Kira-kira berapa baris PTK Dapodik (nasional: 3000000).") var teachers = 300
    @Option(help: "Benih acak: benih yang sama memberi berkas yang sama.") var seed: UInt64 = 1
    @Option(help: "Daftar sekolah sekolah-2019.csv.gz (bawaan: dicari di shared/data).") var schools: String?
    @Flag(help: "Tanpa keluaran kecuali galat.") var quiet = false

    func validate() throws {
        if teachers < 1 { throw ValidationError("--teachers harus 1 atau lebih, bukan \(teachers)") }
    }

    func run() throws {
        let command = SampleCommandRun(directory: directory, teachers: teachers, seed: seed, schoolsPath: schools)
        do {
            let report = try command.execute()
            if !quiet { print(SampleCommandRun.render(report), terminator: "") }
        } catch {
            throw fail(error)
        }
    }
}
