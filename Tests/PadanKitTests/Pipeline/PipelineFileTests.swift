import Foundation
import PadanCore
import PadanTestSupport
import Testing

@testable import PadanKit

/// The pipeline file's values: each wrong one a `.data` error (65) naming the key, read before any input.
struct PipelineFileTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22) ?? .unixEpoch

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
        let path = TestScratch.url("padan", suffix: ".toml").path
        precondition(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)), "cannot write \(path)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try PipelineFile.load(path, today: today)
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
        #expect(file.warnings.isEmpty)
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
            #expect(
                message == "periode.aktif \"\(aktif)\": tahun \(year) di luar rentang 2023–2100 yang diterima e-Kinerja"
            )
        }
    }

    @Test(arguments: [
        ("name_threshold", "5"), ("unor_threshold", "-0.1"), ("unor_margin", "nan"), ("unor_margin", "inf"),
    ])
    func matchingValuesAreNumbersFromZeroToOne(_ key: String, _ value: String) {
        let pipeline = Self.pipeline {
            $0.replacingOccurrences(of: "\(key) = [0-9.]+", with: "\(key) = \(value)", options: .regularExpression)
        }
        #expect(Self.error(pipeline) == "matching.\(key) harus angka dari 0 sampai 1, bukan \(value)")
    }

    /// The full message of the error loading `text`, path and line included.
    static func fullError(_ text: String) -> String? {
        do {
            _ = try load(text)
            return nil
        } catch {
            return error.message
        }
    }

    /// A diagnostic about a key names the line that writes it (`outputs.md`: `file:line`); one about a key the
    /// file does not write names the file alone.
    @Test func keyErrorsNameTheirLine() throws {
        let unknown = try #require(
            Self.fullError(
                Self.pipeline { $0.replacingOccurrences(of: "version = 1\n", with: "version = 1\ncolour = \"biru\"\n") }
            ))
        #expect(unknown.hasSuffix(":2: kunci tidak dikenal 'colour'"), "\(unknown)")
        // After the last `[[penilai]]` header, a key is that table's (TOML), and named so.
        let trailing = try #require(Self.fullError(Self.pipeline { $0 + "colour = \"biru\"\n" }))
        #expect(trailing.hasSuffix(":27: kunci tidak dikenal 'penilai[2].colour'"), "\(trailing)")
        let inTable = try #require(
            Self.fullError(
                Self.pipeline {
                    $0.replacingOccurrences(of: "unor_margin = 0.05", with: "unor_margin = 0.05\nmargin = 1")
                }))
        #expect(inTable.hasSuffix(":19: kunci tidak dikenal 'matching.margin'"), "\(inTable)")
        let threshold = try #require(
            Self.fullError(
                Self.pipeline { $0.replacingOccurrences(of: "name_threshold = 0.90", with: "name_threshold = 5") }))
        #expect(
            threshold.hasSuffix(":16: matching.name_threshold harus angka dari 0 sampai 1, bukan 5"), "\(threshold)")
        let secondHead = try #require(
            Self.fullError(Self.pipeline { $0.replacingOccurrences(of: "197706172004012440", with: "abc") }))
        #expect(
            secondHead.contains(":26: penilai[2].nip (Pemerintah Provinsi Jawa Timur) bukan NIP yang sah"),
            "\(secondHead)")
        let missing = try #require(
            Self.fullError(Self.pipeline { $0.replacingOccurrences(of: "name = \"uji\"\n", with: "") }))
        #expect(missing.hasSuffix(".toml: kunci 'name' wajib diisi (teks)"), "\(missing)")
    }

    @Test func aMatchingValueWrittenAsTextIsRefused() {
        let pipeline = Self.pipeline {
            $0.replacingOccurrences(of: "unor_margin = 0.05", with: "unor_margin = \"0.05\"")
        }
        #expect(Self.error(pipeline) == "matching.unor_margin harus angka")
    }

    @Test func matchingBoundsAreAccepted() throws {
        let file = try Self.load(
            Self.pipeline {
                $0.replacingOccurrences(of: "name_threshold = 0.90", with: "name_threshold = 1")
                    .replacingOccurrences(of: "unor_margin = 0.05", with: "unor_margin = 0")
            })
        #expect(file.nameThreshold == 1)
        #expect(file.unorMargin == 0)
    }

    @Test(arguments: [
        ("abc", "NIP berisi karakter selain angka"),
        ("19700810200103176", "NIP terdiri dari 17 angka, seharusnya 18"),
        ("197008102001131762", "bagian TMT CPNS dalam NIP tidak sah"),
        ("1.97008E+17", "rusak oleh spreadsheet"),
    ])
    func aPenilaiNIPMustBeAValidNIP(_ nip: String, _ why: String) throws {
        let message = try #require(
            Self.error(Self.pipeline { $0.replacingOccurrences(of: "197706172004012440", with: nip) }))
        #expect(message.hasPrefix("penilai[2].nip (Pemerintah Provinsi Jawa Timur) "), "\(message)")
        #expect(message.contains(why), "\(message)")
    }

    @Test func aPenilaiNIPIsReadAsTheInputsAreRead() throws {
        // Grouped as on a letter, and a PPPK NIP (digits 13–14 read as "month" 21–29 by the PNS rule).
        let file = try Self.load(
            Self.pipeline {
                $0.replacingOccurrences(of: "197008102001031762", with: "19700810 200103 1 762")
                    .replacingOccurrences(of: "197706172004012440", with: "197706172021221001")
            })
        #expect(file.heads.map(\.nip) == ["19700810 200103 1 762", "197706172021221001"])
    }

    @Test func twoPenilaiOfOneGovernmentAreRefused() {
        let message = Self.error(
            Self.pipeline {
                $0 + """

                    [[penilai]]
                    instansi = "Pemerintah Kabupaten TUBAN"
                    nip = "196805121994031002"

                    """
            })
        #expect(
            message == "penilai[1].instansi (\"Pemerintah Kab. Tuban\") dan penilai[3].instansi "
                + "(\"Pemerintah Kabupaten TUBAN\") menyebut pemerintah yang sama (Kab. Tuban); "
                + "satu pemerintah hanya punya satu kepala dinas")
    }

    @Test func aPenilaiWhoseInstansiReadsAsNoGovernmentIsAWarning() throws {
        let file = try Self.load(
            Self.pipeline { $0.replacingOccurrences(of: "Pemerintah Kab. Tuban", with: "Dinas Pendidikan Tuban") })
        #expect(file.heads.count == 2)
        #expect(file.warnings.count == 1)
        #expect(
            file.warnings.first?.contains(
                ": penilai[1].instansi \"Dinas Pendidikan Tuban\" tidak terbaca sebagai pemerintah daerah") == true)
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
