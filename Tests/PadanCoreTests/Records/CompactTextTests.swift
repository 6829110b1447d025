import Testing

@testable import PadanCore

/// The compact storage of record fields gives back exactly the text that was read.
@Suite("CompactText")
struct CompactTextTests {
    @Test(arguments: [
        "198501012010011001", "0012345678901234", "1", "9999999999999999999", "19850101 201001 1 001", "'1985",
        "1.98501E+17", "12345678901234567890", "", "abc", "١٢٣", "0", "19850101.201001.1.001", "19850101-201001-1-001",
        "'198501012010011001", "'0070", "'", "''1985", "19850101 201001.1 001", "19850101  201001 1 01",
        "1985010 2010011 1 001",
        "19850101 201001 1 00a", "'9999999999999999999", "'12345678901234567890",
    ])
    func digitTextKeepsTheText(_ text: String) {
        #expect(DigitText(text).text == text)
        #expect(DigitText(text).withText { String(decoding: $0, as: UTF8.self) } == text)
    }

    /// Digits written two at a time give back every run of every length, leading zeros kept.
    @Test func aCountIsWrittenAsItsDecimalDigits() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, Int(Int32.max)] {
            var bytes = [UInt8]()
            DigitText.count(n).appendText(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(n))
            #expect(DigitText.count(n).text == String(n))
        }
    }

    @Test func digitRunsOfEveryLengthAreWrittenAsRead() {
        var generator = SystemRandomNumberGenerator()
        for count in 1...19 {
            for _ in 0..<200 {
                let text = String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
                let digits = DigitText(text)
                #expect(digits.text == text)
                var bytes = [UInt8]()
                digits.appendText(to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == text)
            }
        }
    }

    @Test func digitTextNumbersOnlyPlainDigitRuns() {
        #expect(DigitText("198501012010011001").eighteenDigits == 198_501_012_010_011_001)
        #expect(DigitText("0198501012010011001").eighteenDigits == nil)
        #expect(DigitText("98501012010011001").eighteenDigits == nil)
        #expect(DigitText("007") != DigitText("7"))
        #expect(DigitText("19850101 201001 1 001").eighteenDigits == nil)
        #expect(DigitText("'198501012010011001").eighteenDigits == nil)
    }

    @Test func digitTextStoresTypedNIPsWithoutABox() {
        #expect(DigitText("19850101 201001 1 001") == .grouped(198_501_012_010_011_001, separator: 0x20))
        #expect(DigitText("19850101.201001.1.001") == .grouped(198_501_012_010_011_001, separator: 0x2E))
        #expect(DigitText("'198501012010011001") == .quoted(198_501_012_010_011_001, count: 18))
        #expect(DigitText("'0070") == .quoted(70, count: 4))
        // One text, one form: equal texts are equal values and different texts different ones.
        #expect(DigitText("19850101 201001 1 001") != DigitText("19850101.201001.1.001"))
        #expect(DigitText("'0070") != DigitText("0070"))
        #expect(DigitText("19850101 201001.1 001") == .other("19850101 201001.1 001"))
    }

    @Test(arguments: [
        "284d853f-f3d2-4fc5-a52a-c3799aa285d7", "284D853F-F3D2-4FC5-A52A-C3799AA285D7",
        "284d853ff3d24fc5a52ac3799aa285d7",
        "284D853f-f3d2-4fc5-a52a-c3799aa285d7", "284d853f-f3d2-4fc5-a52a-c3799aa285d", "P-001", "",
        "284d853f_f3d2_4fc5_a52a_c3799aa285d7",
        "g84d853f-f3d2-4fc5-a52a-c3799aa285d7",
    ])
    func identifierTextKeepsTheText(_ text: String) {
        #expect(IdentifierText(text).text == text)
        #expect(IdentifierText(text).lowercased.text == text.lowercased())
    }

    /// Every hex digit in every position, both cases, dashed or not, as text and appended as bytes.
    @Test func identifiersAreWrittenAsRead() {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var samples = (0..<16).map { d in String(repeating: digits[d], count: 32) }
        samples += (0..<500).map { _ in String((0..<32).map { _ in digits[Int.random(in: 0..<16, using: &generator)] })
        }
        for hex in samples {
            let dashed = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { r in
                String(hex.dropFirst(r.lowerBound).prefix(r.count))
            }.joined(separator: "-")
            for text in [hex, hex.uppercased(), dashed, dashed.uppercased()] {
                #expect(IdentifierText(text).text == text)
                var bytes = [UInt8]()
                IdentifierText(text).appendText(to: &bytes)
                #expect(bytes == Array(text.utf8))
            }
            let id = SiasnID(dashed)
            #expect(id?.text == dashed)
            #expect(id?.key == hex)
            var bytes = [UInt8]()
            id?.appendText(to: &bytes)
            #expect(bytes == Array(dashed.utf8))
        }
    }

    /// Ids read eight digits at a time agree with reading them digit by digit, for every byte in every place.
    @Test func idsAreReadAsTheirDigitsSay() {
        func reference(_ bytes: [UInt8]) -> (UInt64, UInt64, IdentifierText.UUIDStyle)? {
            let dashed = bytes.count == 36
            guard bytes.count == 32 || (dashed && [8, 13, 18, 23].allSatisfy { bytes[$0] == 0x2D }) else { return nil }
            var hi: UInt64 = 0, lo: UInt64 = 0, n = 0, lower = false, upper = false
            for (i, b) in bytes.enumerated() where !(dashed && [8, 13, 18, 23].contains(i)) {
                let v: UInt64
                switch b {
                case 0x30...0x39: v = UInt64(b - 0x30)
                case 0x61...0x66: v = UInt64(b - 0x61 + 10); lower = true
                case 0x41...0x46: v = UInt64(b - 0x41 + 10); upper = true
                default: return nil
                }
                if n < 16 { hi = hi << 4 | v } else { lo = lo << 4 | v }
                n += 1
            }
            return lower && upper ? nil : (hi, lo, IdentifierText.UUIDStyle(dashed: dashed, upperCase: upper))
        }
        func same(_ a: (UInt64, UInt64, IdentifierText.UUIDStyle)?, _ b: (UInt64, UInt64, IdentifierText.UUIDStyle)?)
            -> Bool
        {
            guard let a, let b else { return a == nil && b == nil }
            return a.0 == b.0 && a.1 == b.1 && a.2 == b.2
        }
        var generator = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef".utf8)
        for dashed in [false, true] {
            for trial in 0..<400 {
                let upper = trial % 2 == 0
                var bytes = (0..<32).map { _ in hex[Int.random(in: 0..<16, using: &generator)] }
                if upper { bytes = bytes.map { $0 >= 0x61 ? $0 - 0x20 : $0 } }
                if dashed { for at in [8, 13, 18, 23] { bytes.insert(0x2D, at: at) } }
                // One byte somewhere set to any value.
                var changed = bytes
                changed[Int.random(in: 0..<changed.count, using: &generator)] = UInt8.random(
                    in: 0...255, using: &generator)
                for sample in [bytes, changed] {
                    let fast = sample.withUnsafeBufferPointer { IdentifierText.parse(bytes: $0) }
                    #expect(same(fast, reference(sample)), "\(sample)")
                }
            }
            // Every byte value in the first and last digit.
            let base = Array(
                (dashed ? "284d853f-f3d2-4fc5-a52a-c3799aa285d7" : "284d853ff3d24fc5a52ac3799aa285d7").utf8)
            for place in [0, base.count - 1] {
                for value in 0...255 {
                    var sample = base
                    sample[place] = UInt8(value)
                    let fast = sample.withUnsafeBufferPointer { IdentifierText.parse(bytes: $0) }
                    #expect(same(fast, reference(sample)), "\(place) \(value)")
                }
            }
        }
    }

    @Test func identifierTextLowerCasedIsOneIdentity() {
        let upper = IdentifierText("284D853F-F3D2-4FC5-A52A-C3799AA285D7").lowercased
        let lower = IdentifierText("284d853f-f3d2-4fc5-a52a-c3799aa285d7").lowercased
        let mixed = IdentifierText("284D853f-f3d2-4fc5-a52a-c3799aa285d7").lowercased
        #expect(upper == lower)
        #expect(mixed == lower)
        #expect(IdentifierText("").isEmpty)
    }

    @Test(arguments: ["20523157", "00000001", "99999999"])
    func npsnKeepsLeadingZeros(_ text: String) throws {
        #expect(try #require(NPSN(text)).text == text)
    }

    @Test func sharedTextIsSharedByTheInterner() {
        let interner = TextInterner()
        let a = interner.box("Guru Kelas"), b = interner.box("Guru " + "Kelas")
        #expect(a === b)
        #expect(interner.box(nil as String?) == nil)
    }

    @Test func recordsGiveBackWhatTheyWereMadeWith() throws {
        let date = try #require(CalendarDate(year: 1985, month: 1, day: 1))
        let source = SourceLocation(file: "dapodik/ptk-1.csv", line: 12)
        let teacher = DapodikTeacher(
            ptkId: "284D853F-f3d2-4fc5-a52a-c3799aa285d7", nama: "Drs. Wawan, S.Pd.", nipText: "19850101 201001 1 001",
            nip: NIP.read("198501012010011001", runDate: date.adding(years: 40)), gender: .male, birthDate: date,
            statusKepegawaian: "PNS", jenisPtk: "Guru Kelas",
            tugasTambahan: nil, golonganText: "III/a", npsn: try #require(NPSN("20523157")), isInduk: true,
            source: source)
        #expect(teacher.ptkId == "284D853F-f3d2-4fc5-a52a-c3799aa285d7")
        #expect(teacher.nipText == "19850101 201001 1 001")
        #expect(teacher.statusKepegawaian == "PNS" && teacher.employment == .pns && teacher.isTeacherByDapodik)
        #expect(teacher.golonganText == "III/a" && teacher.golongan?.canonical == "III/a")
        #expect(teacher.nip.nip?.digits == "198501012010011001")
        #expect(teacher.nip.nip?.birthDate == date)
        #expect(teacher.source == source && teacher.source.description == "dapodik/ptk-1.csv:12")
    }
}
