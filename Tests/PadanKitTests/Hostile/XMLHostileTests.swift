import Foundation
import Testing

/// Hostile `dapodik_sekolah` XML through the real binary: nothing loaded, nothing expanded, nothing hangs,
/// and damage after whole records keeps them.
@Suite(.serialized)
struct XMLHostileTests {
    static let file = "dapodik/sekolah.xml"

    /// region-a's school file split into its declaration, the records (each with its text), and the end.
    struct Schools {
        var declaration: String
        var records: [String]
        var opening: String
        var closing: String

        init(_ text: String) throws {
            let open = try #require(text.range(of: "<daftar_sekolah>"))
            let close = try #require(text.range(of: "</daftar_sekolah>", options: .backwards))
            declaration = String(text[..<open.lowerBound])
            let parts = text[open.upperBound..<close.lowerBound].components(separatedBy: "<sekolah>")
            opening = "<daftar_sekolah>" + (parts.first ?? "")
            closing = String(text[close.lowerBound...])
            records = parts.dropFirst().map { "<sekolah>" + $0 }
        }

        func joined(doctype: String = "", records: [String]? = nil, tail: String? = nil) -> String {
            declaration + doctype + opening + (records ?? self.records).joined() + (tail ?? closing)
        }

        /// The 1-based line where record `index` starts in `joined(doctype:)`.
        func line(ofRecord index: Int, doctype: String = "") -> Int {
            let before = declaration + doctype + opening + records[..<index].joined()
            return before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        }
    }

