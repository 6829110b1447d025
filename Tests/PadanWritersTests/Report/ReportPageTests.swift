import Foundation
import Testing

@testable import PadanWriters

@Suite struct ReportPageTests {
    @Test(arguments: ReportFixtures.hostileNames)
    func inputValuesAreEscaped(_ hostile: String) throws {
        let rows = [ReportFixtures.row(0, nama: hostile, sekolah: hostile, kab: hostile)]
        var model = ReportFixtures.model(rows: rows, pipeline: hostile)
        model.inputs[0].files = [hostile]
        model.regions[0].name = hostile
        let page = try ReportPage.render(model)
        let opening = String(hostile.prefix(through: hostile.firstIndex(of: ">") ?? hostile.startIndex))
        #expect(!page.lowercased().contains(opening.lowercased()), "markup as is")
        #expect(page.contains("alert(1)"), "the name is still shown")
        #expect(page.contains("&lt;") && page.contains("\\u003c"), "escaped in HTML and in the JSON block")
        // The page's own scripts carry attributes, so even `<script>` never appears bare.
        #expect(!page.contains("<script>"))
    }

    @Test func pageLoadsNothingFromOutside() throws {
        let page = try ReportPage.render(ReportFixtures.model(rows: (0..<50).map { ReportFixtures.row($0) }))
        for needle in ["http://", "https://", "src=", "url(", "@import", "href=\"//", "<link", "<iframe", "<img"] {
            #expect(!page.contains(needle), "page contains \(needle)")
        }
        #expect(page.contains("Content-Security-Policy"))
        let hrefs = page.components(separatedBy: "href=\"").dropFirst().map { $0.prefix(1) }
        #expect(hrefs.allSatisfy { $0 == "#" }, "every link stays in the page")
    }

    @Test func jsonEscapesWhatCouldEndTheBlock() {
        let tricky = "</script><!-- & ' \" \\ \n \u{2028}\u{2029}\u{01}"
        let json = ReportJSON.string(tricky)
        #expect(json == "\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u0027 \\\" \\\\ \\n \\u2028\\u2029\\u0001\"")
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        let decoded = try? JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
        #expect(decoded == [tricky])
    }

    @Test func dataBlockRoundTrips() throws {
        let rows = [
            ReportFixtures.row(1, nama: "</script><script>alert(1)</script>"),
            ReportFixtures.row(2, nama: "O'Neil & \u{2028}Sons"),
        ]
        let page = try ReportPage.render(ReportFixtures.model(rows: rows))
        let start = try #require(page.range(of: "<script type=\"application/json\" id=\"data-disparitas\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let block = String(page[start.upperBound..<end.lowerBound])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [[Any]])
        #expect(parsed.count == 2)
        #expect(parsed[0][2] as? String == "</script><script>alert(1)</script> 1")
        #expect(parsed[1][2] as? String == "O'Neil & \u{2028}Sons 2")
        #expect(parsed[0][0] as? Int == 2)
        #expect(ReportPage.columns.count == parsed[0].count)
    }

