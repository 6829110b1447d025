import PadanCore
import Testing

@testable import PadanWriters

@Suite("JSONBytes")
struct JSONBytesTests {
    /// The word-at-a-time scan agrees with a byte-at-a-time one: every length to 24 with each byte that
    /// needs escaping, and its neighbours, at every position, and random bytes.
    @Test func needsEscapeMatchesByteScan() {
        func reference(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
        let probes: [UInt8] = [
            0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE2, 0xFF,
        ]
        for length in 0...24 {
            for position in 0..<max(length, 1) {
                for probe in probes {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if length > 0 { bytes[position] = probe }
                    let found = bytes.withUnsafeBufferPointer(JSONBytes.needsEscape)
                    #expect(found == reference(bytes), "\(bytes)")
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                UInt8.random(in: 0x18...0xFF, using: &generator)
            }
            #expect(bytes.withUnsafeBufferPointer(JSONBytes.needsEscape) == reference(bytes), "\(bytes)")
        }
    }

    @Test(arguments: [0, 7, 10, 2024, 1_584_652, -3, Int.max, Int.min])
    func integersAsDecimalText(_ n: Int) {
        var out = JSONBytes()
        out.int(n)
        #expect(out.string == String(n))
    }
}

@Suite("JSONLines")
struct JSONLinesTests {
    /// Texts, integers and raw bytes written through the pointer are the bytes ``JSONBytes`` writes, past the
    /// first capacity too (a block of payload lines grows when its lines are longer than estimated).
    @Test func sameBytesAsJSONBytes() {
        let texts = [
            "", "Guru Ahli Madya", "Budi \"B\"", "back\\slash", "tab\there", "line\nbreak", "\u{01}ctl",
            "Sd Negeri Rowosari Iii Jember Kabupaten Jember", "Ngatini Nur'aini", "ÉLODIE ÇÖ",
            String(repeating: "é", count: 300),
        ]
        var lines = JSONLines(capacity: 16), bytes = JSONBytes(capacity: 16)
        for (i, text) in texts.enumerated() {
            lines.string(text)
            bytes.string(text)
            lines.int(i * 1_000_003 - 7)
            bytes.int(i * 1_000_003 - 7)
            lines.raw([UInt8(ascii: ","), 0x0A])
            bytes.raw([UInt8(ascii: ","), 0x0A])
        }
        lines.string(nil as String?)
        bytes.string(nil as String?)
        let written = lines.finish().withBytes { Array($0) }
        #expect(written == bytes.bytes)
    }

    @Test(arguments: [0, 7, 10, 2024, 1_584_652, -3, Int.max, Int.min])
    func integersAsDecimalText(_ n: Int) {
        var out = JSONLines(capacity: 1)
        out.int(n)
        let text = out.finish().string
        #expect(text == String(n))
    }

    /// The key's digits written in place are its `hex`, and nothing around them moves.
    @Test func keyFilledInPlace() {
        var out = JSONLines()
        out.literal("{\"k\":\"")
        let at = out.hexPlaceholder()
        out.literal("\"}")
        let key = PayloadKey(digest: (0..<32).map { UInt8($0 * 7 % 256) })
        out.fillHex(key, at: at)
        let text = out.finish().string
        #expect(text == "{\"k\":\"\(key.hex)\"}")
    }

    /// The key is the SHA-256 of the prefix, then the ranges in order, skipping what lies between them.
    @Test func keyHashesThePrefixAndTheRanges() {
        var out = JSONLines()
        out.literal("abcXYZdef")
        let key = out.sha256(prefix: "{", 0..<3, 6..<9)
        var whole = JSONLines()
        whole.literal("{abcdef")
        #expect(key == whole.sha256(prefix: "", 0..<7))
        // Python's hashlib.sha256(b"{abcdef")
        #expect(key.hex == "0be909cc21b1298280f1dced6d2a5edd0d9315340743374a999a0b7fe2b08f96")
    }

    /// Ids and digit texts written from their compact forms are the string literals of their texts.
    @Test(arguments: [
        "197610311998091537", "19761031 199809 1 537", "19761031.199809.1.537", "'197610311998091537", "0012",
        "1.98E+17", "19761031\"199809", "back\\slash", "",
    ])
    func digitTextsAreTheLiteralsOfTheirTexts(_ text: String) {
        var compact = JSONLines(), literal = JSONLines()
        compact.string(DigitText(text))
        literal.string(text)
        let (a, b) = (compact.finish().string, literal.finish().string)
        #expect(a == b)
    }

    @Test(arguments: ["418C1C4D1CB749FD92F3637A31AE5FE4", "418c1c4d-1cb7-49fd-92f3-637a31ae5fe4"])
    func siasnIdsAreTheLiteralsOfTheirTexts(_ text: String) throws {
        let id = try #require(SiasnID(text))
        var compact = JSONLines(), literal = JSONLines()
        compact.string(id)
        literal.string(id.text)
        let (a, b) = (compact.finish().string, literal.finish().string)
        #expect(a == b)
    }
}

@Suite("Payload keys sixteen at a time")
struct PayloadKeyLanesTests {
    /// Lines whose hashed bodies are every length from 1 to 300 bytes (every way a body's end falls in its last
    /// blocks, with one or two blocks of padding), then random ones to 3,000: ``JSONLines/fillKeys(_:)`` gives each
    /// the key hashed one at a time through swift-crypto, and writes it where the line has room for it.
    @Test func keysAsHashedOneByOne() {
        var generator = SystemRandomNumberGenerator()
        var lengths = Array(0..<300)
        lengths += (0..<200).map { _ in Int.random(in: 0...3000, using: &generator) }
        var out = JSONLines()
        var pending = [PendingKey]()
        for length in lengths {
            let keyAt = out.hexPlaceholder()
            let split = length / 3
            let body = (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
            let membersStart = out.count
            out.raw(Array(body[..<split]))
            let membersEnd = out.count
            out.literal(",\"sumber\":{}")
            let tahapStart = out.count
            out.raw(Array(body[split...]))
            pending.append(PendingKey(keyAt: keyAt, members: membersStart..<membersEnd, tahap: tahapStart..<out.count))
            out.byte(0x0A)
        }
        let expected = pending.map { out.sha256(prefix: "{", $0.members, $0.tahap) }
        let keys = out.fillKeys(pending)
        #expect(keys == expected)
        let text = out.finish().string
        let written = text.split(separator: "\n").map { String($0.prefix(64)) }
        #expect(written == expected.map(\.hex))
    }
}