    @Test func externalEntitiesAndDTDsAreNeverLoaded() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let marker = "RAHASIA-\(UUID().uuidString)"
        let secret = region.root.deletingLastPathComponent().appendingPathComponent("rahasia.txt")
        try marker.write(to: secret, atomically: true, encoding: .utf8)
        let listener = try LocalListener()
        defer { listener.close() }
        let doctype = try String(
            contentsOf: HostileRegion.fixtures.appendingPathComponent("external-entities.dtd.txt"), encoding: .utf8
        )
        .replacingOccurrences(of: "SECRET", with: secret.path).replacingOccurrences(
            of: "PORT", with: "\(listener.port)")
        let schools = try Schools(region.text(Self.file))
        var records = schools.records
        records[0] = records[0].replacingOccurrences(of: "</nama>", with: " &rahasia;&rahasia2;&jaringan;</nama>")
        // An external entity in an attribute value is not even well-formed XML: the last record is damage.
        let last = records.count - 1
        records[last] = records[last].replacingOccurrences(of: "<sekolah>", with: "<sekolah catatan=\"&rahasia;\">")
        try region.replace(Self.file, with: schools.joined(doctype: doctype, records: records))

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["dapodik_sekolah"]?.rows == schools.records.count)
        #expect(accounting.inputs["dapodik_sekolah"]?.rejected == 1)
        let reject = try #require(accounting.rejects(of: Self.file).first)
        #expect(reject[2] == "\(schools.line(ofRecord: last, doctype: doctype))")
        #expect(reject[3].contains("rahasia"), "\(reject[3])")
        // The reference is read as its literal text, and the operator is told so once.
        #expect(run.stderr.contains("\(Self.file): rujukan entitas DTD tidak diuraikan"))
        #expect(try region.allOutputText().contains("&rahasia;"))
        for text in [try region.allOutputText(), run.stdout, run.stderr] {
            #expect(!text.contains(marker), "the secret file's content reached an output")
        }
        #expect(!listener.wasContacted(), "padan opened a network connection")
    }

    @Test(arguments: [0, 2])
    func billionLaughsIsRefusedFastAndBounded(recordIndex: Int) throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let doctype = try String(
            contentsOf: HostileRegion.fixtures.appendingPathComponent("billion-laughs.dtd.txt"), encoding: .utf8)
        let schools = try Schools(region.text(Self.file))
        var records = schools.records
        records[recordIndex] = records[recordIndex].replacingOccurrences(of: "</nama>", with: " &lol9;</nama>")
        try region.replace(Self.file, with: schools.joined(doctype: doctype, records: records))

        let run = try region.run(timeout: 30)
        #expect(!run.timedOut)
        #expect(run.seconds < 15, "took \(run.seconds) s")
        let line = schools.line(ofRecord: recordIndex, doctype: doctype)
        if recordIndex == 0 {
            // No whole record before the bomb: the file is unusable.
            #expect(run.status == 65, "\(run.stderr)")
            let named = try #require(run.stderr.firstRange(of: "\(Self.file):"))
            let number = Int(run.stderr[named.upperBound...].prefix { $0.isNumber }) ?? 0
            #expect((line...(line + 12)).contains(number), "\(run.stderr) (record at line \(line))")
            #expect(!FileManager.default.fileExists(atPath: region.latest.path))
        } else {
            // The records before it are kept, the rest of the file is one reject.
            #expect(run.status == 0, "\(run.stderr)")
            let accounting = try RowAccounting(region)
            #expect(accounting.inputs["dapodik_sekolah"]?.rows == recordIndex + 1)
            #expect(accounting.inputs["dapodik_sekolah"]?.rejected == 1)
            let reject = try #require(accounting.rejects(of: Self.file).first)
            #expect(reject[2] == "\(line)")
            #expect(!(try region.allOutputText().contains("lollollol")))
        }
    }

    @Test(arguments: [false, true])
    func tenThousandDeepNestingIsOneRejectOrFatal(first: Bool) throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let schools = try Schools(region.text(Self.file))
        let deep =
            "<sekolah><npsn>" + String(repeating: "<x>", count: 10_000) + String(repeating: "</x>", count: 10_000)
            + "</npsn></sekolah>\n"
        let records = first ? [deep] + schools.records : schools.records + [deep]
        try region.replace(Self.file, with: schools.joined(records: records))

        let run = try region.run(timeout: 30)
        #expect(!run.timedOut)
        if first {
            #expect(run.status == 65, "\(run.stderr)")
            #expect(run.stderr.contains("\(Self.file):\(schools.line(ofRecord: 0)):"), "\(run.stderr)")
            return
        }
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["dapodik_sekolah"]?.rows == schools.records.count + 1)
        #expect(accounting.inputs["dapodik_sekolah"]?.rejected == 1)
        let reject = try #require(accounting.rejects(of: Self.file).first)
        #expect(reject[2] == "\(schools.line(ofRecord: schools.records.count))")
    }

    @Test func truncatedAfterSomeRecordsKeepsThemAndRejectsTheRest() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let schools = try Schools(region.text(Self.file))
        var records = Array(schools.records.prefix(6))
        let cut = try #require(records[5].range(of: "<nama>"))
        records[5] = String(records[5][..<cut.upperBound]) + "SD NEG"
        try region.replace(Self.file, with: schools.joined(records: records, tail: ""))

        let run = try region.run()
        #expect(run.status == 0, "\(run.stderr)")
        let accounting = try RowAccounting(region)
        #expect(accounting.inputs["dapodik_sekolah"]?.rows == 6)
        #expect(accounting.inputs["dapodik_sekolah"]?.rejected == 1)
        let reject = try #require(accounting.rejects(of: Self.file).first)
        #expect(reject[2] == "\(schools.line(ofRecord: 5))")
        #expect(reject[3].contains("terpotong"), "\(reject[3])")
        #expect(reject[4].hasPrefix("<sekolah>"))
        let mapped = try PadanProcess.csv(region.latest.appendingPathComponent("unor_map.csv")).dropFirst().map {
            $0[0]
        }
        let kept = schools.records.prefix(5).compactMap { record -> String? in
            guard let open = record.range(of: "<npsn>"), let close = record.range(of: "</npsn>") else { return nil }
            return String(record[open.upperBound..<close.lowerBound])
        }
        // Every Negeri school among the kept five is mapped (or not) in unor_map.csv: the records were used.
        #expect(Set(mapped).isSubset(of: Set(kept)))
        #expect(!mapped.isEmpty)
    }

    @Test func libxml2NeverWritesToStderrOnItsOwn() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        // An encoding libxml2 converts through iconv, and a byte that does not convert: libxml2 used to print
        // "encoding error : input conversion failed…" itself, without the file's name.
        let text = try region.text(Self.file).replacingOccurrences(
            of: "encoding=\"UTF-8\"", with: "encoding=\"U-TF-8\"")
        #expect(text.contains("U-TF-8"))
        var bytes = Array(text.utf8)
        // In the second record's first end tag: `</npsn\xFF>`.
        let second = try #require(text.ranges(of: "</npsn>").dropFirst().first)
        bytes.insert(0xFF, at: text.utf8.distance(from: text.startIndex, to: second.upperBound) - 1)
        try region.replace(Self.file, with: bytes)

        let run = try region.run()
        #expect(run.status == 0 || run.status == 65, "\(run.stderr)")
        for line in run.stderr.split(separator: "\n") {
            #expect(line.hasPrefix("padan: "), "a line not from padan on stderr: \(line)")
        }
    }

    @Test func truncatedBeforeAnyRecordExits65NamingTheFile() throws {
        guard let region = try HostileRegion.make() else { return }
        defer { region.remove() }
        let schools = try Schools(region.text(Self.file))
        let cut = try #require(schools.records[0].range(of: "<nama>"))
        try region.replace(
            Self.file,
            with: schools.joined(records: [String(schools.records[0][..<cut.upperBound]) + "SD NEG"], tail: ""))

        let run = try region.run()
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(Self.file):5:"), "\(run.stderr)")
        #expect(run.stderr.contains("terpotong"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: region.latest.path))
    }
}

/// A TCP listener on 127.0.0.1 that only notes whether anyone connected.
final class LocalListener {
    private let socketDescriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Whether a connection is waiting (or was made and closed) since the listener opened.
    func wasContacted() -> Bool {
        let connection = accept(socketDescriptor, nil, nil)
        if connection >= 0 {
            Glibc.close(connection)
            return true
        }
        return false
    }

    func close() { Glibc.close(socketDescriptor) }
}
