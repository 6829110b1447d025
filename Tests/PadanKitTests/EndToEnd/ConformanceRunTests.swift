import Foundation
import Testing

/// The real binary on the shared conformance region: exit code, files, score, and the night-to-night lifecycle.
@Suite(.serialized)
struct ConformanceRunTests {
    @Test func runScoresOnRegionA() throws {
        guard let region = try PadanProcess.copyRegion() else { return }
        let run = try PadanProcess.run([
            "run", region.appendingPathComponent("pipeline.toml").path, "--as-of", "2026-11-22", "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let latest = region.appendingPathComponent("out/latest")
        for file in [
            "summary.json", "disparities.csv", "resolved.csv", "links.csv", "unor_map.csv", "rejects.csv",
            "report.html", "skp/payloads.jsonl", "skp/delta.jsonl", "skp/blocked.csv", "skp/skipped.csv",
            "escalation/bgp-tuban.csv", "escalation/bgp-jawa-timur.csv",
        ] {
            #expect(FileManager.default.fileExists(atPath: latest.appendingPathComponent(file).path), "missing \(file)")
        }
        // `stages` ends with `write`, timed up to summary.json (`record` follows it and is not in the file).
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: latest.appendingPathComponent("summary.json")))
                as? [String: Any])
        let stages = try #require(summary["stages"] as? [[String: Any]])
        #expect(stages.compactMap { $0["name"] as? String }.suffix(2) == ["decide", "write"])
        #expect((stages.last?["seconds"] as? Double ?? 0) > 0)
        let attributes = try FileManager.default.attributesOfItem(
            atPath: latest.appendingPathComponent("links.csv").path)
        let mode = (attributes[.posixPermissions] as? Int) ?? 0o777
        #expect(mode & 0o027 == 0, "links.csv mode \(String(mode, radix: 8))")

