/// A calendar day without time or zone (birth dates, appointment months).
package struct Day: Hashable, Comparable, Sendable {
    package var year: Int
    package var month: Int
    package var day: Int

    package init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether the three numbers name a real day of the Gregorian calendar.
    package var isReal: Bool {
        year >= 1 && (1...12).contains(month) && day >= 1 && day <= Day.length(of: month, in: year)
    }

    package static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days in `month` of `year`.
    package static func length(of month: Int, in year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A uniformly random real day between the two years, inclusive.
    package static func random(_ random: inout SampleRandom, years: ClosedRange<Int>) -> Day {
        let year = random.int(years)
        let month = random.int(1...12)
        return Day(year, month, random.int(1...length(of: month, in: year)))
    }

    /// The day `count` days later (or earlier, for a negative count).
    package func adding(days count: Int) -> Day {
        var result = self
        var remaining = count
        while remaining > 0 {
            result.day += 1
            if result.day > Day.length(of: result.month, in: result.year) {
                result.day = 1
                result.month += 1
                if result.month > 12 { result.month = 1; result.year += 1 }
            }
            remaining -= 1
        }
        while remaining < 0 {
            result.day -= 1
            if result.day < 1 {
                result.month -= 1
                if result.month < 1 { result.month = 12; result.year -= 1 }
                result.day = Day.length(of: result.month, in: result.year)
            }
            remaining += 1
        }
        return result
    }

    /// `YYYYMMDD`, as embedded in a NIP.
    package var compact: String { pad(year, 4) + pad(month, 2) + pad(day, 2) }

    /// `YYYY-MM-DD`.
    package var iso: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

    /// The day written in one of the formats `inputs.md` accepts.
    package func written(_ style: DateStyle) -> String {
        switch style {
        case .iso: return iso
        case .dayMonthYearDash: return pad(day, 2) + "-" + pad(month, 2) + "-" + pad(year, 4)
        case .dayMonthYearSlash: return pad(day, 2) + "/" + pad(month, 2) + "/" + pad(year, 4)
        case .isoWithTime: return iso + " 00:00:00"
        }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// The date formats every date field accepts (`inputs.md`).
package enum DateStyle: CaseIterable, Sendable {
    case iso, dayMonthYearDash, dayMonthYearSlash, isoWithTime
}

/// A person's sex as both registers record it.
package enum Sex: Sendable, Hashable {
    case male, female

    /// The other one (for planted disagreements).
    package var flipped: Sex { self == .male ? .female : .male }
    /// The NIP digit: 1 male, 2 female.
    package var nipDigit: String { self == .male ? "1" : "2" }
}
