import PadanCore
import PadanTestSupport
import Testing

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test(arguments: [
        "1985-01-31", "31-01-1985", "31/01/1985", "1985-01-31 00:00:00", "1985-01-31 23:59:59", " 31-01-1985 ",
        "1985-01-31T08:00:00",
    ])
    func everyAcceptedFormat(_ text: String) throws {
        let date = try #require(CalendarDate(year: 1985, month: 1, day: 31))
        #expect(CalendarDate.read(text) == .date(date))
    }

    @Test(arguments: [nil, "", "  ", "01-01-0001", "0001-01-01", "01-01-0001 00:00:00", "01/01/0001"] as [String?])
    func noValue(_ text: String?) {
        #expect(CalendarDate.read(text) == .none)
    }

    @Test(arguments: [
        "31-02-1980", "1980-02-30", "29-02-1981", "29-02-1900", "31-04-2000", "00-01-1980", "01-13-1980",
        "1985/01/31", "85-01-31", "1985-1-31", "31.01.1985", "31-01/1985", "tanggal", "1985-01-31 00:00",
        "01-01-1799", "19850131",
    ])
    func invalid(_ text: String) {
        #expect(CalendarDate.read(text) == .invalid)
    }

    @Test(arguments: ["29-02-1980", "2000-02-29", "29/02/2024"])
    func leapDays(_ text: String) {
        guard case .date(let date) = CalendarDate.read(text) else {
            Issue.record("\(text) not read")
            return
        }
        #expect(date.month == 2 && date.day == 29)
    }

    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("1970-01-02", 1), ("2000-03-01", 11_017), ("2000-01-01", 10_957),
        ("1900-01-01", -25_567), ("2024-11-22", 20_049),
    ])
    func dayNumber(_ text: String, _ expected: Int) {
        #expect(Fixture.date(text).dayNumber == expected)
    }

    @Test func dayArithmetic() {
        #expect(Fixture.date("2024-03-01").dayNumber - Fixture.date("2024-02-28").dayNumber == 2)
        #expect(Fixture.date("2023-03-01").dayNumber - Fixture.date("2023-02-28").dayNumber == 1)
        #expect(Fixture.date("2025-01-01").dayNumber - Fixture.date("2024-01-01").dayNumber == 366)
        #expect(Fixture.date("2024-11-22").dayNumber - Fixture.date("2024-01-01").dayNumber == 326)
    }

    @Test func addingYears() {
        #expect(Fixture.date("2024-11-22").adding(years: -15) == Fixture.date("2009-11-22"))
        #expect(Fixture.date("2024-02-29").adding(years: -1) == Fixture.date("2023-02-28"))
        #expect(Fixture.date("2024-02-29").adding(years: 4) == Fixture.date("2028-02-29"))
    }

    @Test func descriptionIsISO() throws {
        let date = try #require(CalendarDate(year: 985, month: 3, day: 7))
        #expect(date.description == "0985-03-07")
        #expect(Fixture.date("31/12/1999").description == "1999-12-31")
    }

    @Test func ordering() {
        #expect(Fixture.date("1985-01-31") < Fixture.date("1985-02-01"))
        #expect(Fixture.date("1984-12-31") < Fixture.date("1985-01-01"))
        #expect(!(Fixture.date("1985-01-01") < Fixture.date("1985-01-01")))
    }

    @Test func memberwiseRejectsImpossibleDates() {
        #expect(CalendarDate(year: 1980, month: 2, day: 30) == nil)
        #expect(CalendarDate(year: 1980, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 1980, month: 1, day: 0) == nil)
    }

    @Test func isoIsStrict() {
        #expect(CalendarDate(iso: "2024-11-22") == Fixture.date("2024-11-22"))
        #expect(CalendarDate(iso: "22-11-2024") == nil)
        #expect(CalendarDate(iso: "2024-11-22 10:00:00") == nil)
        #expect(CalendarDate(iso: "2024-02-30") == nil)
    }

    @Test func trimmingSpaces() {
        #expect(" \t a b \n".trimmingSpaces == "a b")
        #expect("\u{A0}x\u{A0}".trimmingSpaces == "x")
        #expect("".trimmingSpaces == "")
    }
}
