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
        func escalation(_ slug: String) throws -> [[String]] {
            try PadanProcess.csv(latest.appendingPathComponent("escalation/\(slug).csv"))
        }
        /// The open `PEMADANAN_GANDA` rows raised on a unit: `unor_id`, `upt`.
        func unitConflicts() throws -> [(unorId: String, upt: String)] {
            let rows = try PadanProcess.csv(latest.appendingPathComponent("disparities.csv"))
            let header = try #require(rows.first)
            let code = try #require(header.firstIndex(of: "code")), subject = try #require(header.firstIndex(of: "subject"))
            let unor = try #require(header.firstIndex(of: "unor_id")), upt = try #require(header.firstIndex(of: "upt"))
            return rows.dropFirst().filter { $0[code] == "PEMADANAN_GANDA" && $0[subject] == "UNOR" }.map { ($0[unor], $0[upt]) }
        }
    }

    static func run(editPipeline: ((String) -> String)? = nil) throws -> Run? {
        guard let region = try PadanProcess.copyRegion() else { return nil }
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

    @Test func withoutAUptTableEveryPriorityOneToThreeRowIsInTheProvinceList() throws {
        guard let run = try Self.run(editPipeline: { text in
            text.components(separatedBy: "[[upt]]").first ?? text
        }) else { return }
        defer { try? FileManager.default.removeItem(at: run.region.deletingLastPathComponent()) }
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: run.latest.appendingPathComponent("summary.json")))
                as? [String: Any])
        let byPriority = try #require((summary["disparities"] as? [String: Any])?["by_priority"] as? [String: Int])
        let urgent = (byPriority["1"] ?? 0) + (byPriority["2"] ?? 0) + (byPriority["3"] ?? 0)
        let province = try run.escalation("prov-jawa-timur")
        #expect(province.count - 1 == urgent)
        for conflict in try run.unitConflicts() {
            #expect(conflict.upt == "Prov. Jawa Timur")
            #expect(province.contains { $0[11].contains(conflict.unorId) })
        }
    }
}
