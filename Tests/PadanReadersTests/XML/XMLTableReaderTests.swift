import Foundation
import PadanReaders
import PadanTestSupport
import Testing

/// Everything a reader yields for `xml`, read through a source handing out `chunk` bytes at a time.
private func readAll(_ xml: String, chunk: Int = .max) throws(InputError) -> (XMLTableReader, [TableEvent]) {
    let reader = try XMLTableReader(source: MemoryByteSource(xml, chunk: chunk), file: "uji.xml")
    var events: [TableEvent] = []
    while let event = try reader.next() { events.append(event) }
    return (reader, events)
}

private func records(_ events: [TableEvent]) -> [TableRecord] {
    events.compactMap { if case .record(let record) = $0 { record } else { nil } }
}

private func rejects(_ events: [TableEvent]) -> [RowReject] {
    events.compactMap { if case .reject(let reject) = $0 { reject } else { nil } }
}

/// The error `body` throws, or `nil`.
private func inputError(_ body: () throws -> Void) -> InputError? {
    do {
        try body()
        return nil
    } catch {
        return error as? InputError
    }
}

private let sekolah = """
    <?xml version="1.0" encoding="UTF-8"?>
    <daftar_sekolah>
      <sekolah>
        <npsn>20504741</npsn>
        <nama>SDN MOJOAGUNG</nama>
        <status_sekolah>Negeri</status_sekolah>
      </sekolah>
      <sekolah>
        <npsn>20504744</npsn>
        <nama>SD NEGERI KEDUNGMAKAM</nama>
        <status_sekolah>Negeri</status_sekolah>
      </sekolah>
    </daftar_sekolah>

    """

@Suite("XMLTableReader")
struct XMLTableReaderTests {
    // MARK: - Shapes of records

