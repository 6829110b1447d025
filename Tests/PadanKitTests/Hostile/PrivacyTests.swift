import Foundation
import Testing

/// Personal data stays in files only their owner and group read, and out of log lines and of the pages
/// that travel by e-mail.
@Suite(.serialized)
struct PrivacyTests {
    /// NIK, NIP and birth dates of every person in region-a's inputs, as written there.
    struct PersonalData {
        var niks: Set<String> = []
        var nips: Set<String> = []
        var birthDates: Set<String> = []

        init(_ region: HostileRegion) throws {
            func column(_ file: String, _ names: [String]) throws -> [String] {
                let rows = try PadanProcess.csv(region.url(file))
                guard let header = rows.first else { return [] }
                let indices = names.compactMap { header.firstIndex(of: $0) }
                return rows.dropFirst().flatMap { row in indices.compactMap { $0 < row.count ? row[$0] : nil } }
            }
            for file in ["dapodik/ptk-1.csv", "dapodik/ptk-2.csv"] {
                niks.formUnion(try column(file, ["nik"]))
                nips.formUnion(try column(file, ["nip"]))
                birthDates.formUnion(try column(file, ["tanggal_lahir"]))
            }
            nips.formUnion(try column("siasn/pns.csv", ["nip_baru"]))
            birthDates.formUnion(try column("siasn/pns.csv", ["tanggal_lahir"]))
            nips.formUnion(try column("pmm/skp.csv", ["nip", "nip_penilai"]))
            // As NIP.read sees them: spaces, dots and a leading `'` are not part of the number.
            nips = Set(nips.map { String($0.filter(\.isNumber)) }.filter { $0.count == 18 })
            niks = niks.filter { $0.count == 16 && $0.allSatisfy(\.isNumber) }
            birthDates = birthDates.filter { $0.count == 10 && $0 != "01-01-0001" }
        }
    }

    @Test func everyFileWithPersonalDataIsOwnerAndGroupOnlyEvenUnderUmask000() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        // A cron job may run with any umask: the modes must not depend on it.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            "-c", "umask 000 && exec \"$0\" run \"$1\" --as-of \(HostileRegion.asOf) --quiet", PadanProcess.binary.path,
            region.pipeline.path,
        ]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)

        let folder = try FileManager.default.destinationOfSymbolicLink(atPath: region.latest.path)
        let base = region.root.appendingPathComponent("out").appendingPathComponent(folder)
        var paths = [base.path]
        paths += (FileManager.default.subpaths(atPath: base.path) ?? []).map { base.appendingPathComponent($0).path }
        let state = region.root.appendingPathComponent("state")
        paths += (try FileManager.default.contentsOfDirectory(atPath: state.path)).map {
            state.appendingPathComponent($0).path
        }
        let names = Set(paths.map { ($0 as NSString).lastPathComponent })
        for expected in [
            "report.html", "summary.json", "rejects.csv", "links.csv", "payloads.jsonl", "padan.sqlite",
            "padan.sqlite.lock",
        ] {
            #expect(names.contains(expected), "\(expected) missing")
        }
        #expect(paths.contains { $0.contains("/escalation/") })
        for path in paths {
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o777
            #expect(mode & 0o027 == 0, "\(path): mode \(String(mode, radix: 8)), expected 0640/0750 or stricter")
        }
    }

    @Test func noNikNipOrBirthDateInLogLinesAtTheDefaultLevel() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let personal = try PersonalData(region)
        #expect(personal.niks.count > 100 && personal.nips.count > 100 && personal.birthDates.count > 100)
        // Warnings on top of the usual progress lines: a Windows-1252 byte and a DTD entity.
        let ptk = "dapodik/ptk-1.csv"
        var bytes = try region.bytes(ptk)
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 5 })
        bytes.insert(0xE9, at: at)
        try region.replace(ptk, with: bytes)
        let schools = "dapodik/sekolah.xml"
        let xml = try region.text(schools).replacingOccurrences(of: "</nama>", with: " &x;</nama>")
            .replacingOccurrences(
                of: "<daftar_sekolah>", with: "<!DOCTYPE daftar_sekolah [<!ENTITY x \"y\">]>\n<daftar_sekolah>")
        try region.replace(schools, with: xml)

        // No flags: the level, the progress lines and the summary are what cron mails the operator.
        let run = try PadanProcess.run(["run", region.pipeline.path, "--as-of", HostileRegion.asOf])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("peringatan"), "expected warnings in: \(run.stderr)")
        for (stream, text) in [("stderr", run.stderr), ("stdout", run.stdout)] {
            for nik in personal.niks where text.contains(nik) {
                Issue.record("\(stream) carries NIK \(nik.prefix(2))…")
            }
            for nip in personal.nips where text.contains(nip) {
                Issue.record("\(stream) carries full NIP \(nip.prefix(6))…")
            }
            for date in personal.birthDates where text.contains(date) { Issue.record("\(stream) carries a birth date") }
            // Any 16–18 digit run at all would be a NIK or a NIP that the log masking missed.
            if text.firstMatch(of: /\d{16,18}/) != nil { Issue.record("\(stream) carries a long digit run") }
        }
    }

    @Test func reportAndEscalationListsCarryNoNik() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let personal = try PersonalData(region)
        let run = try region.run(["--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let pages = try region.runFiles().filter { $0 == "report.html" || $0.hasPrefix("escalation/") }
        #expect(pages.contains("escalation/bgp-tuban.csv"))
        for page in pages {
            let text = String(decoding: try Data(contentsOf: region.latest.appendingPathComponent(page)), as: UTF8.self)
            for nik in personal.niks where text.contains(nik) { Issue.record("\(page) carries NIK \(nik.prefix(2))…") }
        }
    }
}