        // The shared scorer, when Python and jsonschema are there (CI installs them).
        let score = Process()
        score.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        score.arguments = [
            "python3", PadanProcess.shared.appendingPathComponent("conformance/score.py").path,
            latest.path, region.appendingPathComponent("truth.json").path, "--min", "0.95",
        ]
        let out = Pipe()
        score.standardOutput = out
        score.standardError = Pipe()
        try score.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        score.waitUntilExit()
        if text.contains("jsonschema is not installed") || !text.contains("SCORE") { return }
        #expect(score.terminationStatus == 0, "\(text)")
    }

    @Test func secondRunContinuesAndFixingARowResolvesIt() throws {
        guard let region = try PadanProcess.copyRegion() else { return }
        let pipeline = region.appendingPathComponent("pipeline.toml").path
        #expect(try PadanProcess.run(["run", pipeline, "--as-of", "2026-11-20", "--quiet"]).status == 0)
        let first = try PadanProcess.csv(region.appendingPathComponent("out/latest/disparities.csv"))
        // The store's first run: the delta is the payloads file itself, one file under two names (README's
        // operator section and decisions.md tell a sync to delete a sent delta, never empty it).
        let skp = region.appendingPathComponent("out/latest/skp")
        let payloads = try Self.fileIdentity(skp.appendingPathComponent("payloads.jsonl"))
        #expect(try Self.fileIdentity(skp.appendingPathComponent("delta.jsonl")) == payloads)
        #expect(payloads.names == 2)
        #expect(try PadanProcess.run(["run", pipeline, "--as-of", "2026-11-22", "--quiet"]).status == 0)
        let latest = region.appendingPathComponent("out/latest")
        let second = try PadanProcess.csv(latest.appendingPathComponent("disparities.csv"))
        let header = try #require(second.first)
        let status = try #require(header.firstIndex(of: "status"))
        let firstSeen = try #require(header.firstIndex(of: "first_seen"))
        let age = try #require(header.firstIndex(of: "age_days"))
        func stripped(_ rows: [[String]]) -> [[String]] {
            rows.dropFirst().map { row in
                row.enumerated().filter { ![status, firstSeen, age].contains($0.offset) }.map(\.element)
            }
        }
        #expect(stripped(first) == stripped(second))
        #expect(second.dropFirst().allSatisfy { $0[status] == "BERLANJUT" && $0[age] == "2" })
        let delta = try String(contentsOf: latest.appendingPathComponent("skp/delta.jsonl"), encoding: .utf8)
        #expect(delta.isEmpty)
        #expect(try Self.fileIdentity(latest.appendingPathComponent("skp/delta.jsonl")).names == 1)
        #expect(try PadanProcess.csv(latest.appendingPathComponent("resolved.csv")).count == 1)

        // Fix one NIP_KOSONG row: give the person the NIP of their single SIASN candidate? Simpler and
        // exact: remove a Kab. Tuban crosswalk conflict row so PEMADANAN_GANDA for that side disappears.
        let code = try #require(header.firstIndex(of: "code"))
        let conflicts = second.dropFirst().filter { $0[code] == "PEMADANAN_GANDA" }
        let conflict = try #require(conflicts.first)
        let crosswalk = region.appendingPathComponent("pemadanan/unor_npsn.csv")
        var lines = try String(contentsOf: crosswalk, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        let npsnColumn = try #require(header.firstIndex(of: "npsn"))
        let unorColumn = try #require(header.firstIndex(of: "unor_id"))
        let key = conflict[npsnColumn].isEmpty ? conflict[unorColumn] : conflict[npsnColumn]
        let matching = lines.indices.filter { lines[$0].lowercased().contains(key.lowercased()) }
        #expect(matching.count >= 2)
        lines.remove(at: try #require(matching.last))
        try lines.joined(separator: "\n").write(to: crosswalk, atomically: true, encoding: .utf8)
        #expect(try PadanProcess.run(["run", pipeline, "--as-of", "2026-11-23", "--quiet"]).status == 0)
        let resolved = try PadanProcess.csv(latest.appendingPathComponent("resolved.csv"))
        let resolvedCodes = resolved.dropFirst().map { $0[code] }
        #expect(resolvedCodes.contains("PEMADANAN_GANDA"))
        #expect(resolved.dropFirst().contains { $0[0] == conflict[0] })
        // Open from the first night (11-20) until this one (11-23).
        #expect(resolved.dropFirst().allSatisfy { $0[status] == "SELESAI" && $0[age] == "3" })
    }

    @Test func aRunDatedBeforeTheLastOneIsWarnedAbout() throws {
        guard let region = try PadanProcess.copyRegion() else { return }
        let pipeline = region.appendingPathComponent("pipeline.toml").path
        let later = try PadanProcess.run(["run", pipeline, "--as-of", "2026-11-22", "--quiet"])
        #expect(later.status == 0)
        #expect(!later.stderr.contains("lebih awal"))
        let earlier = try PadanProcess.run(["run", pipeline, "--as-of", "2026-11-20", "--progress", "never"])
        #expect(earlier.status == 0)
        #expect(
            earlier.stderr.contains("tanggal data run ini (2026-11-20) lebih awal daripada run terakhir"),
            "\(earlier.stderr)")
        let summary = try String(contentsOf: region.appendingPathComponent("out/latest/summary.json"), encoding: .utf8)
        #expect(summary.contains("lebih awal daripada run terakhir"))
    }

    @Test func checkCountsRejectsAsTheTruth() throws {
        guard let region = try PadanProcess.copyRegion() else { return }
        let check = try PadanProcess.run(["check", region.appendingPathComponent("pipeline.toml").path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("dapodik_ptk: 2 berkas, 431 baris dibaca, 3 ditolak"))
        #expect(check.stdout.contains("pmm_skp: 1 berkas, 93 baris dibaca, 4 ditolak"))
        #expect(check.stdout.contains("dapodik/ptk-1.csv:60:"))
        #expect(!FileManager.default.fileExists(atPath: region.appendingPathComponent("out").path))
    }

    @Test func missingRequiredColumnExits65NamingFileAndColumn() throws {
        guard let region = try PadanProcess.copyRegion() else { return }
        let file = region.appendingPathComponent("siasn/unor.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "NamaUnor", with: "Nama_Lain").write(
            to: file, atomically: true, encoding: .utf8)
        let run = try PadanProcess.run(["run", region.appendingPathComponent("pipeline.toml").path, "--quiet"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("siasn/unor.csv"))
        #expect(run.stderr.contains("NamaUnor"))
        #expect(!FileManager.default.fileExists(atPath: region.appendingPathComponent("out/latest").path))
    }

    @Test func secondRunWhileStoreIsHeldExits75() throws {
        guard let region = try PadanProcess.copyRegion() else { return }
        let pipeline = region.appendingPathComponent("pipeline.toml").path
        #expect(try PadanProcess.run(["run", pipeline, "--as-of", "2026-11-20", "--quiet"]).status == 0)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [region.appendingPathComponent("state/padan.sqlite.lock").path, "sleep", "5"]
        try holder.run()
        defer { holder.terminate() }
        Thread.sleep(forTimeInterval: 0.5)
        let before = try FileManager.default.destinationOfSymbolicLink(
            atPath: region.appendingPathComponent("out/latest").path)
        let run = try PadanProcess.run(["run", pipeline, "--as-of", "2026-11-21", "--quiet"])
        #expect(run.status == 75, "\(run.stderr)")
        #expect(!run.stderr.isEmpty)
        let after = try FileManager.default.destinationOfSymbolicLink(
            atPath: region.appendingPathComponent("out/latest").path)
        #expect(before == after)
    }

    @Test func pipelineWithUnknownKeyExits65NamingIt() throws {
        guard let region = try PadanProcess.copyRegion() else { return }
        let file = region.appendingPathComponent("pipeline.toml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "[matching]", with: "[matching]\nfuzzy_mode = true")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try PadanProcess.run(["check", file.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("matching.fuzzy_mode"))
    }

    /// A file's inode and how many names (hard links) it has.
    static func fileIdentity(_ url: URL) throws -> (inode: Int, names: Int) {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return ((attributes[.systemFileNumber] as? Int) ?? -1, (attributes[.referenceCount] as? Int) ?? -1)
    }
}