    @Test("child-element records, any chunking", arguments: [Int.max, 4096, 7, 1])
    func childElements(chunk: Int) throws {
        let (reader, events) = try readAll(sekolah, chunk: chunk)
        #expect(reader.header == ["npsn", "nama", "status_sekolah"])
        #expect(
            events == [
                .record(
                    TableRecord(
                        line: 3, fields: ["20504741", "SDN MOJOAGUNG", "Negeri"],
                        raw:
                            "<sekolah><npsn>20504741</npsn><nama>SDN MOJOAGUNG</nama><status_sekolah>Negeri</status_sekolah></sekolah>"
                    )),
                .record(
                    TableRecord(
                        line: 8, fields: ["20504744", "SD NEGERI KEDUNGMAKAM", "Negeri"],
                        raw:
                            "<sekolah><npsn>20504744</npsn><nama>SD NEGERI KEDUNGMAKAM</nama><status_sekolah>Negeri</status_sekolah></sekolah>"
                    )),
            ])
        #expect(reader.warnings.isEmpty)
    }

    @Test("attribute records")
    func attributes() throws {
        let xml = """
            <data>
            <ptk nip="198501012010011001" nama="Siti &quot;Ani&quot; Aminah" jk="P"/>
            <ptk nip="" nama="Budi" jk="L" />
            </data>
            """
        let (reader, events) = try readAll(xml)
        #expect(reader.header == ["nip", "nama", "jk"])
        #expect(
            events == [
                .record(
                    TableRecord(
                        line: 2, fields: ["198501012010011001", "Siti \"Ani\" Aminah", "P"],
                        raw: #"<ptk nip="198501012010011001" nama="Siti &quot;Ani&quot; Aminah" jk="P"/>"#)),
                .record(TableRecord(line: 3, fields: ["", "Budi", "L"], raw: #"<ptk nip="" nama="Budi" jk="L"/>"#)),
            ])
    }

    @Test("attributes and child elements mixed in one record, attributes first")
    func mixed() throws {
        let xml = """
            <root xmlns:d="urn:dapodik">
              <d:ptk d:id="a1" status="PNS"><d:nama>Ahmad</d:nama><nip>1985</nip></d:ptk>
              <d:ptk status="PPPK" d:id="a2"><nip>1990</nip><d:nama>Budi</d:nama></d:ptk>
            </root>
            """
        let (reader, events) = try readAll(xml)
        #expect(reader.header == ["id", "status", "nama", "nip"])
        #expect(records(events).map(\.fields) == [["a1", "PNS", "Ahmad", "1985"], ["a2", "PPPK", "Budi", "1990"]])
        #expect(
            records(events).first?.raw
                == #"<d:ptk d:id="a1" status="PNS"><d:nama>Ahmad</d:nama><nip>1985</nip></d:ptk>"#)
    }

    @Test("namespace declarations on a record are not fields")
    func namespaceDeclarations() throws {
        let xml = #"<r><x xmlns="urn:a" xmlns:b="urn:b" b:kode="1"><nama>A</nama></x></r>"#
        let (reader, events) = try readAll(xml)
        #expect(reader.header == ["kode", "nama"])
        #expect(records(events).first?.raw == #"<x xmlns="urn:a" xmlns:b="urn:b" b:kode="1"><nama>A</nama></x>"#)
    }

    @Test("the first record is the header; later records map by name, extras ignored, missing empty")
    func headerFromFirstRecord() throws {
        let xml = """
            <daftar>
              <r><a>1</a><b>2</b><c>3</c></r>
              <r><c>6</c><x>extra</x><a>4</a></r>
              <r z="9"><b>8</b></r>
              <r><a></a><b/><c>  </c></r>
            </daftar>
            """
        let (reader, events) = try readAll(xml)
        #expect(reader.header == ["a", "b", "c"])
        #expect(records(events).map(\.fields) == [["1", "2", "3"], ["4", "", "6"], ["", "8", ""], ["", "", "  "]])
        #expect(records(events)[1].raw == "<r><c>6</c><x>extra</x><a>4</a></r>")
    }

    @Test("a repeated name fills the header columns of that name in order")
    func repeatedNames() throws {
        let xml =
            "<d><r><telp>1</telp><telp>2</telp></r><r><telp>3</telp></r><r><telp>4</telp><telp>5</telp><telp>6</telp></r></d>"
        let (reader, events) = try readAll(xml)
        #expect(reader.header == ["telp", "telp"])
        #expect(records(events).map(\.fields) == [["1", "2"], ["3", ""], ["4", "5"]])
    }

    @Test("a field's value is all the text inside it, nested elements included")
    func nestedFieldText() throws {
        let xml = "<d><r><alamat>Jl. <b>Mawar</b> 5</alamat><kota kode=\"35\">Tuban</kota></r></d>"
        let (reader, events) = try readAll(xml)
        #expect(reader.header == ["alamat", "kota"])
        #expect(records(events).first?.fields == ["Jl. Mawar 5", "Tuban"])
        #expect(
            records(events).first?.raw == #"<r><alamat>Jl. <b>Mawar</b> 5</alamat><kota kode="35">Tuban</kota></r>"#)
    }

    @Test("a record without any field is a reject, also before the first record")
    func recordWithoutFields() throws {
        let xml = """
            <d>
              <r/>
              <r><a>1</a></r>
              <r>teks saja</r>
              <r><a>2</a></r>
            </d>
            """
        let (reader, events) = try readAll(xml)
        #expect(reader.header == ["a"])
        #expect(events.count == 4)
        #expect(rejects(events).map(\.line) == [2, 4])
        #expect(rejects(events).map(\.raw) == ["<r/>", "<r>teks saja</r>"])
        #expect(rejects(events).allSatisfy { $0.reason.contains("tanpa kolom") })
        #expect(records(events).map(\.fields) == [["1"], ["2"]])
    }

    // MARK: - Lines

    @Test(
        "line of the record's start tag",
        arguments: [
            ("<d><r a=\"1\"/>\n<r a=\"2\"/>\n\n<r a=\"3\"/></d>", [1, 2, 4]),
            (
                "<?xml version=\"1.0\"?>\n<!-- komentar\n  dua baris -->\n<d>\n  <r>\n    <a>1</a>\n  </r>\n  <r><a>\n2</a></r>\n</d>",
                [5, 8]
            ),
            ("\r\n<d>\r\n<r><a>x\r\ny</a></r>\r\n<r><a>z</a></r>\r\n</d>\r\n", [3, 5]),
            ("<d><r><a>1</a></r><r><a>2</a></r></d>", [1, 1]),
            ("<d>\n<r><a><![CDATA[\n\n]]></a></r>\n<r><a/></r></d>", [2, 5]),
            ("<d>\n<r\n  a=\"1\"\n  b=\"2\"/>\n<r a=\"&#10;\"\n b=\"x\">\n</r></d>", [2, 5]),
            ("<d><!-- <r> --><r><a>1</a></r>\n<?pi <r>?><r><a>2</a></r></d>", [1, 2]),
        ])
    func lines(xml: String, expected: [Int]) throws {
        let (_, events) = try readAll(xml, chunk: 3)
        #expect(records(events).map(\.line) == expected)
    }

    @Test("lines stay exact past line 65,535")
    func bigLines() throws {
        var xml = "<d>\n"
        for index in 0..<12_000 {
            xml += "  <r>\n    <n>\(index)</n>\n    <m>x</m>\n  </r>\n  <!-- \(index) -->\n  <r k=\"\(index)\"/>\n"
        }
        xml += "</d>\n"
        let (_, events) = try readAll(xml)
        let found = records(events)
        #expect(found.count == 24_000)
        let wrong = found.enumerated().filter { index, record in
            record.line != 2 + (index / 2) * 6 + (index % 2 == 0 ? 0 : 5)
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(3))")
        #expect((found.last?.line ?? 0) > 70_000)
    }

    // MARK: - Text

    @Test(
        "escaped text, CDATA and character references are decoded; raw is escaped again",
        arguments: [
            ("<a>A &amp; B &lt;C&gt;</a>", "A & B <C>", "<a>A &amp; B &lt;C&gt;</a>"),
            ("<a><![CDATA[<b>&amp;</b>]]></a>", "<b>&amp;</b>", "<a>&lt;b&gt;&amp;amp;&lt;/b&gt;</a>"),
            ("<a>x<![CDATA[ & ]]>y</a>", "x & y", "<a>x &amp; y</a>"),
            ("<a>&#65;&#x42;&#233;</a>", "ABé", "<a>ABé</a>"),
            ("<a>&apos;&quot;</a>", "'\"", "<a>'\"</a>"),
        ])
    func escapedText(field: String, value: String, raw: String) throws {
        let (_, events) = try readAll("<d><r>\(field)</r></d>")
        #expect(records(events).first?.fields == [value])
        #expect(records(events).first?.raw == "<r>\(raw)</r>")
    }

    @Test("attribute values with special characters are escaped in raw")
    func escapedAttribute() throws {
        let (_, events) = try readAll(#"<d><r a="&lt;&amp;&gt;&quot;'&#10;&#9;"/></d>"#)
        #expect(records(events).first?.fields == ["<&>\"'\n\t"])
        #expect(records(events).first?.raw == #"<r a="&lt;&amp;&gt;&quot;'&#10;&#9;"/>"#)
    }

    @Test(
        "non-ASCII text, read in chunks that split characters",
        arguments: [Int.max, 1, 2, 5])
    func nonASCII(chunk: Int) throws {
        let xml =
            "<daftar><guru nama=\"Ni Luh Putu Ayu Ṣrī\"><gelar>S.Pd., M.Pd.</gelar><catatan>Bandar Lampung — “Ibu” 👩‍🏫</catatan></guru></daftar>"
        let (_, events) = try readAll(xml, chunk: chunk)
        #expect(records(events).first?.fields == ["Ni Luh Putu Ayu Ṣrī", "S.Pd., M.Pd.", "Bandar Lampung — “Ibu” 👩‍🏫"])
    }

    @Test("a declared ISO-8859-1 encoding is converted to UTF-8, a BOM is skipped")
    func encodings() throws {
        var latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><d><r><nama>Jos".utf8)
        latin1 += [0xE9]  // é
        latin1 += Array("</nama></r></d>".utf8)
        let reader = try XMLTableReader(source: MemoryByteSource(latin1), file: "latin1.xml")
        #expect(try reader.next() == .record(TableRecord(line: 1, fields: ["José"], raw: "<r><nama>José</nama></r>")))

        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<d><r a=\"1\"/></d>".utf8)
        let withBOM = try XMLTableReader(source: MemoryByteSource(bom), file: "bom.xml")
        #expect(withBOM.header == ["a"])
    }

    @Test("white space before the XML declaration is read past, lines as in the file", arguments: [Int.max, 1, 3])
    func spaceBeforeTheDeclaration(chunk: Int) throws {
        let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<d>\n<r><a>1</a></r>\n<r><a>2</a></r>\n</d>\n"
        // The first record's line: the declaration's, plus the two lines of `<d>` and the record.
        for (start, firstLine) in [("\n", 4), ("\r\n\n", 5), ("  \t", 3), ("\u{FEFF}\n", 4)] {
            let (_, events) = try readAll(start + body, chunk: chunk)
            #expect(records(events).map(\.fields) == [["1"], ["2"]], "\(start.debugDescription)")
            #expect(records(events).map(\.line) == [firstLine, firstLine + 1], "\(start.debugDescription)")
        }
        // Damage after the records is still placed at its own line.
        let damaged = "\n\n" + body.replacingOccurrences(of: "</d>", with: "<r><a>3</b></r></d>")
        let (_, events) = try readAll(damaged, chunk: chunk)
        #expect(records(events).count == 2)
        #expect(rejects(events).map(\.line) == [7])
    }

    @Test("UTF-16 with a byte order mark is read (pieces cut inside code units)", arguments: [Int.max, 3])
    func utf16(chunk: Int) throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<d>\n<r><a>Ä&amp;ö</a></r>\n<r><a>ẞ</a></r>\n</d>\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let reader = try XMLTableReader(source: MemoryByteSource(bytes, chunk: chunk), file: "utf16.xml")
        var events: [TableEvent] = []
        while let event = try reader.next() { events.append(event) }
        #expect(records(events).map(\.fields) == [["Ä&ö"], ["ẞ"]])
        #expect(records(events).map(\.line) == [3, 4])
    }

    @Test(
        "UTF-16 damaged after records: the records are kept, the rest is one reject in readable text",
        arguments: [(false, Int.max), (true, Int.max), (false, 3), (true, 1)])
    func utf16Damaged(bigEndian: Bool, chunk: Int) throws {
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<d>\n<r><a>Ä</a></r>\n  <r><a>ẞ</a></b>\n<r><a>3</a></r>\n</d>\n"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let reader = try XMLTableReader(source: MemoryByteSource(bytes, chunk: chunk), file: "utf16.xml")
        var events: [TableEvent] = []
        while let event = try reader.next() { events.append(event) }
        #expect(records(events).map(\.fields) == [["Ä"]])
        let reject = try #require(rejects(events).first)
        // The parser's position, converted back to the file's bytes, finds the damaged record's tag.
        #expect(reject.raw.hasPrefix("<r><a>ẞ</a></b>"), "\(reject.raw.debugDescription)")
        #expect(reject.line == 4)
        #expect(reject.reason.hasPrefix("XML rusak setelah baris 3:"), "\(reject.reason)")
        #expect(!reject.raw.contains("\u{0}"))
    }

    // MARK: - Entities and safety

    @Test("an entity from the DTD is kept as its literal reference, with one warning")
    func internalEntityKeptLiteral() throws {
        let xml = """
            <!DOCTYPE d [ <!ENTITY kab "Kabupaten Tuban"> ]>
            <d>
              <r wilayah="&kab; timur"><nama>SDN 1 &kab;</nama></r>
              <r wilayah="x"><nama>&kab;</nama></r>
            </d>
            """
        let (reader, events) = try readAll(xml)
        #expect(reader.header == ["wilayah", "nama"])
        #expect(records(events).map(\.fields) == [["&kab; timur", "SDN 1 &kab;"], ["x", "&kab;"]])
        #expect(records(events).first?.raw == #"<r wilayah="&kab; timur"><nama>SDN 1 &kab;</nama></r>"#)
        #expect(!records(events).contains { $0.fields.joined().contains("Kabupaten") })
        #expect(reader.warnings.count == 1)
        #expect(reader.warnings.first?.contains("entitas") == true)
    }

    @Test(
        "external entities are never loaded",
        arguments: [
            #"<!DOCTYPE d [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]><d><r><a>&xxe;</a></r><r a="&xxe;"/></d>"#,
            #"<!DOCTYPE d [ <!ENTITY xxe SYSTEM "http://127.0.0.1:9/rahasia"> ]><d><r><a>&xxe;</a></r></d>"#,
            #"<!DOCTYPE d [ <!ENTITY % p SYSTEM "file:///etc/passwd"> %p; ]><d><r><a>1</a></r></d>"#,
            #"<!DOCTYPE d [ <!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p; ]><d><r><a>1</a></r></d>"#,
            #"<!DOCTYPE d SYSTEM "file:///etc/passwd"><d><r><a>1</a></r></d>"#,
            #"<!DOCTYPE d SYSTEM "http://127.0.0.1:9/d.dtd"><d><r><a>1</a></r></d>"#,
            #"<d xmlns:xi="http://www.w3.org/2001/XInclude"><r><a><xi:include href="file:///etc/passwd" parse="text"/></a></r></d>"#,
        ])
    func externalEntities(xml: String) throws {
        let clock = ContinuousClock()
        let start = clock.now
        var seen = ""
        do {
            let (reader, events) = try readAll(xml)
            seen = reader.header.joined() + events.map { "\($0)" }.joined() + reader.warnings.joined()
        } catch {
            seen = error.message
        }
        #expect(!seen.contains("root:"))
        #expect(!seen.contains("/bin/"))
        #expect(clock.now - start < .seconds(2))
    }

    @Test("an external entity pointing at a local file with a marker does not bring the marker in")
    func externalEntityMarkerFile() throws {
        let directory = TestScratch.url("padan-xml")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("rahasia.txt")
        try Data("RAHASIA-123".utf8).write(to: secret)
        let dtd = directory.appendingPathComponent("luar.dtd")
        try Data("<!ENTITY bocor \"RAHASIA-456\">".utf8).write(to: dtd)
        let xml = """
            <!DOCTYPE d SYSTEM "\(dtd.path)" [
              <!ENTITY xxe SYSTEM "\(secret.path)">
              <!ENTITY xxe2 SYSTEM "file://\(secret.path)">
              <!ENTITY % luar SYSTEM "file://\(dtd.path)"> %luar;
            ]>
            <d><r a="&xxe2;"><x>&xxe;</x><y>&xxe2;</y></r></d>
            """
        var seen = ""
        do {
            let (reader, events) = try readAll(xml)
            seen = reader.header.joined() + events.map { "\($0)" }.joined() + reader.warnings.joined()
            #expect(records(events).first?.fields == ["&xxe2;", "&xxe;", "&xxe2;"])
        } catch {
            seen = error.message
        }
        #expect(!seen.contains("RAHASIA"))
    }

    @Test(
        "billion laughs finishes fast without blowing up",
        arguments: [
            "<d><r><a>&lol9;</a></r></d>", "<d><r a=\"&lol9;\"><b>1</b></r></d>",
            "<d><r><a>1</a></r><r><a>&lol9;</a></r></d>",
        ])
    func billionLaughs(body: String) throws {
        var dtd =
            "<!DOCTYPE d [\n<!ENTITY lol \"lol\">\n<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        dtd += "]>\n"
        let clock = ContinuousClock()
        let start = clock.now
        var longest = 0
        do {
            let (_, events) = try readAll(dtd + body)
            longest = events.map { "\($0)".utf8.count }.max() ?? 0
        } catch {
            longest = error.message.utf8.count
        }
        #expect(clock.now - start < .seconds(2))
        #expect(longest < 10_000)
    }

    @Test("10,000-deep nesting inside the first record is an error, not a crash")
    func deepNestingFirstRecord() {
        let xml =
            "<d><r>" + String(repeating: "<x>", count: 10_000) + String(repeating: "</x>", count: 10_000) + "</r></d>"
        let error = inputError { _ = try readAll(xml) }
        #expect(error?.kind == .malformed)
        #expect(error?.message.hasPrefix("XML tidak sah: ") == true)
    }

    @Test("10,000-deep nesting after good records keeps them and rejects the rest")
    func deepNestingLater() throws {
        let xml =
            "<d>\n<r><a>1</a></r>\n<r><a>" + String(repeating: "<x>", count: 10_000)
            + String(repeating: "</x>", count: 10_000) + "</a></r>\n</d>"
        let (_, events) = try readAll(xml)
        #expect(records(events).map(\.fields) == [["1"]])
        #expect(rejects(events).count == 1)
        #expect(rejects(events).first?.line == 3)
        #expect(rejects(events).first?.raw.hasPrefix("<r><a><x><x>") == true)
        #expect((rejects(events).first?.raw.utf8.count ?? 0) <= 4096)
    }

    // MARK: - Damage

    @Test("truncated after some records: the records are kept and the rest is one reject", arguments: [Int.max, 64, 1])
    func truncatedAfterRecords(chunk: Int) throws {
        let cut = sekolah.range(of: "<nama>SD NEGERI KED").map { String(sekolah[..<$0.upperBound]) } ?? ""
        let reader = try XMLTableReader(source: MemoryByteSource(cut, chunk: chunk), file: "uji.xml")
        var events: [TableEvent] = []
        while let event = try reader.next() { events.append(event) }
        #expect(records(events).map(\.line) == [3])
        let reject = try #require(rejects(events).first)
        #expect(rejects(events).count == 1)
        #expect(events.last == .reject(reject))
        #expect(reject.line == 8)
        #expect(
            reject.reason
                == "XML rusak setelah baris 7: berkas terpotong, elemen belum ditutup di akhir berkas (baris 10)")
        #expect(reject.raw == "<sekolah>\n    <npsn>20504744</npsn>\n    <nama>SD NEGERI KED")
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    @Test("a mismatched tag in the middle keeps every record before it", arguments: [Int.max, 100, 1])
    func damagedMiddle(chunk: Int) throws {
        var xml = "<d>\n"
        for index in 1...50 { xml += "  <r><n>\(index)</n></r>\n" }
        xml += "  <r><n>51</x></r>\n"
        for index in 52...60 { xml += "  <r><n>\(index)</n></r>\n" }
        xml += "</d>\n"
        let (_, events) = try readAll(xml, chunk: chunk)
        #expect(records(events).map(\.fields) == (1...50).map { [String($0)] })
        let reject = try #require(rejects(events).first)
        #expect(rejects(events).count == 1)
        #expect(reject.line == 52)
        #expect(reject.raw.hasPrefix("<r><n>51</x></r>\n  <r><n>52</n></r>\n"))
        #expect(
            reject.reason.hasPrefix(
                "XML rusak setelah baris 51: tag penutup tidak cocok dengan tag pembukanya [libxml2: Opening and ending tag mismatch"
            ))
        #expect(reject.reason.contains("(baris 52)"))
    }

    @Test("damage in a minified (one-line) file: the rest starts at the damaged record", arguments: [Int.max, 5])
    func damagedMinified(chunk: Int) throws {
        let xml = "<d><r><a>1</a></r><r><a>2</a></r><r><a>3</b></r><r><a>4</a></r></d>"
        let (_, events) = try readAll(xml, chunk: chunk)
        #expect(records(events).map(\.fields) == [["1"], ["2"]])
        #expect(
            rejects(events) == [
                RowReject(
                    line: 1,
                    reason:
                        "XML rusak setelah baris 1: tag penutup tidak cocok dengan tag pembukanya [libxml2: Opening and ending tag mismatch: a line 1 and b] (baris 1)",
                    raw: "<r><a>3</b></r><r><a>4</a></r></d>")
            ])
    }

    @Test("damage right after a record: the rest starts after it, white space skipped")
    func damagedBetweenRecords() throws {
        let xml = "<d>\n  <r a=\"1\"/>\n  <r a=\"2\"/>\n\n  <<r a=\"3\"/>\n</d>\n"
        let (_, events) = try readAll(xml)
        #expect(records(events).map(\.line) == [2, 3])
        let reject = try #require(rejects(events).first)
        #expect(reject.line == 5)
        #expect(reject.raw == "<<r a=\"3\"/>\n</d>\n")
        #expect(reject.reason.hasPrefix("XML rusak setelah baris 3: "))
    }

    @Test("garbage after the root element is one reject after all records")
    func garbageAfterRoot() throws {
        let (_, events) = try readAll(sekolah + "<lagi/>\n")
        #expect(records(events).count == 2)
        #expect(rejects(events).count == 1)
        #expect(rejects(events).first?.raw.contains("<lagi/>") == true)
        // The root was closed: the file goes on past its end, it is not cut short.
        #expect(rejects(events).first?.reason.contains("ada isi setelah akhir dokumen") == true, "\(rejects(events))")
    }

    @Test(
        "damage far into a file read in large pieces: every record before it, the rest from the damaged record's tag",
        arguments: [Int.max, 4099])
    func damagedFarIn(chunk: Int) throws {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<d>\n"
        for index in 0..<9_000 { xml += "  <r>\n    <n>\(index)</n>\n    <m>é \(index)</m>\n  </r>\n" }
        xml += "  <r\n     k=\"1\"><n>9000</n><m>x</b></r>\n"
        for index in 9_001..<9_100 { xml += "  <r><n>\(index)</n></r>\n" }
        xml += "</d>\n"
        let (_, events) = try readAll(xml, chunk: chunk)
        let found = records(events)
        #expect(found.count == 9_000)
        #expect(found.last?.fields == ["8999", "é 8999"])
        #expect(found.last?.line == 3 + 8_999 * 4)
        let reject = try #require(rejects(events).first)
        #expect(reject.line == 3 + 9_000 * 4)
        let rest = "<r\n     k=\"1\"><n>9000</n><m>x</b></r>\n  <r><n>9001</n></r>"
        #expect(reject.raw.hasPrefix(rest), "\(reject.raw.prefix(80))")
        let reason = "XML rusak setelah baris \(2 + 9_000 * 4): tag penutup tidak cocok"
        #expect(reject.reason.hasPrefix(reason), "\(reject.reason)")
    }

    @Test("a file in a single-byte encoding damaged after its records: the rest from the damaged record's tag")
    func latin1Damaged() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<d>\n".utf8)
        for index in 0..<3_000 { bytes += Array("<r><nama>Jos".utf8) + [0xE9] + Array(" \(index)</nama></r>\n".utf8) }
        bytes += Array("<r a=\"".utf8) + [0xE9] + Array("\"><nama>x</b></r>\n</d>\n".utf8)
        let reader = try XMLTableReader(source: MemoryByteSource(bytes), file: "latin1.xml")
        var events: [TableEvent] = []
        while let event = try reader.next() { events.append(event) }
        #expect(records(events).count == 3_000)
        #expect(records(events).last?.fields == ["José 2999"])
        let reject = try #require(rejects(events).first)
        #expect(reject.line == 3_003)
        // The file's own bytes, as far as they are UTF-8: é is not.
        #expect(reject.raw.hasPrefix("<r a=\""), "\(reject.raw.prefix(40))")
        #expect(reject.raw.contains("<nama>x</b></r>"))
    }

    @Test("a text over 10 MB is damage (libxml2's limit without XML_PARSE_HUGE); the records before it are kept")
    func hugeText() throws {
        let huge = String(repeating: "x", count: 10_000_001)
        let xml = "<d>\n<r><a>1</a></r>\n<r><a>" + huge + "</a></r>\n<r><a>3</a></r>\n</d>\n"
        let (reader, events) = try readAll(xml)
        #expect(records(events).map(\.fields) == [["1"]])
        let reject = try #require(rejects(events).first)
        #expect(rejects(events).count == 1)
        #expect(reject.reason.contains("huge text node"), "\(reject.reason)")
        #expect(reject.raw.utf8.count <= 4096)
        #expect(reader.warnings.isEmpty)
    }

    @Test("the rest of a damaged file is cut to 4 KB")
    func damagedRestIsCut() throws {
        var xml = "<d><r><a>1</a></r>\n<r><a>2</b></r>\n"
        for index in 0..<2_000 { xml += "<r><a>\(index) é</a></r>\n" }
        let (_, events) = try readAll(xml)
        let reject = try #require(rejects(events).first)
        #expect(reject.raw.hasPrefix("<r><a>2</b></r>"))
        #expect(reject.raw.utf8.count <= 4096 && reject.raw.utf8.count > 4000)
        #expect(!reject.raw.contains("\u{FFFD}"))
    }

    @Test(
        "not well-formed before any full record: fatal",
        arguments: [
            "<d><r><a>1</a>",
            "<d><r><a>1</b></r></d>",
            "<d><r a=1/></d>",
            "npsn,nama\n1,SD\n",
            "<d><r><a>&tidakada;</a></r></d>",
        ])
    func malformedBeforeRecord(xml: String) {
        let error = inputError { _ = try readAll(xml) }
        #expect(error?.kind == .malformed)
        #expect(error?.file == "uji.xml")
        #expect(error?.message.hasPrefix("XML tidak sah: ") == true)
        #expect(error?.line != nil)
    }

    @Test(
        "empty file or no root: fatal",
        arguments: ["", "   \n\n", "\u{FEFF}", "<?xml version=\"1.0\"?>\n", "<!-- hanya komentar -->"])
    func noRecords(xml: String) {
        let error = inputError { _ = try readAll(xml) }
        #expect(error == InputError(.malformed, file: "uji.xml", message: "berkas XML tidak berisi rekaman"))
    }

    @Test(
        "a well-formed root without records is an empty table, headed by the kind's columns",
        arguments: ["<d/>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<daftar_ptk>\n</daftar_ptk>", "<d>teks</d>"])
    func rootWithoutRecords(xml: String) throws {
        let reader = try XMLTableReader(
            source: MemoryByteSource(xml), file: "uji.xml", columns: [["npsn"], ["nama", "nama_sekolah"]])
        #expect(reader.header == ["npsn", "nama"])
        #expect(try reader.next() == nil)
        #expect(!reader.noRecordHeld(0))
    }

    @Test("a root holding only records without fields: their rejects, and no record")
    func onlyRecordsWithoutFields() throws {
        let (reader, events) = try readAll("<d>\n<r/>\n<r>teks</r>\n</d>")
        #expect(reader.header == [])
        #expect(records(events).isEmpty)
        #expect(rejects(events).map(\.line) == [2, 3])
    }

    // MARK: - Header from the kind's columns

    /// The PTK kind's first columns, as `InputKind.columnGroups` gives them.
    static let ptkColumns = [
        ["ptk_id"], ["nama"], ["nip"], ["jenis_kelamin", "jk", "l/p"], ["npsn"], ["status_tugas", "ptk_induk"],
    ]

    @Test(
        "fields left out of the first record still get columns; later records placed by key", arguments: [Int.max, 5])
    func headerCompletedByTheKindsColumns(chunk: Int) throws {
        let xml = """
            <daftar>
              <ptk><nama>Siti</nama><NPSN>20504741</NPSN><agama>Islam</agama></ptk>
              <ptk><nama>Budi</nama><NPSN>20504744</NPSN><agama>Islam</agama></ptk>
              <ptk><Nama>Ani</Nama><nip>198501012010011001</nip><npsn>20504745</npsn><L_P>P</L_P><PTK_INDUK>0</PTK_INDUK><x>?</x></ptk>
              <ptk jk="L"><nama>Eko</nama><NPSN>20504746</NPSN><n.i.p>'1985</n.i.p></ptk>
            </daftar>
            """
        let reader = try XMLTableReader(
            source: MemoryByteSource(xml, chunk: chunk), file: "uji.xml", columns: Self.ptkColumns)
        var events: [TableEvent] = []
        while let event = try reader.next() { events.append(event) }
        #expect(reader.header == ["nama", "NPSN", "agama", "ptk_id", "nip", "jenis_kelamin", "status_tugas"])
        #expect(
            records(events).map(\.fields) == [
                ["Siti", "20504741", "Islam", "", "", "", ""],
                ["Budi", "20504744", "Islam", "", "", "", ""],
                ["Ani", "20504745", "", "", "198501012010011001", "P", "0"],
                ["Eko", "20504746", "", "", "'1985", "L", ""],
            ])
        #expect(records(events).map(\.count).allSatisfy { $0 == reader.header.count })
        #expect(records(events)[2].raw.hasPrefix("<ptk><Nama>Ani</Nama>"))
        // ptk_id: no record held it; every other column was held by some record.
        #expect((0..<reader.header.count).filter(reader.noRecordHeld) == [3])
    }

    @Test("an alias fills its group's column; the first of several names for one column wins")
    func aliasesShareTheirGroupsColumn() throws {
        let xml = """
            <d>
              <r><npsn>1</npsn><jenis_kelamin>L</jenis_kelamin></r>
              <r><npsn>2</npsn><jk>P</jk></r>
              <r><npsn>3</npsn><l-p>L</l-p><jenis_kelamin>P</jenis_kelamin></r>
            </d>
            """
        let reader = try XMLTableReader(source: MemoryByteSource(xml), file: "uji.xml", columns: Self.ptkColumns)
        var events: [TableEvent] = []
        while let event = try reader.next() { events.append(event) }
        #expect(reader.header == ["npsn", "jenis_kelamin", "ptk_id", "nama", "nip", "status_tugas"])
        #expect(records(events).map { $0.fields[1] } == ["L", "P", "L"])
        #expect(!reader.noRecordHeld(1))
        #expect(reader.noRecordHeld(3))
    }

    @Test("records repeating a shape other than the first's are placed alike, shapes alternating")
    func repeatedOtherShapes() throws {
        let xml =
            "<d><r><npsn>1</npsn></r><r><nip>a</nip><NPSN>2</NPSN></r><r><nip>b</nip><NPSN>3</NPSN></r>"
            + "<r><PTK_ID>x</PTK_ID></r><r><nip>c</nip><NPSN>4</NPSN></r><r><npsn>5</npsn></r></d>"
        let reader = try XMLTableReader(source: MemoryByteSource(xml), file: "uji.xml", columns: Self.ptkColumns)
        var events: [TableEvent] = []
        while let event = try reader.next() { events.append(event) }
        #expect(reader.header == ["npsn", "ptk_id", "nama", "nip", "jenis_kelamin", "status_tugas"])
        #expect(
            records(events).map { [$0.fields[0], $0.fields[1], $0.fields[3]] } == [
                ["1", "", ""], ["2", "", "a"], ["3", "", "b"], ["", "x", ""], ["4", "", "c"], ["5", "", ""],
            ])
        #expect((0..<reader.header.count).filter(reader.noRecordHeld) == [2, 4, 5])
    }

    @Test("without columns the header is the first record's names, later records placed by key")
    func withoutColumnsNamesMatchByKey() throws {
        let (reader, events) = try readAll(
            "<d><r><Kode_Wilayah>1</Kode_Wilayah></r><r><kode wilayah=\"x\"/><KODEWILAYAH>2</KODEWILAYAH></r></d>")
        #expect(reader.header == ["Kode_Wilayah"])
        #expect(records(events).map(\.fields) == [["1"], ["2"]])
    }

    @Test("a failing source is the reader's error, never a reject")
    func failingSource() {
        let bytes = Array(sekolah.utf8)
        let early = inputError {
            _ = try XMLTableReader(source: MemoryByteSource(bytes, chunk: 16, failAfter: 20), file: "uji.xml")
        }
        #expect(early?.kind == .unreadable)
        let late = inputError {
            let reader = try XMLTableReader(
                source: MemoryByteSource(bytes, chunk: 16, failAfter: bytes.count - 30), file: "uji.xml")
            while try reader.next() != nil {}
        }
        #expect(late?.kind == .unreadable)
    }

    @Test("10,000 records stream with bounded reads")
    func manyRecords() throws {
        var xml = "<d>\n"
        for index in 0..<10_000 { xml += "<r><npsn>\(index)</npsn><nama>SD \(index)</nama></r>\n" }
        xml += "</d>\n"
        let source = MemoryByteSource(xml)
        let reader = try XMLTableReader(source: source, file: "uji.xml")
        #expect(source.reads < 10)
        var count = 0
        while case .record(let record)? = try reader.next() {
            #expect(record.fields[0] == String(count))
            count += 1
        }
        #expect(count == 10_000)
    }
}
