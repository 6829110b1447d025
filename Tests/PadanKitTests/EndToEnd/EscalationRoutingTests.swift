import Foundation
import Testing

/// Escalation lists on region-a: a crosswalk conflict raised on a unit (`UNOR`, no NPSN) reaches the UPT
/// of its partner schools, with the unit named in what the UPT reads; every open priority 1–3 disparity
/// is in some list.
@Suite(.serialized)
struct EscalationRoutingTests {
    struct Run {
        let region: URL
        var latest: URL { region.appendingPathComponent("out/latest") }
        func summary() throws -> [String: Any] {
            try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: latest.appendingPathComponent("summary.json")))
                    as? [String: Any])
        }
        /// Open priority 1–3 disparities, as `summary.json` counts them.
        func urgentCount() throws -> Int {
            let byPriority = try #require(
                (summary()["disparities"] as? [String: Any])?["by_priority"] as? [String: Int])
            return (byPriority["1"] ?? 0) + (byPriority["2"] ?? 0) + (byPriority["3"] ?? 0)
        }
        func escalation(_ slug: String) throws -> [[String]] {
            try PadanProcess.csv(latest.appendingPathComponent("escalation/\(slug).csv"))
        }
        /// The open `PEMADANAN_GANDA` rows raised on a unit: `unor_id`, `upt`.
        func unitConflicts() throws -> [(unorId: String, upt: String)] {
            let rows = try PadanProcess.csv(latest.appendingPathComponent("disparities.csv"))
            let header = try #require(rows.first)
            let code = try #require(header.firstIndex(of: "code")),
                subject = try #require(header.firstIndex(of: "subject"))
            let unor = try #require(header.firstIndex(of: "unor_id")), upt = try #require(header.firstIndex(of: "upt"))
            return rows.dropFirst().filter { $0[code] == "PEMADANAN_GANDA" && $0[subject] == "UNOR" }.map {
                ($0[unor], $0[upt])
            }
        }
    }

    static func run(editPipeline: ((String) -> String)? = nil, editRegion: ((URL) throws -> Void)? = nil) throws -> Run?
    {
        guard let region = try PadanProcess.copyRegion() else { return nil }
        try editRegion?(region)
        let pipeline = region.appendingPathComponent("pipeline.toml")
        if let editPipeline {
            let text = try String(contentsOf: pipeline, encoding: .utf8)
            try editPipeline(text).write(to: pipeline, atomically: true, encoding: .utf8)
        }
        let run = try PadanProcess.run(["run", pipeline.path, "--as-of", "2026-11-22", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        return Run(region: region)
    }

    @Test func aUnitConflictGoesToTheUptOfItsSchoolsAndNamesTheUnit() throws {
        guard let run = try Self.run() else { return }
        defer { try? FileManager.default.removeItem(at: run.region.deletingLastPathComponent()) }
        let conflicts = try run.unitConflicts()
        #expect(!conflicts.isEmpty, "region-a has a unit crosswalked to two schools")
        let tuban = try run.escalation("bgp-tuban"), jatim = try run.escalation("bgp-jawa-timur")
        for conflict in conflicts {
            // Its partner schools are Kab. Tuban schools (region code `0506…`).
            #expect(conflict.upt == "BGP Tuban")
            let rows = tuban.filter { $0[1] == "PEMADANAN_GANDA" && $0[11].contains(conflict.unorId) }
            #expect(rows.count == 1, "bgp-tuban.csv has no row naming \(conflict.unorId)")
            #expect(rows.first?[11].contains("dipadankan dengan NPSN") == true, "\(rows)")
            #expect(!jatim.contains { $0[11].contains(conflict.unorId) }, "the unit's row leaked to BGP Jawa Timur")
        }
    }

    /// The open priority 1–3 rows of `disparities.csv` that name `upt` in their `upt` column.
    static func urgentRows(of run: Run, naming upt: String) throws -> Int {
        let rows = try PadanProcess.csv(run.latest.appendingPathComponent("disparities.csv"))
        let header = try #require(rows.first)
        let priority = try #require(header.firstIndex(of: "priority")),
            column = try #require(header.firstIndex(of: "upt"))
        return rows.dropFirst().filter {
            (Int($0[priority]) ?? 9) <= 3 && $0[column].components(separatedBy: "; ").contains(upt)
        }.count
    }

    @Test func aRowOfNoKnownAreaIsTheCatchAllUptsInBothFiles() throws {
        // A PNS without a NIP (NIP_KOSONG, priority 1) moved to a school Dapodik does not list.
        guard
            let run = try Self.run(editRegion: { region in
                let file = region.appendingPathComponent("dapodik/ptk-1.csv")
                let rows = try PadanProcess.csv(file)
                let header = try #require(rows.first)
                let status = try #require(header.firstIndex(of: "status_kepegawaian")),
                    nip = try #require(header.firstIndex(of: "nip"))
                let npsn = try #require(header.firstIndex(of: "npsn"))
                let row = try #require(rows.dropFirst().first { $0[status] == "PNS" && $0[nip].isEmpty })
                var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
                let i = try #require(lines.firstIndex { $0.hasPrefix(row[0] + ",") })
                lines[i] = lines[i].replacingOccurrences(of: ",\(row[npsn]),", with: ",99999999,")
                try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            })
        else { return }
        defer { try? FileManager.default.removeItem(at: run.region.deletingLastPathComponent()) }
        let rows = try PadanProcess.csv(run.latest.appendingPathComponent("disparities.csv"))
        let header = try #require(rows.first)
        let npsn = try #require(header.firstIndex(of: "npsn")), upt = try #require(header.firstIndex(of: "upt"))
        let moved = rows.filter { $0[npsn] == "99999999" }
        #expect(!moved.isEmpty && moved.allSatisfy { $0[upt] == "BGP Jawa Timur" }, "\(moved)")
        #expect(try run.escalation("bgp-jawa-timur").contains { $0[5] == "99999999" })
        // Every list holds exactly the rows whose `upt` names it.
        for (name, slug) in [("BGP Tuban", "bgp-tuban"), ("BGP Jawa Timur", "bgp-jawa-timur")] {
            #expect(try run.escalation(slug).count - 1 == Self.urgentRows(of: run, naming: name), "\(name)")
        }
    }

    @Test func rowsNoListReceivesAreWarnedOf() throws {
        // Only Kab. Tuban has a UPT, and none lists "*": Kab. Banyuwangi's rows reach no list.
        guard
            let run = try Self.run(editPipeline: { text in
                (text.components(separatedBy: "[[upt]]").first ?? text)
                    + "[[upt]]\nnama = \"BGP Tuban\"\nwilayah = [\"0506\"]\n"
            })
        else { return }
        defer { try? FileManager.default.removeItem(at: run.region.deletingLastPathComponent()) }
        let summary = try run.summary()
        let urgent = try run.urgentCount()
        let listed = try run.escalation("bgp-tuban").count - 1
        let warnings = try #require(summary["warnings"] as? [String])
        let note = try #require(warnings.first { $0.contains("tidak masuk daftar eskalasi") }, "\(warnings)")
        #expect(note.hasPrefix("\(urgent - listed) disparitas prioritas 1–3"), "\(note)")
        #expect(note.contains("Kab. Banyuwangi"))
    }

    @Test func withoutAUptTableEveryPriorityOneToThreeRowIsInTheProvinceList() throws {
        guard
            let run = try Self.run(editPipeline: { text in
                text.components(separatedBy: "[[upt]]").first ?? text
            })
        else { return }
        defer { try? FileManager.default.removeItem(at: run.region.deletingLastPathComponent()) }
        let urgent = try run.urgentCount()
        let province = try run.escalation("prov-jawa-timur")
        #expect(province.count - 1 == urgent)
        for conflict in try run.unitConflicts() {
            #expect(conflict.upt == "Prov. Jawa Timur")
            #expect(province.contains { $0[11].contains(conflict.unorId) })
        }
    }
}
