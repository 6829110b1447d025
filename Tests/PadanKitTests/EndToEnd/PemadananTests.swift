import Foundation
import Testing

/// `padan pemadanan`: the BKD decides proposals in a spreadsheet and Padan applies them (issue 7).
@Suite(.serialized)
struct PemadananTests {
    struct Region {
        let dir: URL
        var pipeline: String { dir.appendingPathComponent("pipeline.toml").path }
        var crosswalk: URL { dir.appendingPathComponent("pemadanan/unor_npsn.csv") }
        var latest: URL { dir.appendingPathComponent("out/latest") }
    }

    /// Region-a after one run, or nil without `../shared`.
    static func region() throws -> Region? {
        guard let dir = try PadanProcess.copyRegion() else { return nil }
        let region = Region(dir: dir)
        #expect(try PadanProcess.run(["run", region.pipeline, "--as-of", "2026-11-20", "--quiet"]).status == 0)
        return region
    }

    /// The proposals file with `keputusan` filled by `decide(row)` (nil leaves it empty).
    static func decided(_ region: Region, _ decide: ([String]) -> String?) throws -> URL {
        var rows = try PadanProcess.csv(region.latest.appendingPathComponent("usulan_pemadanan.csv"))
        for i in rows.indices.dropFirst() { rows[i][7] = decide(rows[i]) ?? "" }
        let text = rows.map { row in
            row.map { cell in cell.contains(",") || cell.contains("\"") ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell }
                .joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        let url = region.dir.appendingPathComponent("keputusan.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The first proposal of each school, skipping units an earlier school already took.
    static func firstDistinct(_ region: Region) throws -> URL {
        var schools = Set<String>(), units = Set<String>()
        return try decided(region) { row in
            guard !schools.contains(row[0]), !units.contains(row[3]) else { return nil }
            schools.insert(row[0])
            units.insert(row[3])
            return "SETUJU"
        }
    }

    static func codes(_ file: URL, npsns: Set<String>) throws -> [String] {
        let rows = try PadanProcess.csv(file)
        guard let header = rows.first, let code = header.firstIndex(of: "code"), let npsn = header.firstIndex(of: "npsn")
        else { return [] }
        return rows.dropFirst().filter { npsns.contains($0[npsn]) }.map { $0[code] }
    }

    @Test func approvedProposalsBecomeCrosswalkRowsAndResolveTheSchools() throws {
        guard let region = try Self.region() else { return }
        let before = try Data(contentsOf: region.crosswalk)
        let file = try Self.firstDistinct(region)
        let approved = Set(try PadanProcess.csv(file).dropFirst().filter { $0[7] == "SETUJU" }.map { $0[0] })
        let unmapped = Set(try PadanProcess.csv(region.latest.appendingPathComponent("disparities.csv")).dropFirst()
            .filter { $0[1] == "NPSN_BELUM_PADAN" }.map { $0[9] })
        #expect(!approved.isEmpty)

        let apply = try PadanProcess.run(["pemadanan", region.pipeline, file.path])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("Disetujui"))
        let after = try String(contentsOf: region.crosswalk, encoding: .utf8)
        for npsn in approved { #expect(after.contains(npsn)) }
        #expect(after.contains("Disetujui BKD"))
        let backups = try FileManager.default.contentsOfDirectory(atPath: region.crosswalk.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("unor_npsn.csv.") && $0.hasSuffix(".bak") }
        #expect(backups.count == 1)
        if let backup = backups.first {
            #expect(try Data(contentsOf: region.crosswalk.deletingLastPathComponent().appendingPathComponent(backup)) == before)
        }

        #expect(try PadanProcess.run(["run", region.pipeline, "--as-of", "2026-11-21", "--quiet"]).status == 0)
        let fixed = approved.intersection(unmapped)
        #expect(!fixed.isEmpty)
        #expect(!(try Self.codes(region.latest.appendingPathComponent("disparities.csv"), npsns: fixed)).contains("NPSN_BELUM_PADAN"))
        let resolved = try Self.codes(region.latest.appendingPathComponent("resolved.csv"), npsns: fixed)
        #expect(resolved.filter { $0 == "NPSN_BELUM_PADAN" }.count == fixed.count)
    }

    @Test func rejectedProposalsAreNotProposedAgain() throws {
        guard let region = try Self.region() else { return }
        let file = try Self.decided(region) { _ in "TOLAK" }
        let pairs = Set(try PadanProcess.csv(file).dropFirst().map { $0[0] + "|" + $0[3] })
        #expect(!pairs.isEmpty)
        let before = try Data(contentsOf: region.crosswalk)
        let apply = try PadanProcess.run(["pemadanan", region.pipeline, file.path])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(try Data(contentsOf: region.crosswalk) == before)
        #expect(try PadanProcess.run(["run", region.pipeline, "--as-of", "2026-11-21", "--quiet"]).status == 0)
        let again = try PadanProcess.csv(region.latest.appendingPathComponent("usulan_pemadanan.csv")).dropFirst()
        #expect(again.allSatisfy { !pairs.contains($0[0] + "|" + $0[3]) })
        // Nor suggested by NPSN_BELUM_PADAN.
        let disparities = try PadanProcess.csv(region.latest.appendingPathComponent("disparities.csv"))
        let header = try #require(disparities.first)
        let code = try #require(header.firstIndex(of: "code")), npsn = try #require(header.firstIndex(of: "npsn"))
        let suggestion = try #require(header.firstIndex(of: "suggestion"))
        let suggested = disparities.dropFirst().filter { $0[code] == "NPSN_BELUM_PADAN" && !$0[suggestion].isEmpty }
        let rejected = Set(pairs.map { $0.lowercased() })
        #expect(suggested.allSatisfy { !rejected.contains(($0[npsn] + "|" + $0[suggestion]).lowercased()) })
    }

    /// Each refusal names the line, exits 65, and writes nothing.
    @Test(arguments: ["double", "school", "unit", "nonsense", "word"])
    func refusalsWriteNothing(_ kind: String) throws {
        guard let region = try Self.region() else { return }
        let rows = try PadanProcess.csv(region.latest.appendingPathComponent("usulan_pemadanan.csv"))
        let file: URL
        switch kind {
        case "double":
            // The same unit approved for two schools.
            let header: [String] = rows[0]
            var first: [String] = rows[1]
            var other: [String] = try #require(rows.dropFirst().first { (row: [String]) in row[0] != first[0] })
            other[3] = first[3]
            first[7] = "SETUJU"
            other[7] = "SETUJU"
            let lines = [header, first, other].map { (row: [String]) -> String in
                row.map { (cell: String) -> String in cell.contains(",") ? "\"\(cell)\"" : cell }.joined(separator: ",")
            }
            file = region.dir.appendingPathComponent("keputusan.csv")
            try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        case "school":
            file = try Self.decided(region) { row in row[0] == rows[1][0] ? "SETUJU" : nil }
            let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: rows[1][0], with: "99999999")
            try text.write(to: file, atomically: true, encoding: .utf8)
        case "unit":
            file = try Self.decided(region) { row in row[3] == rows[1][3] ? "SETUJU" : nil }
            let text = try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: rows[1][3], with: "ffffffffffffffffffffffffffffffff")
            try text.write(to: file, atomically: true, encoding: .utf8)
        case "nonsense":
            file = region.dir.appendingPathComponent("keputusan.csv")
            try "nama,alamat\nBudi,Jember\n".write(to: file, atomically: true, encoding: .utf8)
        default:
            file = try Self.decided(region) { _ in "MUNGKIN" }
        }
        let before = try Data(contentsOf: region.crosswalk)
        let apply = try PadanProcess.run(["pemadanan", region.pipeline, file.path])
        #expect(apply.status == 65, "\(kind): \(apply.stderr)")
        #expect(apply.stderr.contains("keputusan.csv:"), "\(kind): \(apply.stderr)")
        #expect(try Data(contentsOf: region.crosswalk) == before)
        let files = try FileManager.default.contentsOfDirectory(atPath: region.crosswalk.deletingLastPathComponent().path)
        #expect(files == ["unor_npsn.csv"], "\(kind): \(files)")
    }

    @Test func aCrashWhileReplacingLeavesTheOldCrosswalk() throws {
        guard let region = try Self.region() else { return }
        let before = try Data(contentsOf: region.crosswalk)
        let file = try Self.firstDistinct(region)
        let apply = try PadanProcess.run(
            ["pemadanan", region.pipeline, file.path], environment: ["PADAN_TEST_KILL_AT": "pemadanan-replace"])
        #expect(apply.status != 0)
        #expect(try Data(contentsOf: region.crosswalk) == before)
        // Applying the same file again afterwards works.
        #expect(try PadanProcess.run(["pemadanan", region.pipeline, file.path]).status == 0)
        #expect(try Data(contentsOf: region.crosswalk) != before)
    }
}
