import Testing

@testable import PadanWriters

@Suite struct EscalationPageTests {
    func entry(_ i: Int, nama: String = "Guru") -> EscalationList.Entry {
        EscalationList.Entry(
            priority: i % 3 + 1, code: "NIP_KOSONG", uraian: "NIP ASN kosong di Dapodik", owner: "Operator Sekolah",
            kabupatenKota: "Kab. Tuban", npsn: "20504741", sekolah: "SDN MOJOAGUNG", nip: "", nama: "\(nama) \(i)",
            ageDays: 40 - i, since: "2025-01-01", action: "Operator sekolah mengisi NIP di Dapodik")
    }

    @Test func sameRowsAsTheCSVAndPrintsOnA4() throws {
        let list = EscalationList(upt: "BGP Tuban", entries: (0..<12).map { entry($0) })
        let page = try EscalationPage.render(list, pipeline: "contoh", runId: "20250103T190000Z", asOf: "2025-01-03")
        #expect(page.contains("@page { size: A4 landscape; margin: 12mm; }"))
        #expect(page.contains("thead { display: table-header-group; }"))
        #expect(page.contains("break-inside: avoid"))
        let body = try #require(page.components(separatedBy: "<tbody>").last)
        #expect(body.components(separatedBy: "<tr class=").count - 1 == list.entries.count)
        for title in EscalationList.header { #expect(page.contains("<th") && page.contains(">\(title)</th>")) }
        // Oldest first, as in the CSV.
        let first = try #require(list.entries.first)
        let firstAt = try #require(page.range(of: first.nama))
        let lastAt = try #require(page.range(of: list.entries[list.entries.count - 1].nama))
        #expect(firstAt.lowerBound < lastAt.lowerBound)
    }

    @Test(
        arguments: ReportFixtures.hostileNames + [
            "Siti \"Nur\" & <Aisyah>", "Rénata \"\u{0301}x\" <é>", "Budi", "Ñoño",
        ])
    func bytesAreEscapedAsTheTextIs(_ value: String) {
        var text = "", bytes = [UInt8]()
        HTMLText.escape(value, into: &text)
        HTMLText.escape(value, into: &bytes)
        #expect(bytes == Array(text.utf8))
    }

    @Test(arguments: ReportFixtures.hostileNames)
    func namesAreEscaped(_ hostile: String) throws {
        let list = EscalationList(upt: hostile, entries: [entry(1, nama: hostile)])
        let page = try EscalationPage.render(list, pipeline: "contoh", runId: "r", asOf: "2025-01-03")
        #expect(!page.contains(hostile))
        #expect(page.contains("alert(1)"))
        #expect(!page.contains("http://") && !page.contains("https://"))
    }
}
