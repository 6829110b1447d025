import Foundation
import Testing

/// Inputs that are not files, and pipeline files that are wrong: exit 65 naming the path or the key, at
/// once, and nothing written.
@Suite(.serialized)
struct FileAndPipelineHostileTests {
    static let skp = "pmm/skp.csv"

    enum NotAFile: String, CaseIterable {
        case folder, danglingLink, fifo, endlessDevice
    }

    @Test(arguments: NotAFile.allCases)
    func inputThatIsNotARegularFileExits65AtOnce(kind: NotAFile) throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let path = region.url(Self.skp).path
        try FileManager.default.removeItem(atPath: path)
        let reason: String
        switch kind {
        case .folder:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            reason = "bukan berkas (folder)"
        case .danglingLink:
            // Tests run as root, for whom no permission bit stops a read: a link to nowhere stands in.
            try FileManager.default.createSymbolicLink(
                atPath: path, withDestinationPath: region.root.path + "/tidak/ada.csv")
            reason = "berkas tidak ada"
        case .fifo:
            // Opening a FIFO for reading waits for a writer: without care, forever.
            #expect(mkfifo(path, 0o644) == 0)
            reason = "bukan berkas biasa"
        case .endlessDevice:
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
            reason = "bukan berkas biasa"
        }
        let run = try region.run(timeout: 20)
        #expect(!run.timedOut, "padan hung on a \(kind)")
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("\(Self.skp): tidak dapat dibaca: \(reason)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: region.latest.path))
    }

    struct PipelineCase: CustomTestStringConvertible, Sendable {
        var name: String
        var edit: @Sendable (String) -> String
        /// Text stderr must hold.
        var message: String
        var status: Int32 = 65
        var testDescription: String { name }
    }

    static let pipelineCases: [PipelineCase] = [
        PipelineCase(
            name: "unknown top-level key",
            edit: { $0.replacingOccurrences(of: "name = ", with: "jenis = \"x\"\nname = ") },
            message: "pipeline.toml:4: kunci tidak dikenal 'jenis'"),
        PipelineCase(
            name: "unknown input kind",
            edit: { $0.replacingOccurrences(of: "[inputs]", with: "[inputs]\ndapodik_guru = \"guru.csv\"") },
            message: "pipeline.toml:9: kunci tidak dikenal 'inputs.dapodik_guru'"),
        PipelineCase(
            name: "newer version", edit: { $0.replacingOccurrences(of: "version = 1", with: "version = 2") },
            message: "pipeline.toml:3: version = 2 lebih baru dari yang dikenal program ini (1)"),
        PipelineCase(
            name: "newer version with a key of its own",
            edit: { $0.replacingOccurrences(of: "version = 1", with: "version = 2\nzona_waktu = \"WIB\"") },
            message: "pipeline.toml:3: version = 2 lebih baru dari yang dikenal program ini (1)"),
        PipelineCase(
            name: "required input missing",
            edit: { $0.split(separator: "\n").filter { !$0.hasPrefix("siasn_unor") }.joined(separator: "\n") },
            message: "pipeline.toml: input wajib 'inputs.siasn_unor' tidak ada"),
        PipelineCase(
            name: "active period no payload can carry",
            edit: { $0.replacingOccurrences(of: "aktif = \"2024-S2\"", with: "aktif = \"2022-S2\"") },
            message: "pipeline.toml:17: periode.aktif \"2022-S2\": tahun 2022 di luar rentang 2023–2100"),
        PipelineCase(
            name: "input file missing",
            edit: { $0.replacingOccurrences(of: "\"pmm/skp.csv\"", with: "\"pmm/skp-2024.csv\"") },
            message: "pmm/skp-2024.csv: tidak dapat dibaca: berkas tidak ada"),
        PipelineCase(
            name: "path escaping with .. to nowhere",
            edit: { $0.replacingOccurrences(of: "\"siasn/pns.csv\"", with: "\"../../../../tidak-ada/siasn/pns.csv\"") },
            message: "../../../../tidak-ada/siasn/pns.csv: tidak dapat dibaca: berkas tidak ada"),
        PipelineCase(
            name: "glob escaping with .. to nowhere",
            edit: { $0.replacingOccurrences(of: "\"dapodik/ptk-*.csv\"", with: "\"../../tidak-ada/ptk-*.csv\"") },
            message: "input 'dapodik_ptk': ../../tidak-ada/ptk-*.csv: tidak ada berkas yang cocok"),
        PipelineCase(
            name: "output folder that cannot be made",
            edit: {
                $0.replacingOccurrences(
                    of: "output_dir = \"out\"", with: "output_dir = \"../../../../../../proc/tidak-ada/out\"")
            },
            message: "proc/tidak-ada/out: folder keluaran tidak dapat dibuat: folder atau berkas itu tidak ada",
            status: 73),
        PipelineCase(
            name: "store under a file",
            edit: {
                $0.replacingOccurrences(
                    of: "store = \"state/padan.sqlite\"", with: "store = \"pipeline.toml/padan.sqlite\"")
            },
            message: "kunci penyimpanan tidak dapat dipasang", status: 70),
        PipelineCase(
            name: "two UPTs with one escalation file name",
            edit: { $0.replacingOccurrences(of: "nama = \"BGP Jawa Timur\"", with: "nama = \"BGP  Tuban!\"") },
            message: "pipeline.toml: upt[1] (\"BGP Tuban\") dan upt[2] (\"BGP  Tuban!\") memakai nama berkas eskalasi "
                + "yang sama (escalation/bgp-tuban.csv)"),
    ]

