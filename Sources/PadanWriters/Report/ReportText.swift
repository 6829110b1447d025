/// How the pages write numbers and dates for Indonesian readers.
package enum ReportText {
    static let months = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
        "November", "Desember",
    ]

    /// `1234567` as `1.234.567`.
    package static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "." }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// `part / whole` as `78,5%` (one decimal, `0%` when `whole` is zero).
    package static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        let tenths = Int((Double(part) * 1000 / Double(whole)).rounded())
        return "\(tenths / 10),\(tenths % 10)%"
    }

    /// `2025-01-10` as `10 Januari 2025`; other text as given.
    package static func date(_ iso: String) -> String {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m)
        else { return iso }
        return "\(d) \(months[m - 1]) \(y)"
    }

    /// `2025-01-10` as `10 Jan` (chart labels).
    package static func shortDate(_ iso: String) -> String {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return iso }
        return "\(d) \(months[m - 1].prefix(3))"
    }

    /// `2025-01-10T19:00:03Z` as `10 Januari 2025 pukul 19.00 UTC`.
    package static func timestamp(_ iso: String) -> String {
        guard iso.count >= 16 else { return iso }
        let time = iso.dropFirst(11).prefix(5).replacingOccurrences(of: ":", with: ".")
        return "\(date(iso)) pukul \(time) UTC"
    }
}
