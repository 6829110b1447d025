import PadanCore
import Testing

@Suite("SiasnID, NPSN, SourceLocation")
struct SourceLocationTests {
    static let hex = "632cda9fb0b6d00d402fcd41fabd926f"
    static let dashed = "632cda9f-b0b6-d00d-402f-cd41fabd926f"

    @Test(arguments: [
        hex, hex.uppercased(), dashed, dashed.uppercased(), " \(hex) ", "632CDA9F-b0b6-D00D-402f-cd41FABD926F",
    ])
    func readsEitherFormAndCase(_ text: String) throws {
        let id = try #require(SiasnID(text)), canonical = try #require(SiasnID(Self.hex))
        #expect(id == canonical)
        #expect(id.hashValue == canonical.hashValue)
        #expect(id.key == Self.hex)
        // Outputs show the id lower-cased, as written otherwise.
        #expect(id.text == text.trimmingSpaces.lowercased())
        #expect(id.description == id.text)
    }

    /// Ids hash through ``FastHash``: a table of many ids, and of ids that differ in one half or one bit,
    /// finds each and keeps them apart.
    @Test func manyIdsInOneTable() throws {
        var ids = [SiasnID]()
        for i in 0..<20_000 {
            let hi = String(UInt64.random(in: 0...UInt64.max), radix: 16), lo = String(UInt64(i), radix: 16)
            let text =
                String(repeating: "0", count: 16 - hi.count) + hi + String(repeating: "0", count: 16 - lo.count) + lo
            ids.append(try #require(SiasnID(text)))
            ids.append(
                try #require(
                    SiasnID(String(repeating: "0", count: 16) + String(repeating: "0", count: 16 - lo.count) + lo)))
        }
        let table = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(table.count == Set(ids.map(\.key)).count)
        for (i, id) in ids.enumerated() { #expect(ids[table[id]!] == id, "\(i)") }
        let schools = Set((0..<10_000).compactMap { NPSN(String(20_000_000 + $0)) })
        #expect(schools.count == 10_000 && schools.contains(NPSN("20009999")!) && !schools.contains(NPSN("20010000")!))
    }

    /// The readers give an NPSN's bytes already trimmed; read from them, it is what the text reading finds.
    @Test(arguments: [
        "20523157", "00000001", "'20523157", "''20523157", "2052315", "205231570", "2052315a", "", "'", "20 523157",
        "２０５２３１５７",
    ])
    func npsnFromBytesAgreesWithTheText(_ text: String) {
        let fromBytes = Array(text.utf8).withUnsafeBufferPointer { NPSN(bytes: $0) }
        #expect(fromBytes == NPSN(text))
    }

    @Test func dashedAndUndashedAreOneKeyInCollections() throws {
        let a = try #require(SiasnID(Self.hex)), b = try #require(SiasnID(Self.dashed.uppercased()))
        #expect(Set([a, b]).count == 1)
        #expect([a: 1][b] == 1)
        #expect(!(a < b) && !(b < a))
    }

    @Test(
        arguments: [
            nil, "", "632cda9fb0b6d00d402fcd41fabd926", "632cda9fb0b6d00d402fcd41fabd926f0",
            "632cda9fb0b6d00d402fcd41fabd926g", "632cda9f-b0b6-d00d-402f-cd41fabd926",
            "632cda9fb-0b6-d00d-402f-cd41fabd926f",
            "632cda9f_b0b6_d00d_402f_cd41fabd926f", "{632cda9f-b0b6-d00d-402f-cd41fabd926f}",
        ] as [String?])
    func rejectsOtherShapes(_ text: String?) {
        #expect(SiasnID(text) == nil)
    }

    @Test func ordersByKey() throws {
        let a = try #require(SiasnID("00000000-0000-0000-0000-00000000000f"))
        let b = try #require(SiasnID("a0000000000000000000000000000000"))
        #expect(a < b)
    }

    @Test(arguments: ["20505185", " 20505185 ", "'20505185"])
    func npsn(_ text: String) {
        #expect(NPSN(text)?.text == "20505185")
        #expect(NPSN(text)?.description == "20505185")
    }

    @Test(arguments: [nil, "", "2050518", "205051850", "2050518A", "2050 5185", "-"] as [String?])
    func notAnNPSN(_ text: String?) {
        #expect(NPSN(text) == nil)
    }

    @Test func sourceLocation() {
        let a = SourceLocation(file: "ptk-1.csv", line: 9), b = SourceLocation(file: "ptk-1.csv", line: 10)
        #expect(a.description == "ptk-1.csv:9")
        #expect(a < b)
        #expect(b < SourceLocation(file: "ptk-2.csv", line: 1))
    }
}
