import Foundation
import PadanCore
import Testing

@testable import PadanKit

/// The pipeline file's keys and values: each wrong one a `.data` error (65) naming the key, read before any input.
struct PipelineFileTests {
    /// A valid pipeline file (its inputs need not exist to load it) with `edit` applied.
    static func pipeline(_ edit: (String) -> String = { $0 }) -> String {
        edit(
            """
            version = 1
            name = "uji"
            store = "state/padan.sqlite"
            output_dir = "out"

            [inputs]
            dapodik_ptk = ["dapodik/ptk-*.csv"]
            dapodik_sekolah = "dapodik/sekolah.xml"
            siasn_pns = "siasn/pns.csv"
            siasn_unor = "siasn/unor.csv"

            [periode]
            aktif = "2024-S2"

            [matching]
            name_threshold = 0.90
            unor_threshold = 0.85
            unor_margin = 0.05

            [[penilai]]
            instansi = "Pemerintah Kab. Tuban"
            nip = "197008102001031762"

            [[penilai]]
            instansi = "Pemerintah Provinsi Jawa Timur"
            nip = "197706172004012440"

            """)
    }

    static func load(_ text: String) throws(PadanError) -> PipelineFile {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("padan-\(UUID().uuidString).toml").path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try PipelineFile.load(path)
    }

    /// The message of the error loading `text` gives (without the file's path), or nil when it loads.
    static func error(_ text: String) -> String? {
        do {
            _ = try load(text)
            return nil
        } catch {
            #expect(error.exitCode == 65)
            return error.message.split(separator: ": ", maxSplits: 1).last.map(String.init)
        }
    }

    @Test func theExampleLoadsWithoutWarnings() throws {
        let file = try Self.load(Self.pipeline())
        #expect(file.periodeAktif.description == "2024-S2")
        #expect(file.heads.count == 2)
    }

    /// The payload schema takes `periode.tahun` from 2023 to 2100: a period out of it would make every payload
    /// invalid.
    @Test(arguments: [("2022-S2", false), ("2023-S1", true), ("2100-S2", true), ("2101-S1", false), ("2204-S2", false)])
    func activePeriodYearMustBeOneAPayloadCanCarry(_ aktif: String, _ accepted: Bool) {
        let message = Self.error(Self.pipeline { $0.replacingOccurrences(of: "\"2024-S2\"", with: "\"\(aktif)\"") })
        if accepted {
            #expect(message == nil)
        } else {
            let year = aktif.prefix(4)
            #expect(message == "periode.aktif \"\(aktif)\": tahun \(year) di luar rentang 2023–2100 yang diterima e-Kinerja")
        }
    }

    /// A newer file is told as newer, whatever new keys it holds.
    @Test func theVersionIsCheckedBeforeTheKeys() {
        let message = Self.error(
            Self.pipeline {
                $0.replacingOccurrences(of: "version = 1", with: "version = 2\nzona_waktu = \"WIB\"")
                    .replacingOccurrences(of: "[periode]", with: "[periode]\nmulai = \"2024-07-01\"")
            })
        #expect(message == "version = 2 lebih baru dari yang dikenal program ini (1)")
    }

    @Test func aMissingVersionIsAnError() {
        let message = Self.error(Self.pipeline { $0.replacingOccurrences(of: "version = 1\n", with: "") })
        #expect(message == "kunci 'version' wajib diisi (angka)")
    }
}
