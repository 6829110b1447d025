import PadanCore
import PadanTestSupport
import Testing

@Suite("NIP.read")
struct NIPTests {
    let runDate = Fixture.date("2024-11-22")

    struct Valid: CustomTestStringConvertible, Sendable {
        var text: String
        var digits: String
        var shape: NIP.Shape
        var birth: String
        var sex: Gender
        var testDescription: String { "\(text) → \(shape)" }
    }

    static let valid: [Valid] = [
        Valid(text: "198501012010011001", digits: "198501012010011001", shape: .pns, birth: "1985-01-01", sex: .male),
        Valid(text: "197303152000122002", digits: "197303152000122002", shape: .pns, birth: "1973-03-15", sex: .female),
        // PPPK: year appointed 2019, `2`, stage 2 — read as PNS, the "month" would be 22.
        Valid(text: "199001012019221001", digits: "199001012019221001", shape: .pppk, birth: "1990-01-01", sex: .male),
        Valid(
            text: "199508272019212684", digits: "199508272019212684", shape: .pppk, birth: "1995-08-27", sex: .female),
        Valid(
            text: "199001012023292005", digits: "199001012023292005", shape: .pppk, birth: "1990-01-01", sex: .female),
        // The 15 years after birth bind the PNS TMT only (`rules.md` §1 puts no such bound on the PPPK year).
        Valid(
            text: "199001012004211017", digits: "199001012004211017", shape: .pppk, birth: "1990-01-01", sex: .male),
        // Separators and the spreadsheet text marker.
        Valid(
            text: "19850101 201001 1 001", digits: "198501012010011001", shape: .pns, birth: "1985-01-01", sex: .male),
        Valid(
            text: "19850101.201001.1.001", digits: "198501012010011001", shape: .pns, birth: "1985-01-01", sex: .male),
        Valid(
            text: "19850101-201001-1-001", digits: "198501012010011001", shape: .pns, birth: "1985-01-01", sex: .male),
        Valid(text: "'198501012010011001", digits: "198501012010011001", shape: .pns, birth: "1985-01-01", sex: .male),
        Valid(
            text: "  '19850101 201001 1 001 ", digits: "198501012010011001", shape: .pns, birth: "1985-01-01",
            sex: .male),
        // No upper bound on the TMT or appointment year (`rules.md` §1 gives none): a run as of an earlier
        // date reads a NIP of a later intake.
        Valid(text: "198501012027011001", digits: "198501012027011001", shape: .pns, birth: "1985-01-01", sex: .male),
        Valid(text: "199001012027221001", digits: "199001012027221001", shape: .pppk, birth: "1990-01-01", sex: .male),
        // Grouped with no-break spaces, as pasted from a web page: U+00A0, U+202F, U+2007.
        Valid(
            text: "19850101\u{00A0}201001\u{00A0}1\u{00A0}001", digits: "198501012010011001", shape: .pns,
            birth: "1985-01-01", sex: .male),
        Valid(
            text: "'19850101\u{202F}201001\u{2007}1 001", digits: "198501012010011001", shape: .pns,
            birth: "1985-01-01", sex: .male),
        // Bounds of the birth date: 1940, and exactly 15 years before the run.
        Valid(text: "194001011965011001", digits: "194001011965011001", shape: .pns, birth: "1940-01-01", sex: .male),
        Valid(text: "200911222024011001", digits: "200911222024011001", shape: .pns, birth: "2009-11-22", sex: .male),
        // A leap day.
        Valid(text: "198402292010012001", digits: "198402292010012001", shape: .pns, birth: "1984-02-29", sex: .female),
    ]

    @Test(arguments: valid)
    func validNIPs(_ c: Valid) throws {
        let nip = try #require(NIP.read(c.text, runDate: runDate).nip)
        var bytes = c.text
        #expect(bytes.withUTF8 { NIP.read(bytes: $0, runDate: runDate) } == .valid(nip))
        #expect(nip.digits == c.digits)
        #expect(nip.shape == c.shape)
        #expect(nip.birthDate == Fixture.date(c.birth))
        #expect(nip.sex == c.sex)
        #expect(nip.description == c.digits)
    }

