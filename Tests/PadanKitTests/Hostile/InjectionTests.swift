import Foundation
import Testing

/// Names built to run in a spreadsheet or a browser come out of every CSV guarded by a leading `'` and
/// out of every HTML page escaped.
@Suite(.serialized)
struct InjectionTests {
    static let names: [String] = {
        let file = HostileRegion.fixtures.appendingPathComponent("hostile-names.txt")
        let lines = (try? String(contentsOf: file, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return lines + ["\tTAB=1+1"]
    }()
    static let formulaLeads: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]
    static let markup = ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"]

    /// A CSV field holding `text`, quoted when it must be.
    static func field(_ text: String) -> String {
        text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    @Test func formulasAreGuardedInEveryCSVAndMarkupEscapedInEveryPage() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        #expect(Self.names.count == 7)
        // The names go to ASN rows of Dapodik (links.csv; NAMA_BERBEDA puts them in disparities.csv and the
        // escalation lists) and to one school (the report's per-school table).
        let ptk = "dapodik/ptk-1.csv"
        var lines = try region.text(ptk).components(separatedBy: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let nama = try #require(header.firstIndex(of: "nama"))
        var planted = 0
        for index in lines.indices.dropFirst() where planted < Self.names.count * 2 {
            guard lines[index].contains(",PNS,") || lines[index].contains(",PPPK,"), !lines[index].contains("\"") else {
                continue
            }
            var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == header.count else { continue }
            cells[nama] = Self.field(Self.names[planted % Self.names.count])
            lines[index] = cells.joined(separator: ",")
            planted += 1
        }
        #expect(planted == Self.names.count * 2)
        // A row that is rejected, so that its raw text (starting with a formula) goes to rejects.csv.
        lines.insert("@SUM(1),x", at: 1)
        try region.replace(ptk, with: lines.joined(separator: "\n"))
        let schools = "dapodik/sekolah.xml"
        let escaped = Self.markup[0].replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
        let xml = try region.text(schools)
        let firstName = try #require(xml.range(of: "<nama>"))
        try region.replace(schools, with: xml.replacingCharacters(in: firstName, with: "<nama>\(escaped) "))

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        _ = try RowAccounting(region)

        let files = try region.runFiles()
        var cellsByFile: [String: [String]] = [:]
        for file in files where file.hasSuffix(".csv") {
            let cells = try PadanProcess.csv(region.latest.appendingPathComponent(file)).flatMap { $0 }
            cellsByFile[file] = cells
            for cell in cells {
                if let first = cell.first, Self.formulaLeads.contains(first) {
                    Issue.record("\(file): cell starts with a formula character: \(cell.prefix(60))")
                }
            }
        }
        let links = cellsByFile["links.csv"] ?? []
        // A leading TAB is trimmed on reading (every value is), so only the others reach the outputs as written.
        for name in Self.names where name.first.map(Self.formulaLeads.contains) == true && name.first != "\t" {
            #expect(links.contains("'" + name), "links.csv lacks '\(name)")
        }
        let escalation = files.filter { $0.hasPrefix("escalation/") && $0.hasSuffix(".csv") }.flatMap {
            cellsByFile[$0] ?? []
        }
        #expect(
            escalation.contains { $0.hasPrefix("'=") || $0.hasPrefix("'+") || $0.hasPrefix("'@") || $0.hasPrefix("'-") }
        )
        #expect(cellsByFile["disparities.csv"]?.contains { $0.hasPrefix("'=") } == true)
        #expect(cellsByFile["rejects.csv"]?.contains("'@SUM(1),x") == true)

        // report.html is still being built; whatever pages the run writes must not carry the markup raw.
        let pages = files.filter { $0.hasSuffix(".html") }
        for page in pages {
            let html = try String(contentsOf: region.latest.appendingPathComponent(page), encoding: .utf8)
            for markup in Self.markup {
                #expect(!html.contains(markup), "\(page) carries \(markup) unescaped")
            }
            #expect(!html.contains("<script>alert(1)"), "\(page)")
        }
        if pages.contains("report.html") {
            let html = try String(contentsOf: region.latest.appendingPathComponent("report.html"), encoding: .utf8)
            #expect(
                html.contains("&lt;img src=x onerror=alert(1)&gt;")
                    || html.contains("\\u003cimg src=x onerror=alert(1)\\u003e"))
        }
    }
}