    @Test func staticTableIsCappedAndNoScriptExplains() throws {
        let rows = (0..<450).map { ReportFixtures.row($0) }
        let page = try ReportPage.render(ReportFixtures.model(rows: rows))
        let staticBody = try #require(
            page.components(separatedBy: "id=\"baris-statis\">").last?.components(separatedBy: "</tbody>").first)
        #expect(staticBody.components(separatedBy: "<tr ").count - 1 == ReportPage.staticRows)
        #expect(page.contains("<noscript>"))
        #expect(page.contains("200 baris pertama dari 450"))
    }

    @Test func aPageRenderedAheadGetsTheCountOfNewPayloadsPutIn() throws {
        var model = ReportFixtures.model(rows: (0..<20).map { ReportFixtures.row($0) })
        let rendered = try ReportPage.rendered(ReportPage.prepare(model))
        model.skpDelta = 12_345
        let page = rendered.page(skpDelta: 12_345).joined()
        #expect(page == (try ReportPage.render(model)), "the page rendered with the count known")
        #expect(page.contains("(12.345 baru)"))
        #expect(!page.contains(ReportPage.deltaMark) && !page.contains(ReportPage.rowsMark))
    }

    @Test func aPreparedPageIsWrittenInPartsAroundItsRows() throws {
        var model = ReportFixtures.model(rows: (0..<450).map { ReportFixtures.row($0) })
        model.rowsTotal = 60_000
        let rowsJSON = ReportPage.embeddedJSON(model.rows)
        let prepared = ReportPage.prepare(model, embedded: rowsJSON)
        #expect(prepared.model.rows.count == ReportPage.staticRows, "only the static rows are kept")
        let parts = try ReportPage.page(prepared)
        #expect(parts.count == 5 && parts[3] == rowsJSON, "the rows' JSON is its own part")
        #expect(parts[1] == ReportText.number(model.skpDelta), "and so is the count of new payloads")
        let page = parts.joined()
        #expect(page == (try ReportPage.render(prepared)))
        #expect(page == (try ReportPage.render(model)), "the same page as from the whole model")
        #expect(!page.contains(ReportPage.rowsMark))
        #expect(page.contains("mencakup 450 disparitas pertama (urut prioritas) dari 60.000"))
        let start = try #require(page.range(of: "id=\"data-disparitas\">"))
        #expect(page[start.upperBound...].hasPrefix(rowsJSON + "</script>"))
    }

    @Test func aModelHoldingTheFirstRowsCountsThemAll() throws {
        var model = ReportFixtures.model(rows: (0..<250).map { ReportFixtures.row($0) })
        model.rowsTotal = 170_000
        let page = try ReportPage.render(model)
        #expect(page.contains("200 dari 170.000 baris"))
        #expect(page.contains("mencakup 250 disparitas pertama (urut prioritas) dari 170.000"))
    }

    @Test func trendChartIsInlineSVG() throws {
        let page = try ReportPage.render(ReportFixtures.model(rows: [ReportFixtures.row(0)], trendNights: 5))
        #expect(page.contains("<svg class=\"chart\""))
        #expect(page.components(separatedBy: "<circle class=\"open\"").count - 1 == 5)
        #expect(page.contains("<polyline class=\"open\" points=\""))
    }

    @Test func emptyRunRenders() throws {
        var model = ReportFixtures.model(rows: [], trendNights: 1)
        model.fixes = []
        model.blockReasons = []
        model.schools = []
        model.regions = []
        let page = try ReportPage.render(model)
        #expect(page.contains("Tidak ada yang menahan SKP guru ASN pada run ini."))
        #expect(page.contains("Tidak ada disparitas terbuka."))
        #expect(page.contains("id=\"data-disparitas\">[\n]</script>"))
    }

    @Test func numbersAndDatesReadIndonesian() {
        #expect(ReportText.number(1_234_567) == "1.234.567")
        #expect(ReportText.percent(1, of: 3) == "33,3%")
        #expect(ReportText.date("2025-01-10") == "10 Januari 2025")
        #expect(ReportText.timestamp("2025-01-10T19:05:00Z") == "10 Januari 2025 pukul 19.05 UTC")
    }

    /// 50,000 rows: the page renders in seconds. With `PADAN_REPORT_SCALE_OUT=/path/report.html` the page
    /// is written there, to be opened in a browser (filters at scale are timed there).
    @Test func fiftyThousandRowsRender() throws {
        let rows = (0..<50_000).map { ReportFixtures.row($0) }
        let start = Date()
        let page = try ReportPage.render(ReportFixtures.model(rows: rows))
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 30, "rendering took \(seconds) s")
        #expect(page.contains("50.000"))
        if let out = ProcessInfo.processInfo.environment["PADAN_REPORT_SCALE_OUT"] {
            try page.write(toFile: out, atomically: true, encoding: .utf8)
        }
    }
}
