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
        let text =
            rows.map { row in
                row.map { cell in
                    cell.contains(",") || cell.contains("\"")
                        ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
                }
                .joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        let url = region.dir.appendingPathComponent("keputusan.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The first proposal of each school, skipping units an earlier school already took and schools or units
    /// the crosswalk already names (an approval of those is refused).
    static func firstDistinct(_ region: Region) throws -> URL {
        var schools = Set<String>(), units = Set<String>()
        let crosswalk = String(decoding: try Data(contentsOf: region.crosswalk), as: UTF8.self).lowercased()
        return try decided(region) { row in
            guard !schools.contains(row[0]), !units.contains(row[3]), !crosswalk.contains(row[0]),
                !crosswalk.contains(row[3].lowercased())
            else { return nil }
            schools.insert(row[0])
            units.insert(row[3])
            return "SETUJU"
        }
    }

    static func codes(_ file: URL, npsns: Set<String>) throws -> [String] {
        let rows = try PadanProcess.csv(file)
        guard let header = rows.first, let code = header.firstIndex(of: "code"),
            let npsn = header.firstIndex(of: "npsn")
        else { return [] }
        return rows.dropFirst().filter { npsns.contains($0[npsn]) }.map { $0[code] }
    }

    @Test func approvedProposalsBecomeCrosswalkRowsAndResolveTheSchools() throws {
        guard let region = try Self.region() else { return }
        let before = try Data(contentsOf: region.crosswalk)
        let file = try Self.firstDistinct(region)
        let approved = Set(try PadanProcess.csv(file).dropFirst().filter { $0[7] == "SETUJU" }.map { $0[0] })
        let unmapped = Set(
            try PadanProcess.csv(region.latest.appendingPathComponent("disparities.csv")).dropFirst()
                .filter { $0[1] == "NPSN_BELUM_PADAN" }.map { $0[9] })
        #expect(!approved.isEmpty)

        let apply = try PadanProcess.run(["pemadanan", region.pipeline, file.path])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("Disetujui"))
        let after = try String(contentsOf: region.crosswalk, encoding: .utf8)
        for npsn in approved { #expect(after.contains(npsn)) }
        #expect(after.contains("Disetujui BKD"))
        let backups = try FileManager.default.contentsOfDirectory(
            atPath: region.crosswalk.deletingLastPathComponent().path
        )
        .filter { $0.hasPrefix("unor_npsn.csv.") && $0.hasSuffix(".bak") }
        #expect(backups.count == 1)
        if let backup = backups.first {
            #expect(
                try Data(contentsOf: region.crosswalk.deletingLastPathComponent().appendingPathComponent(backup))
                    == before)
        }

        #expect(try PadanProcess.run(["run", region.pipeline, "--as-of", "2026-11-21", "--quiet"]).status == 0)
        let fixed = approved.intersection(unmapped)
        #expect(!fixed.isEmpty)
        #expect(
            !(try Self.codes(region.latest.appendingPathComponent("disparities.csv"), npsns: fixed)).contains(
                "NPSN_BELUM_PADAN"))
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

    /// Rows written as a decided proposals file.
    static func write(_ rows: [[String]], to region: Region) throws -> URL {
        let lines = rows.map { (row: [String]) -> String in
            row.map { (cell: String) -> String in
                cell.contains(",") || cell.contains("\"")
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",")
        }
        let file = region.dir.appendingPathComponent("keputusan.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The crosswalk's rows (`unor_id`, `npsn`, `keterangan`), without the header.
    static func crosswalkRows(_ region: Region) throws -> [[String]] {
        Array(try PadanProcess.csv(region.crosswalk).dropFirst())
    }

    /// Each refusal names the line, exits 65, and writes nothing (crosswalk, backup, store).
    @Test(arguments: [
        "double", "school", "unit", "nonsense", "word", "setuju-tolak", "tolak-existing", "setuju-conflicted",
    ])
    func refusalsWriteNothing(_ kind: String) throws {
        guard let region = try Self.region() else { return }
        let rows = try PadanProcess.csv(region.latest.appendingPathComponent("usulan_pemadanan.csv"))
        let crosswalkText = try String(contentsOf: region.crosswalk, encoding: .utf8)
        // A proposal for a school the crosswalk does not name.
        let fresh: [String] = try #require(rows.dropFirst().first { !crosswalkText.contains($0[0]) })
        let file: URL
        switch kind {
        case "setuju-tolak":
            // One pair approved on one line and rejected on another.
            var yes = fresh, no = fresh
            yes[7] = "SETUJU"
            no[7] = "TOLAK"
            file = try Self.write([rows[0], yes, no], to: region)
        case "tolak-existing":
            // Rejecting a pair the crosswalk holds (and the run used).
            let map = try PadanProcess.csv(region.latest.appendingPathComponent("unor_map.csv"))
            let used: [String] = try #require(map.dropFirst().first { $0[5] == "PEMADANAN" })
            var row = fresh
            row[0] = used[0]
            row[3] = used[3]
            row[7] = "TOLAK"
            file = try Self.write([rows[0], row], to: region)
        case "setuju-conflicted":
            // Approving a third school for a unit the crosswalk already pairs with two (`PEMADANAN_GANDA`).
            let disparities = try PadanProcess.csv(region.latest.appendingPathComponent("disparities.csv"))
            let header = try #require(disparities.first)
            let code = try #require(header.firstIndex(of: "code")),
                subject = try #require(header.firstIndex(of: "subject"))
            let unor = try #require(header.firstIndex(of: "unor_id"))
            let conflict: [String] = try #require(
                disparities.first { $0[code] == "PEMADANAN_GANDA" && $0[subject] == "UNOR" })
            var row = fresh
            row[3] = conflict[unor]
            row[7] = "SETUJU"
            file = try Self.write([rows[0], row], to: region)
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
            let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
                of: rows[1][0], with: "99999999")
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
        let store = region.dir.appendingPathComponent("state/padan.sqlite").path
        let storeBefore = try CrashSafetyStore.dump(store)
        let apply = try PadanProcess.run(["pemadanan", region.pipeline, file.path])
        #expect(apply.status == 65, "\(kind): \(apply.stderr)")
        #expect(apply.stderr.contains("keputusan.csv:"), "\(kind): \(apply.stderr)")
        #expect(try Data(contentsOf: region.crosswalk) == before)
        #expect(try CrashSafetyStore.dump(store) == storeBefore, "\(kind): the store changed")
        let files = try FileManager.default.contentsOfDirectory(
            atPath: region.crosswalk.deletingLastPathComponent().path)
        #expect(files == ["unor_npsn.csv"], "\(kind): \(files)")
        switch kind {
        case "setuju-tolak":
            #expect(apply.stderr.contains("keputusan.csv:3:") && apply.stderr.contains("baris 2"), "\(apply.stderr)")
        case "tolak-existing", "setuju-conflicted":
            #expect(
                apply.stderr.contains("keputusan.csv:2:") && apply.stderr.contains("unor_npsn.csv:"), "\(apply.stderr)")
        default: break
        }
    }

    /// The crosswalk as a BKD might keep it: its own column order, delimiter and quoting, Windows-1252 notes,
    /// CRLF line ends (or none after the last row).
    struct CrosswalkForm: Sendable, CustomStringConvertible {
        var order: [Int]
        var delimiter: String
        var quoteAll: Bool
        var newline: String
        var finalNewline: Bool
        var description: String {
            "order \(order) '\(delimiter)' quoted \(quoteAll) \(newline == "\r\n" ? "CRLF" : "LF")"
        }
    }

    @Test(arguments: [
        CrosswalkForm(order: [1, 0, 2], delimiter: ",", quoteAll: false, newline: "\r\n", finalNewline: true),
        CrosswalkForm(order: [2, 0, 1], delimiter: ";", quoteAll: true, newline: "\n", finalNewline: false),
    ])
    func approvedPairsAreAppendedInTheCrosswalksOwnFormWithoutTouchingItsBytes(_ form: CrosswalkForm) throws {
        guard let region = try Self.region() else { return }
        let header = ["unor_id", "npsn", "keterangan"]
        var rows = try Self.crosswalkRows(region)
        rows[0][2] = "Pemadanan awal \u{2013} dicek Bu Siti (\u{E9})"
        func line(_ cells: [String]) -> String {
            form.order.map { i in
                let cell = cells[i]
                return form.quoteAll || cell.contains(form.delimiter) || cell.contains("\"")
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: form.delimiter)
        }
        var text = ([line(header)] + rows.map(line)).joined(separator: form.newline)
        if form.finalNewline { text += form.newline }
        // Windows-1252: the en dash is 0x96, é 0xE9.
        let original = Array(try #require(text.data(using: .windowsCP1252)))
        try Data(original).write(to: region.crosswalk)

        let file = try Self.firstDistinct(region)
        let approved = try PadanProcess.csv(file).dropFirst().filter { $0[7] == "SETUJU" }.map { ($0[0], $0[3]) }
        #expect(!approved.isEmpty)
        let apply = try PadanProcess.run(["pemadanan", region.pipeline, file.path])
        #expect(apply.status == 0, "\(apply.stderr)")

        let after = Array(try Data(contentsOf: region.crosswalk))
        #expect(Array(after.prefix(original.count)) == original, "the existing bytes changed")
        let added = String(decoding: after.dropFirst(original.count), as: UTF8.self)
        let ascii = added.allSatisfy(\.isASCII)
        #expect(ascii)
        let addedLines = added.components(separatedBy: form.newline)
        // Only the line end the last row lacked, then one row per approval; no blank line.
        if !form.finalNewline { #expect(added.hasPrefix(form.newline), "the last row's line end comes first") }
        let newRows = addedLines.filter { !$0.isEmpty }
        #expect(newRows.count == approved.count)
        #expect(!added.contains(form.newline + form.newline))
        if form.newline == "\r\n" { #expect(!added.replacingOccurrences(of: "\r\n", with: "").contains("\n")) }
        for (row, pair) in zip(newRows, approved) {
            var cells = row.components(separatedBy: form.delimiter)
            if form.quoteAll {
                #expect(cells.allSatisfy { $0.hasPrefix("\"") && $0.hasSuffix("\"") }, "\(row)")
                cells = cells.map { String($0.dropFirst().dropLast()) }
            }
            let byName = Dictionary(uniqueKeysWithValues: zip(form.order.map { header[$0] }, cells))
            #expect(byName["npsn"] == pair.0, "\(row)")
            #expect(byName["unor_id"]?.lowercased() == pair.1.lowercased(), "\(row)")
        }

        // The next run reads every approved row and maps the schools by the crosswalk.
        #expect(try PadanProcess.run(["run", region.pipeline, "--as-of", "2026-11-21", "--quiet"]).status == 0)
        let rejects = try PadanProcess.csv(region.latest.appendingPathComponent("rejects.csv"))
        #expect(!rejects.dropFirst().contains { $0[0] == "unor_npsn" }, "\(rejects)")
        let map = try PadanProcess.csv(region.latest.appendingPathComponent("unor_map.csv"))
        for pair in approved {
            #expect(map.contains { $0[0] == pair.0 && $0[5] == "PEMADANAN" }, "\(pair.0) not mapped by the crosswalk")
        }
    }

    /// The TOLAKs and the new crosswalk are one step: when the store cannot take the TOLAKs, the crosswalk
    /// is not replaced and no backup is left.
    @Test func aStoreFailureLeavesTheCrosswalkUnchanged() throws {
        guard let region = try Self.region(), let sqlite3 = CrashSafetyStore.sqlite3 else { return }
        var first = Set<String>(), units = Set<String>(), rejectedOne = false
        let file = try Self.decided(region) { row in
            if !first.contains(row[0]) && !units.contains(row[3]) {
                first.insert(row[0])
                units.insert(row[3])
                return "SETUJU"
            }
            if !rejectedOne && !first.contains(row[0]) { rejectedOne = true; return "TOLAK" }
            return nil
        }
        let store = region.dir.appendingPathComponent("state/padan.sqlite").path
        let trigger = Process()
        trigger.executableURL = URL(fileURLWithPath: sqlite3)
        trigger.arguments = [
            store,
            "CREATE TRIGGER uji_gagal BEFORE INSERT ON rejected_proposal BEGIN SELECT RAISE(ABORT, 'uji'); END;",
        ]
        try trigger.run()
        trigger.waitUntilExit()
        #expect(trigger.terminationStatus == 0)
        #expect(try PadanProcess.csv(file).contains { $0[7] == "TOLAK" })

        let before = try Data(contentsOf: region.crosswalk)
        let apply = try PadanProcess.run(["pemadanan", region.pipeline, file.path])
        #expect(apply.status == 70, "\(apply.stderr)")
        #expect(try Data(contentsOf: region.crosswalk) == before)
        let files = try FileManager.default.contentsOfDirectory(
            atPath: region.crosswalk.deletingLastPathComponent().path)
        #expect(files == ["unor_npsn.csv"], "\(files)")
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
