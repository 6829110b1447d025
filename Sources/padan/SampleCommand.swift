import ArgumentParser
import Foundation
import PadanKit

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Menulis wilayah sintetis (semua jenis input, semua kode disparitas) untuk demo dan benchmark.")

    @Argument(help: "Folder wilayah (dibuat jika belum ada; folder yang sudah berisi ditolak kecuali dengan --force).")
    var directory: String
    @Option(help: "Kira-kira berapa baris PTK Dapodik (nasional: 3000000).") var teachers = 300
    @Option(help: "Benih acak: benih yang sama memberi berkas yang sama.") var seed: UInt64 = 1
    @Option(help: "Daftar sekolah sekolah-2019.csv.gz (bawaan: dicari di shared/data).") var schools: String?
    @Flag(
        help: """
            Menulis ke folder yang sudah berisi: berkas wilayah sintetis ditimpa, dan state/ serta out/ di dalamnya \
            dihapus agar riwayat run wilayah lama tidak tercampur dengan wilayah baru.
            """)
    var force = false
    @Flag(help: "Tanpa keluaran kecuali galat.") var quiet = false

    func validate() throws {
        if teachers < 1 { throw ValidationError("--teachers harus 1 atau lebih, bukan \(teachers)") }
    }

    func run() throws {
        let command = SampleCommandRun(
            directory: directory, teachers: teachers, seed: seed, schoolsPath: schools, force: force)
        do {
            let report = try command.execute()
            if !quiet { print(SampleCommandRun.render(report), terminator: "") }
        } catch {
            throw fail(error)
        }
    }
}
