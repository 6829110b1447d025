/// A calendar date without time or zone, as the registers write birth dates.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    // 6 bytes rather than three `Int`s: every record holds one or two dates.
    private var storedYear: Int32
    private var storedMonth: UInt8
    private var storedDay: UInt8

    public var year: Int {
        get { Int(storedYear) }
        set { storedYear = Int32(clamping: newValue) }
    }
    public var month: Int {
        get { Int(storedMonth) }
        set { storedMonth = UInt8(clamping: newValue) }
    }
    public var day: Int {
        get { Int(storedDay) }
        set { storedDay = UInt8(clamping: newValue) }
    }

    /// A date only if it exists in the proleptic Gregorian calendar (years within ±2,147,483,647).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
            let stored = Int32(exactly: year)
        else { return nil }
        self.storedYear = stored
        self.storedMonth = UInt8(month)
        self.storedDay = UInt8(day)
    }

    /// 1970-01-01.
    public static let unixEpoch = CalendarDate(storedYear: 1970, storedMonth: 1, storedDay: 1)

    private init(storedYear: Int32, storedMonth: UInt8, storedDay: UInt8) {
        self.storedYear = storedYear
        self.storedMonth = storedMonth
        self.storedDay = storedDay
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// Days since 1970-01-01 (negative before), for day arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The same day `years` years earlier or later (29 February falls back to the 28th).
    public func adding(years: Int) -> CalendarDate {
        let y = year + years
        return CalendarDate(year: y, month: month, day: min(day, Self.daysIn(month: month, year: y)))
            ?? self
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension CalendarDate {
    /// What a date field holds after reading.
    public enum Reading: Equatable, Sendable {
        case none
        case date(CalendarDate)
        case invalid
    }

    /// Reads `YYYY-MM-DD`, `DD-MM-YYYY`, `DD/MM/YYYY` or `YYYY-MM-DD HH:MM:SS`; `01-01-0001` is no value.
    public static func read(_ text: String?) -> Reading {
        guard var text = text?.trimmingSpaces, !text.isEmpty else { return .none }
        return text.withUTF8 { read(bytes: $0) }
    }

    /// Reads trimmed UTF-8 `bytes` (nil: no value) as ``read(_:)`` reads text.
    public static func read(bytes: UnsafeBufferPointer<UInt8>?) -> Reading {
        guard var bytes, !bytes.isEmpty else { return .none }
        if bytes.count == 19, let space = bytes.firstIndex(of: 0x20) ?? bytes.firstIndex(of: UInt8(ascii: "T")) {
            bytes = UnsafeBufferPointer(rebasing: bytes[..<space])
        }
        guard bytes.count == 10 else { return .invalid }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        let year: Int?, month: Int?, day: Int?
        if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        } else if (bytes[2] == UInt8(ascii: "-") && bytes[5] == UInt8(ascii: "-"))
            || (bytes[2] == UInt8(ascii: "/") && bytes[5] == UInt8(ascii: "/"))
        {
            (day, month, year) = (number(0..<2), number(3..<5), number(6..<10))
        } else {
            return .invalid
        }
        guard let year, let month, let day else { return .invalid }
        if year == 1, month == 1, day == 1 { return .none }
        guard year >= 1800, let date = CalendarDate(year: year, month: month, day: day) else { return .invalid }
        return .date(date)
    }

    /// Parses strictly `YYYY-MM-DD` (command-line `--as-of`).
    public init?(iso text: String) {
        guard case .date(let date) = Self.read(text), text.utf8.count == 10, text.contains("-"),
            text.firstIndex(of: "-") == text.index(text.startIndex, offsetBy: 4)
        else { return nil }
        self = date
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    public var trimmingSpaces: String {
        // Fast path: both ends ASCII and not white space, so nothing is trimmed and no scalar is looked
        // at (most values of an export; the slow path cost 13% of a 300,000-teacher run's CPU time).
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
            !ASCII.isSpace(first), !ASCII.isSpace(last)
        {
            return text
        }
        // ASCII white space trimmed byte by byte; scalars looked at only where an end is not ASCII.
        let utf8 = text.utf8
        var low = utf8.startIndex, high = utf8.endIndex
        while low < high, ASCII.isSpace(utf8[low]) { low = utf8.index(after: low) }
        while high > low, ASCII.isSpace(utf8[utf8.index(before: high)]) { high = utf8.index(before: high) }
        if low == high { return "" }
        if utf8[low] < 0x80, utf8[utf8.index(before: high)] < 0x80 { return String(text[low..<high]) }
        let scalars = text[low..<high].unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace {
            end = scalars.index(before: end)
        }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}

/// Tests on bytes of text.
public enum ASCII {
    /// The ASCII bytes `Unicode.Scalar.Properties.isWhitespace` holds true (what `trimmingSpaces` trims at
    /// an ASCII end): TAB, LF, VT, FF, CR, space.
    public static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
