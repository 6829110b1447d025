import PadanCore

/// Values tests write as text, read with the production readers; a typo is a programmer's error.
public enum Fixture {
    /// The run date of every builder unless a test says otherwise.
    public static let runDate = date("2024-11-22")
    /// The active period of every builder unless a test says otherwise.
    public static let periode = periode("2024-S2")

    /// A date in any format `CalendarDate.read` accepts.
    public static func date(_ text: String) -> CalendarDate {
        guard case .date(let date) = CalendarDate.read(text) else { preconditionFailure("not a date: \(text)") }
        return date
    }

    /// A period in any spelling `Periode(reading:)` accepts.
    public static func periode(_ text: String) -> Periode {
        guard let periode = Periode(reading: text) else { preconditionFailure("not a periode: \(text)") }
        return periode
    }

    /// An NPSN.
    public static func npsn(_ text: String) -> NPSN {
        guard let npsn = NPSN(text) else { preconditionFailure("not an NPSN: \(text)") }
        return npsn
    }

    /// A SIASN id.
    public static func id(_ text: String) -> SiasnID {
        guard let id = SiasnID(text) else { preconditionFailure("not a SIASN id: \(text)") }
        return id
    }

    /// The 32-hex id numbered `n` (`a0000…0007`), distinct for each `n`.
    public static func id(number n: Int, prefix: Character = "a") -> SiasnID {
        let hex = String(n, radix: 16)
        return id(String(prefix) + String(repeating: "0", count: 31 - hex.count) + hex)
    }

    /// A PNS NIP: birth `YYYYMMDD` · TMT `YYYYMM` · sex `1`/`2` · serial.
    public static func pnsNIP(born: String = "19850101", tmt: String = "201001", sex: Int = 1, serial: Int = 1)
        -> String
    {
        born + tmt + String(sex) + threeDigits(serial)
    }

    /// A PPPK NIP: birth `YYYYMMDD` · year appointed · `2` · stage · sex `1`/`2` · serial.
    public static func pppkNIP(
        born: String = "19900101", appointed: String = "2019", stage: Int = 1, sex: Int = 1, serial: Int = 1
    ) -> String {
        born + appointed + "2" + String(stage) + String(sex) + threeDigits(serial)
    }

    static func threeDigits(_ n: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
}