    /// `padan check` reads the pipeline file as `padan run` does.
    @Test func checkRefusesAnActivePeriodNoPayloadCanCarry() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        try region.editPipeline { $0.replacingOccurrences(of: "aktif = \"2024-S2\"", with: "aktif = \"2101-S1\"") }
        let check = try region.check()
        #expect(check.status == 65, "\(check.stderr)")
        #expect(check.stderr.contains("pipeline.toml:17: periode.aktif \"2101-S1\": tahun 2101 di luar rentang"))
    }

    /// A head of office whose `instansi` reads as no government: the run goes on and says so on stderr, in
    /// `summary.json` and in `padan check`.
    @Test func aPenilaiOfNoGovernmentIsAWarningOfTheRun() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        try region.editPipeline { $0.replacingOccurrences(of: "Pemerintah Kab. Tuban", with: "Dinas Pendidikan Tuban") }
        let warning = "penilai[1].instansi \"Dinas Pendidikan Tuban\" tidak terbaca sebagai pemerintah daerah"
        let run = try region.run(timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("peringatan"), "\(run.stderr)")
        #expect(run.stderr.contains(warning), "\(run.stderr)")
        let summary = try JSONSerialization.jsonObject(
            with: Data(contentsOf: region.latest.appendingPathComponent("summary.json")))
        let warnings = (summary as? [String: Any])?["warnings"] as? [String] ?? []
        #expect(warnings.contains { $0.contains(warning) }, "\(warnings)")
        let check = try region.check()
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("peringatan: "), "\(check.stdout)")
        #expect(check.stdout.contains(warning), "\(check.stdout)")
    }

    /// A head of office whose NIP (valid) SIASN does not hold: the run goes on, and says which principals it
    /// cannot rate.
    @Test func aPenilaiMissingFromSiasnIsAWarningOfTheRun() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        try region.editPipeline { $0.replacingOccurrences(of: "197008102001031762", with: "197001011995031001") }
        let run = try region.run(timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        let warning = "[[penilai]] Pemerintah Kab. Tuban: NIP 197001011995031001 tidak ditemukan di SIASN"
        // On stderr the NIP is masked, as every personal number in a log line is.
        #expect(
            run.stderr.contains("[[penilai]] Pemerintah Kab. Tuban: NIP 197001******031001 tidak ditemukan di SIASN"),
            "\(run.stderr)")
        let summary = try JSONSerialization.jsonObject(
            with: Data(contentsOf: region.latest.appendingPathComponent("summary.json")))
        let warnings = (summary as? [String: Any])?["warnings"] as? [String] ?? []
        #expect(warnings.contains { $0.hasPrefix(warning) }, "\(warnings)")
    }

    @Test(arguments: pipelineCases)
    func brokenPipelineExitsNamingTheKeyOrPath(_ broken: PipelineCase) throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        try region.editPipeline(broken.edit)

        let run = try region.run(timeout: 30)
        #expect(run.status == broken.status, "\(run.stderr)")
        #expect(run.stderr.contains(broken.message), "\(run.stderr)")
        // What the system said is told in Bahasa Indonesia, not in Foundation's English.
        #expect(!run.stderr.contains("could not"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: region.latest.path))
        if broken.status != 65 {
            // Refused before reading: no stage line was printed.
            #expect(!run.stderr.contains("[read]"), "\(run.stderr)")
        }
        if broken.status == 65 {
            // Nothing was recorded: a bad pipeline file or input never reaches the store.
            let store = region.url("state/padan.sqlite").path
            let size = (try? FileManager.default.attributesOfItem(atPath: store)[.size] as? Int) ?? 0
            #expect(try CrashSafetyStore.runCount(store) == 0 || size == 0)
        }
    }
}
