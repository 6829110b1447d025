import Foundation
import PadanCore
import PadanWriters
import Testing

@testable import PadanKit

/// `padan run` on a copy of the conformance region: report.html, the escalation pages, `padan history`.
@Suite(.serialized, .enabled(if: RegionCopy.available, "needs ../shared/conformance/region-a"))
struct ReportRunTests {
    static let script = "<script>alert(1)</script>"
    static let image = "<img src=x onerror=alert(1)>"

    func plantedRegion() throws -> RegionCopy {
        let region = try RegionCopy()
        // Two people with NIP disparities, so their names reach the table, the summaries and the escalation lists.
        try region.replace("RATNA SRI RAHMAWATI S.Si.", with: Self.script, in: "dapodik/ptk-1.csv")
        try region.replace("\"Kusnadi Suharto, S.Si.\"", with: Self.image, in: "dapodik/ptk-2.csv")
        return region
    }

    @Test func reportEscapesPlantedMarkupAndStaysOffline() throws {
        let region = try plantedRegion()
        try region.run(asOf: "2025-01-10")
        let page = try region.latest("report.html")
        for markup in [Self.script, Self.image] {
            let opening = String(markup.prefix(through: markup.firstIndex(of: ">") ?? markup.startIndex))
            #expect(!page.lowercased().contains(opening.lowercased()), "\(opening) as markup")
        }
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"))
        #expect(!page.contains("http://") && !page.contains("https://"))
        #expect(!page.contains("<link") && !page.contains("url("))
        let links = try region.latest("links.csv")
        #expect(links.contains(Self.script), "CSVs keep the name as given")

        let attributes = try FileManager.default.attributesOfItem(
            atPath: region.root.appendingPathComponent("out/latest/report.html").path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o027 } == 0)
    }

    @Test func reportShowsTheGlanceNumbers() throws {
        let region = try RegionCopy()
        let result = try region.run(asOf: "2025-01-10")
        let model = ReportModelBuilder.build(result)
        #expect(model.asnTeachers == result.context.linkage.links.count)
        #expect(model.canFlow + model.cannotFlow + model.atSwasta == model.asnTeachers)
        #expect(model.canFlow > 0 && model.cannotFlow > 0)
        #expect(model.fixes.count >= 3)
        #expect(zip(model.fixes, model.fixes.dropFirst()).allSatisfy { $0.people >= $1.people })
        #expect(model.rowsTotal == result.rows.count)
        #expect(model.rows.count == min(result.rows.count, ReportPage.embeddedRows))
        #expect(model.codes.reduce(0) { $0 + $1.open } == result.disparities.count)
        let page = try region.latest("report.html")
        #expect(page.contains("Tiga hal yang perlu diperbaiki lebih dulu"))
        #expect(page.contains("10 Januari 2025"))
    }

    @Test func theTallyCountsWhatTheStatusesSay() throws {
        let region = try RegionCopy()
        let result = try region.run(asOf: "2025-01-10")
        let statuses = PeopleFlow(context: result.context, disparities: result.disparities).people
        let tally = PeopleFlow.tally(context: result.context, disparities: result.disparities)
        #expect(tally.teachers == statuses.count)
        #expect(tally.canFlow == statuses.filter { $0.state == .canFlow }.count)
        #expect(tally.atSwasta == statuses.filter { $0.state == .swasta }.count)
        var byReason = [String: Int](), byOnlyReason = [String: Int](), byFirstReason = [String: Int]()
        for case .blocked(let reasons) in statuses.map(\.state) {
            for reason in reasons { byReason[reason, default: 0] += 1 }
            if reasons.count == 1 { byOnlyReason[reasons[0], default: 0] += 1 }
            byFirstReason[reasons[0], default: 0] += 1
        }
        #expect(tally.byReason == byReason && tally.byOnlyReason == byOnlyReason && !byReason.isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: tally.reasons.map { ($0.code, $0.people) }) == byFirstReason)
        let counts = tally.schoolCounts(schools: result.context.batch.schools.count)
        for (school, count) in counts.listed.enumerated() {
            let here = statuses.filter { $0.school == school }
            #expect(count.asn == here.count && count.canFlow == here.filter { $0.state == .canFlow }.count)
        }
        let unlisted = statuses.filter { $0.school == nil }
        #expect(counts.unlisted.values.reduce(0) { $0 + $1.asn } == unlisted.count)
    }

    @Test func theWorstSchoolsAreTheFullOrdersFirst() throws {
        let region = try RegionCopy()
        let result = try region.run(asOf: "2025-01-10")
        let counts = PeopleFlow.tally(context: result.context, disparities: result.disparities)
            .schoolCounts(schools: result.context.batch.schools.count)
        let all = ReportModelBuilder.schools(result, counts: counts, shown: .max)
        #expect(all.worst.count == all.total && all.total > 20)
        // Every cut, ties at its edge included (many schools have the same counts), against the full order.
        for shown in [0, 1, 2, 3, 5, 8, 13, 20, all.total - 1, all.total] {
            let worst = ReportModelBuilder.schools(result, counts: counts, shown: shown)
            #expect(worst.total == all.total)
            #expect(worst.worst == Array(all.worst.prefix(shown)), "the worst \(shown)")
        }
    }

    @Test func escalationPagesTwinTheCSVs() throws {
        let region = try plantedRegion()
        try region.run(asOf: "2025-01-10")
        let folder = region.root.appendingPathComponent("out/latest/escalation")
        let csvs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        #expect(!csvs.isEmpty)
        for csv in csvs {
            let stem = String(csv.dropLast(4))
            let html = try String(contentsOf: folder.appendingPathComponent("\(stem).html"), encoding: .utf8)
            let lines = try String(contentsOf: folder.appendingPathComponent(csv), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: true)
            // Count CSV records by their leading priority cell (a quoted cell may hold a newline).
            let records = lines.dropFirst().filter { $0.first.map { "123".contains($0) } ?? false }.count
            let rows = html.components(separatedBy: "<tr class=\"p").count - 1
            #expect(rows == records, "\(stem): \(rows) rows in HTML, \(records) in CSV")
            #expect(html.contains("size: A4 landscape"))
            #expect(!html.contains(Self.script) && !html.contains(Self.image))
        }
    }

    @Test func historyListsTheRunsNewestFirst() throws {
        let region = try RegionCopy()
        let pipeline = try region.pipeline()
        #expect(try RunHistory(pipeline: pipeline).runs(last: nil).isEmpty)
        #expect(RunHistory.render([], pipeline: pipeline).contains("Belum ada run tercatat"))
        let first = try region.run(asOf: "2025-01-06")
        let second = try region.run(asOf: "2025-01-08")
        let runs = try RunHistory(pipeline: pipeline).runs(last: nil)
        #expect(runs.map(\.runID) == [second.runId, first.runId])
        #expect(try RunHistory(pipeline: pipeline).runs(last: 1).map(\.runID) == [second.runId])
        let text = RunHistory.render(runs, pipeline: pipeline)
        #expect(text.contains(first.runId) && text.contains(second.runId))
        #expect(text.contains("2025-01-08"))
        #expect(text.contains("Terbuka") && text.contains("Tertaut/ASN"))

        // The second report's trend holds both nights.
        let model = ReportModelBuilder.build(second)
        #expect(model.trend.map(\.asOf) == ["2025-01-06", "2025-01-08"])
        let page = try region.latest("report.html")
        #expect(page.components(separatedBy: "<circle class=\"open\"").count - 1 == 2)
    }
}
