import Foundation
import PadanCore
import PadanReaders
import PadanTestSupport
import Testing

@testable import PadanKit

/// The read stage on the committed sample region (`SampleData/`): files read side by side, put together
/// in kind and file order.
struct InputLoaderTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let pipeline = root.appendingPathComponent("pipelines/sample.toml").path
    static let runDate = CalendarDate(year: 2026, month: 11, day: 22) ?? .unixEpoch

    static func load() throws -> LoadedInputs {
        try InputLoader(pipeline: try PipelineFile.load(pipeline), runDate: runDate).load()
    }

    @Test func recordsOfAKindComeInFileOrderThenLineOrder() throws {
        let loaded = try Self.load()
        let files = ["dapodik/ptk-1.csv", "dapodik/ptk-2.csv", "dapodik/ptk-3.csv.gz"].map { "../SampleData/" + $0 }
        let order = loaded.batch.teachers.map { (files.firstIndex(of: $0.source.file) ?? -1, $0.source.line) }
        #expect(!order.contains { $0.0 < 0 })
        #expect(Set(order.map(\.0)) == [0, 1, 2])
        #expect(zip(order, order.dropFirst()).allSatisfy { a, b in a.0 < b.0 || (a.0 == b.0 && a.1 < b.1) })
        let reported = try #require(loaded.reports[.dapodikPtk])
        #expect(reported.files.map(\.path) == files)
        #expect(reported.rows - reported.rejected == loaded.batch.teachers.count)
    }

    @Test func everyRowReadIsARecordOrAReject() throws {
        let loaded = try Self.load()
        let records = [
            InputKind.dapodikPtk: loaded.batch.teachers.count, .dapodikSekolah: loaded.batch.schools.count,
            .siasnPns: loaded.batch.employees.count, .siasnUnor: loaded.batch.unors.count,
            .unorNpsn: loaded.batch.crosswalk.count, .pmmSkp: loaded.batch.skp.count,
        ]
        for (kind, report) in loaded.reports {
            let rejects = loaded.rejects.filter { $0.kind == kind }
            #expect(report.rows == (records[kind] ?? 0) + rejects.count, "\(kind)")
            #expect(report.rejected == rejects.count, "\(kind)")
        }
    }

    @Test func aGzipFileCountsItsUncompressedBytes() throws {
        // 2,000 rows of one PTK (62,009 bytes of text) in 226 bytes of gzip.
        let gzip = try #require(
            Data(
                base64Encoded: """
                    H4sIAAAAAAACA+3JoQ2AMBAAQM8UDIDok5CAZAYmqONFGwT7BxgBf+bM9drq1PMajrxz3Fv2ek6xrUuJEvPLZwmttdZaa6211lpr\
                    rbXWWmuttdZaa6211lprrbXWWmuttdZaa6211lprrbXWWmuttdZaa6211lprrbXWWmuttdZaa6211lprrbXWWmuttdZaa6211lpr\
                    rbXWWmuttdZaa6211lprrbXWWmuttdZaa6211lprrbXWWmuttdZaa6211lprrbXWWmuttdZaa6211lprrbXWWmuttdZaa6211lpr\
                    rbXWWmuttdZaa6211lprrbXWWuv//QDMyRb3OfIAAA==
                    """))
        let path = TestScratch.url("padan", suffix: ".csv.gz")
            .path
        try gzip.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        #expect(InputLoader.size([path]) == gzip.count)
        #expect(InputLoader.contentSize(path) == 62_009)
        let plain = Self.root.appendingPathComponent("SampleData/dapodik/ptk-1.csv").path
        #expect(InputLoader.contentSize(plain) == InputLoader.size([plain]))
    }

    /// An input given as a symbolic link is sized by the file it names (its table is reserved from that size).
    @Test func aLinkedInputIsSizedByItsFile() throws {
        let plain = Self.root.appendingPathComponent("SampleData/dapodik/ptk-1.csv").path
        let link = TestScratch.url("padan", suffix: ".csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: plain)
        defer { try? FileManager.default.removeItem(atPath: link) }
        #expect(InputLoader.size([link]) == InputLoader.size([plain]))
        #expect(InputLoader.size([plain]) > 1000)
        #expect(InputLoader.contentSize(link) == InputLoader.size([plain]))
    }

    /// A kind's files ending in any order are put together in file order when the last ends, its repeated
    /// keys found; a kind with a file still being read is not.
    @Test func aKindIsPutTogetherInFileOrderWhenItsLastFileEnds() {
        func file(_ path: String, _ ids: [Character]) -> InputLoader.FileLoad {
            var load = InputLoader.FileLoad(kind: .siasnPns, path: path, content: 0)
            load.loaded.batch.employees = ids.enumerated().map { line, id in
                Self.employee(String(repeating: id, count: 32), file: path, line: line + 2)
            }
            load.report = InputFileReport(path: path, sha256: "", rows: ids.count)
            return load
        }
        let files = [file("siasn/pns-1.csv", ["a", "b"]), file("siasn/pns-2.csv", ["c", "a"])]
        let pending = files.map { InputLoader.FileLoad(kind: $0.kind, path: $0.path, content: 0) }
        let assembly = InputLoader.KindAssembly(files: pending, kinds: [(.siasnPns, 0..<2)])
        assembly.finished([files[1]], at: 1..<2)
        #expect(assembly.read[0].report == nil, "put together before its first file ended")
        assembly.finished([files[0]], at: 0..<1)
        let kinds = assembly.take()
        #expect(kinds.count == 1)
        let sources = kinds.first?.loaded.batch.employees.map { "\($0.source)" }
        #expect(sources == ["siasn/pns-1.csv:2", "siasn/pns-1.csv:3", "siasn/pns-2.csv:2", "siasn/pns-2.csv:3"])
        #expect(kinds.first?.report.files.map(\.path) == ["siasn/pns-1.csv", "siasn/pns-2.csv"])
        #expect(kinds.first.map { $0.duplicates.map { [$0.later, $0.first] } } == [[3, 0]])
        #expect(assembly.read.allSatisfy { $0.loaded.batch.employees.isEmpty }, "records moved out, not copied")
    }

    /// A run of files read into one table is put together like its files read one by one, and its first file's
    /// table becomes the kind's without being copied.
    @Test func aRunIsPutTogetherWithoutCopyingItsTable() {
        var run = (0..<3).map {
            InputLoader.FileLoad(kind: .siasnPns, path: "siasn/pns-\($0).csv", content: 0)
        }
        run[0].loaded.batch.employees = (0..<3).map { Self.employee(String(format: "%032d", $0), line: $0 + 2) }
        run[0].loaded.batch.employees.reserveCapacity(100)
        for i in run.indices { run[i].report = InputFileReport(path: run[i].path, sha256: "", rows: i == 0 ? 3 : 0) }
        let table = run[0].loaded.batch.employees.withUnsafeBufferPointer { $0.baseAddress }
        let assembly = InputLoader.KindAssembly(
            files: run.map { InputLoader.FileLoad(kind: $0.kind, path: $0.path, content: 0) },
            kinds: [(.siasnPns, 0..<3)])
        assembly.finished(consume run, at: 0..<3)
        let kinds = assembly.take()
        #expect(kinds.first?.report.files.map(\.path) == ["siasn/pns-0.csv", "siasn/pns-1.csv", "siasn/pns-2.csv"])
        #expect(kinds.first?.loaded.batch.employees.count == 3)
        #expect(kinds.first?.loaded.batch.employees.withUnsafeBufferPointer { $0.baseAddress } == table)
    }

    /// A kind is one run unless it costs more than a thread's share; then it is cut in file order.
    @Test func aKindIsReadAsOneRunUnlessItOutweighsAThreadsShare() {
        // Kinds of 3, 1 and 2 files; costs total 100.
        let kinds = [0..<3, 3..<4, 4..<6]
        let cost = [10, 10, 10, 30, 20, 20]
        #expect(InputLoader.runs(of: kinds, cost: cost, width: 2) == [0..<3, 3..<4, 4..<6])
        #expect(InputLoader.runs(of: kinds, cost: cost, width: 4) == [0..<2, 2..<3, 3..<4, 4..<5, 5..<6])
        #expect(InputLoader.runs(of: kinds, cost: cost, width: 1) == kinds)
        #expect(InputLoader.runs(of: kinds, cost: cost, width: 100) == (0..<6).map { $0..<($0 + 1) })
        #expect(InputLoader.runs(of: [0..<0], cost: [], width: 2) == [])
    }

    static func employee(_ id: String, file: String = "siasn/pns.csv", line: Int) -> SiasnEmployee {
        guard let pnsId = SiasnID(id), let unorId = SiasnID(String(repeating: "d", count: 32)) else {
            preconditionFailure("not a SIASN id: \(id)")
        }
        return SiasnEmployee(
            pnsId: pnsId, nipBaru: Fixture.pnsNIP(serial: line), nipLama: nil, nama: "Guru \(line)",
            gelarDepan: nil, gelarBelakang: nil, birthDate: nil, gender: nil, kedudukan: "Aktif",
            statusCpnsPns: "PNS",
            golonganText: nil, jabatan: "Guru", unorId: unorId, unorNama: nil,
            instansiKerja: "Pemerintah Kab. Tuban", source: SourceLocation(file: file, line: line))
    }

    @Test func laterDuplicatesAreRejectedAndTheRestKeepTheirOrder() {
        func employee(_ id: String, line: Int) -> SiasnEmployee { Self.employee(id, line: line) }
        let a = String(repeating: "a", count: 32), b = String(repeating: "b", count: 32),
            c = String(repeating: "c", count: 32)
        var loaded = LoadedInputs()
        loaded.batch.employees = [
            employee(a, line: 2), employee(b, line: 3), employee(a, line: 4), employee(c, line: 5),
            employee(b, line: 6),
        ]
        loaded.reports[.siasnPns] = InputReport(
            kind: .siasnPns, files: [InputFileReport(path: "siasn/pns.csv", sha256: "", rows: 5)])

        InputLoader.rejectDuplicates(&loaded)

        #expect(loaded.batch.employees.map(\.source.line) == [2, 3, 5])
        #expect(loaded.rejects.map(\.line) == [4, 6])
        #expect(loaded.rejects.first?.reason == "pns_id ganda (sudah ada di siasn/pns.csv:2)")
        #expect(loaded.reports[.siasnPns]?.rejected == 1 + 1)
    }

    @Test func duplicateRejectsCarryTheRawTextOfTheirRowReadAgain() throws {
        let folder = TestScratch.url("padan")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = String(repeating: "a", count: 32), b = String(repeating: "b", count: 32),
            u = String(repeating: "d", count: 32)
        func person(_ id: String, _ nama: String, _ serial: Int) -> String {
            "\(id)|\(Fixture.pnsNIP(serial: serial))|\(nama)|1985-01-01|M|Aktif|Guru Ahli Muda|\(u)|Pemerintah Kab. Tuban"
        }
        let pns =
            [
                "pns_id|nip_baru|nama|tanggal_lahir|jenis_kelamin|kedudukan_hukum_nama|jabatan_nama|unor_id|instansi_kerja_nama",
                person(a, "SULASTRI", 1), person(b, "BUDI", 2), "rusak|1|x",
                person(a.uppercased(), "SULASTRI KEDUA", 3),
            ].joined(separator: "\n") + "\n"
        // Minified XML: every school on line 1, one of them a reject, two later ones repeating the first NPSN.
        func school(_ npsn: String, _ nama: String) -> String {
            "<sekolah><npsn>\(npsn)</npsn><nama>\(nama)</nama><bentuk_pendidikan>SD</bentuk_pendidikan><status_sekolah>N</status_sekolah>"
                + "<kode_wilayah>050619</kode_wilayah><kabupaten_kota>Kab. Tuban</kabupaten_kota><provinsi>Prov. Jawa Timur</provinsi></sekolah>"
        }
        let schools =
            "<d>"
            + [
                school("20504741", "SD A"), school("123", "SD RUSAK"), school("20504744", "SD B"),
                school("20504741", "SD A KEDUA"),
                school("20504741", "SD A KETIGA"),
            ].joined() + "</d>"
        let pnsPath = folder.appendingPathComponent("pns.csv").path
        let schoolPath = folder.appendingPathComponent("sekolah.xml").path
        try pns.write(toFile: pnsPath, atomically: true, encoding: .utf8)
        try schools.write(toFile: schoolPath, atomically: true, encoding: .utf8)

        let loader = InputLoader(pipeline: try PipelineFile.load(Self.pipeline), runDate: Self.runDate)
        var loaded = LoadedInputs()
        for (kind, path) in [(InputKind.siasnPns, pnsPath), (.dapodikSekolah, schoolPath)] {
            let report = try loader.read(kind: kind, path: path, content: 0, laterBytes: 0, into: &loaded)
            loaded.reports[kind] = InputReport(kind: kind, files: [report])
        }
        #expect(loaded.rejects.count == 2)
        let paths = [loader.display(pnsPath): pnsPath, loader.display(schoolPath): schoolPath]
        InputLoader.rejectDuplicates(&loaded, rawFrom: RawTextSource(paths: paths, runDate: Self.runDate))

        let duplicates = loaded.rejects.dropFirst(2)
        #expect(
            duplicates.map(\.reason) == [
                "NPSN ganda (sudah ada di \(loader.display(schoolPath)):1)",
                "NPSN ganda (sudah ada di \(loader.display(schoolPath)):1)",
                "pns_id ganda (sudah ada di \(loader.display(pnsPath)):2)",
            ])
        #expect(
            duplicates.map(\.raw) == [
                school("20504741", "SD A KEDUA"), school("20504741", "SD A KETIGA"),
                person(a.uppercased(), "SULASTRI KEDUA", 3),
            ])
        #expect(loaded.batch.schools.map(\.nama) == ["SD A", "SD B"])
        #expect(loaded.reports[.dapodikSekolah]?.rejected == 3)
    }

    @Test func duplicatesFoundInPartsAreTheDuplicatesFoundAtOnce() {
        // Keys repeated two and three times, spread over both halves of the hash.
        let keys = (0..<2_000).map { i in i % 700 }
        let whole = InputLoader.laterDuplicates(keys, key: { $0 })
        let parts = (0..<2).flatMap { InputLoader.laterDuplicates(keys, key: { $0 }, part: $0, of: 2) }
        #expect(
            parts.sorted { $0.later < $1.later }.map { [$0.later, $0.first] } == whole.map { [$0.later, $0.first] })
        #expect(whole.count == 2_000 - 700)
    }
}