    @Test(arguments: [
        "1.98501E+17", "1,98501E+17", "1.98501e+17", "1.98501E17", "1,985010120100E+17", "'1.98501E+17",
        "198501012010011001.0", "198501012010011001,0", "198501012010011001.00", "198501012010011.0",
    ])
    func corruptedBySpreadsheet(_ text: String) {
        #expect(NIP.read(text, runDate: runDate) == .corrupted(text.hasPrefix("'") ? String(text.dropFirst()) : text))
    }

    struct Invalid: CustomTestStringConvertible, Sendable {
        var text: String
        /// A word the Bahasa Indonesia reason must hold.
        var reason: String
        var testDescription: String { text }
    }

    static let invalid: [Invalid] = [
        Invalid(text: "19850101201001100", reason: "17 angka"),
        Invalid(text: "1985010120100110011", reason: "19 angka"),
        Invalid(text: "19850101201001100A", reason: "selain angka"),
        Invalid(text: "NIP 198501012010011001", reason: "selain angka"),
        // Other non-ASCII characters are not grouping spaces: a thin space (U+2009), a letter (U+00C2).
        Invalid(text: "19850101\u{2009}201001 1 001", reason: "selain angka"),
        Invalid(text: "19850101\u{00C2}201001 1 001", reason: "selain angka"),
        // A decimal part that is not zeros is not a spreadsheet's doing.
        Invalid(text: "198501012010011001,5", reason: "selain angka"),
        // Fewer than 15 digits before the decimal part: not the corrupted shape either.
        Invalid(text: "19850101201001.0", reason: "angka"),
        Invalid(text: "198502302010011001", reason: "kalender"),
        Invalid(text: "198513012010011001", reason: "kalender"),
        Invalid(text: "198501002010011001", reason: "kalender"),
        Invalid(text: "193912312010011001", reason: "1940"),
        Invalid(text: "200911232024011001", reason: "15 tahun"),
        Invalid(text: "198501012010131001", reason: "TMT"),
        Invalid(text: "198501012010001001", reason: "TMT"),
        // TMT CPNS must be at least 15 years after birth.
        Invalid(text: "198501011999011001", reason: "TMT"),
        Invalid(text: "198501012010013001", reason: "jenis kelamin"),
        Invalid(text: "198501012010010001", reason: "jenis kelamin"),
        Invalid(text: "199001012019223001", reason: "jenis kelamin"),
        // PPPK stage 0 (reads as "month 20").
        Invalid(text: "199001012019201001", reason: "PPPK"),
    ]

    @Test(arguments: invalid)
    func invalidNIPs(_ c: Invalid) {
        guard case .invalid(_, let why) = NIP.read(c.text, runDate: runDate) else {
            Issue.record("\(c.text) read as \(NIP.read(c.text, runDate: runDate))")
            return
        }
        #expect(why.contains(c.reason), "\(why)")
    }

    @Test(arguments: [nil, "", "   ", "-", "null", "NULL", "'", " ' "] as [String?])
    func empty(_ text: String?) {
        #expect(NIP.read(text, runDate: runDate) == .empty)
    }

    @Test func validityDependsOnTheRunDate() {
        let text = "200911222024011001"
        #expect(NIP.read(text, runDate: Fixture.date("2024-11-22")).nip != nil)
        #expect(NIP.read(text, runDate: Fixture.date("2024-11-21")).nip == nil)
    }

    @Test func maskedHidesTheMiddleDigits() throws {
        let nip = try #require(NIP.read("198501012010011001", runDate: runDate).nip)
        #expect(nip.masked == "198501******011001")
        #expect(nip.masked.count == 18)
        #expect(!nip.masked.contains("012010"))
    }

    @Test func readingExposesOnlyAValidNIP() {
        #expect(NIP.Reading.empty.nip == nil)
        #expect(NIP.Reading.corrupted("1.9E+17").nip == nil)
        #expect(NIP.Reading.invalid("1", why: "x").nip == nil)
    }
}
