/// Synthetic NIPs, their spellings, and the reading `rules.md` section 1 gives them.
package enum NIP {
    /// The year the generator takes "the run" to be in when checking a NIP's birth date. Generated
    /// birth years stay below 2002, so the answer is the same for any run from 2017 on.
    package static let referenceYear = 2025

    /// The two valid shapes of an 18-digit NIP.
    package enum Shape: Sendable, Equatable {
        case pns, pppk
    }

    /// What `rules.md` makes of a NIP value.
    package enum Reading: Sendable, Equatable {
        case empty
        /// Scientific notation or a decimal part of zeros: a spreadsheet destroyed it.
        case corrupted
        /// Digits that are not a valid 18-digit NIP (the digits, for keys).
        case invalid(String)
        case valid(String, Shape)

        /// The normalized digits when there are any to show (valid or invalid).
        package var digits: String? {
            switch self {
            case .valid(let digits, _), .invalid(let digits): return digits
            case .empty, .corrupted: return nil
            }
        }
    }

    /// A PNS/CPNS NIP: birth date, TMT year and month, sex digit, serial.
    package static func pns(birth: Day, tmtYear: Int, tmtMonth: Int, sex: Sex, serial: Int) -> String {
        birth.compact + String(tmtYear) + twoDigits(tmtMonth) + sex.nipDigit + threeDigits(serial)
    }

    /// A PPPK NIP: birth date, year appointed, `2`, stage digit, sex digit, serial.
    package static func pppk(birth: Day, year: Int, stage: Int, sex: Sex, serial: Int) -> String {
        birth.compact + String(year) + "2" + String(stage) + sex.nipDigit + threeDigits(serial)
    }

    /// `19850101 201001 1 001`
    package static func spaced(_ nip: String) -> String { grouped(nip, " ") }

    /// `19850101.201001.1.001`
    package static func dotted(_ nip: String) -> String { grouped(nip, ".") }

    /// What a spreadsheet shows after turning the NIP into a number: `1.98501E+17`.
    package static func scientific(_ nip: String) -> String {
        let digits = Array(nip)
        return "\(digits[0]).\(String(digits[1...5]))E+\(nip.count - 1)"
    }

    /// The NIP read back from a spreadsheet cell with a decimal part, `…001,0` or `…001.0`.
    package static func decimal(_ nip: String, comma: Bool) -> String { nip + (comma ? ",0" : ".0") }

    /// The NIP rounded to 15 significant digits by a spreadsheet and written with `.0`.
    package static func rounded(_ nip: String) -> String { String(nip.prefix(15)) + "000.0" }

    /// Reads a cleaned value (trimmed, spreadsheet `'` dropped; `nil` for no value) as `rules.md` does.
    package static func read(_ value: String?) -> Reading {
        guard var text = value, !text.isEmpty else { return .empty }
        if text.hasPrefix("'") { text.removeFirst() }
        if isScientific(text) || isDecimalOfZeros(text) { return .corrupted }
        var digits = String(text.filter { $0 != " " && $0 != "." && $0 != "-" })
        if digits.hasPrefix("'") { digits.removeFirst() }
        guard digits.count == 18, digits.allSatisfy(\.isASCIIDigit) else { return .invalid(digits) }
        guard let shape = shape(of: digits) else { return .invalid(digits) }
        return .valid(digits, shape)
    }

    /// The shape of 18 digits, or `nil` when they are neither a PNS nor a PPPK NIP.
    package static func shape(of digits: String) -> Shape? {
        let d = Array(digits.utf8).map { Int($0) - 48 }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + d[$1] } }
        let birth = Day(number(0..<4), number(4..<6), number(6..<8))
        guard birth.isReal, birth.year >= 1940, birth.year <= referenceYear - 15 else { return nil }
        if d[12] == 2 {
            return (1...9).contains(d[13]) && (1...2).contains(d[14]) ? .pppk : nil
        }
        let month = number(12..<14)
        guard (1...12).contains(month), number(8..<12) >= birth.year + 15, (1...2).contains(d[14]) else { return nil }
        return .pns
    }

    private static func isScientific(_ text: String) -> Bool {
        let parts = text.uppercased().split(separator: "E", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let mantissa = parts[0].split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard mantissa.count <= 2, mantissa.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return false
        }
        var exponent = Substring(parts[1])
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }

    private static func isDecimalOfZeros(_ text: String) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard parts.count == 2 else { return false }
        return parts[0].count >= 15 && parts[0].allSatisfy(\.isASCIIDigit)
            && !parts[1].isEmpty && parts[1].allSatisfy { $0 == "0" }
    }

    private static func grouped(_ nip: String, _ separator: String) -> String {
        let d = Array(nip)
        return String(d[0..<8]) + separator + String(d[8..<14]) + separator + String(d[14]) + separator
            + String(d[15..<18])
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    private static func threeDigits(_ value: Int) -> String {
        value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : String(value)
    }
}

extension Character {
    /// `0`…`9` only (not other scripts' digits).
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
