/// An 18-digit civil-servant number that passed the shape rules of `rules.md` §1.
///
/// Two shapes exist: PNS/CPNS (`YYYYMMDD` birth · `YYYYMM` TMT CPNS · sex · serial) and PPPK
/// (`YYYYMMDD` birth · `YYYY` appointed · `2` · stage `1`–`9` · sex · serial). Read with the PNS rule a
/// PPPK NIP has "month" `21`–`29`, which is why the two are told apart by digit 13.
public struct NIP: Hashable, Sendable, CustomStringConvertible {
    public enum Shape: String, Sendable {
        case pns = "PNS"
        case pppk = "PPPK"
    }

    // 9 bytes per NIP where an 18-character `String` took a heap block: the 18 digits as a number (they fit
    // in 60 bits), the shape and sex read once. The birth date is read again from the digits when asked.
    /// The 18 digits as a number: what keys and comparisons use.
    public let value: UInt64
    public let shape: Shape
    /// The sex embedded in digit 15.
    public let sex: Gender

    /// The 18 digits.
    public var digits: String { DigitText.digits(value, count: 18).text }

    /// The birth date embedded in digits 1–8.
    public var birthDate: CalendarDate {
        let yyyymmdd = Int(value / 10_000_000_000)
        return CalendarDate(year: yyyymmdd / 10_000, month: yyyymmdd / 100 % 100, day: yyyymmdd % 100)
            ?? .unixEpoch  // never: `read` checked the date
    }

    public var description: String { digits }

    /// Log-safe form: `198501******011001` (the middle six digits hidden).
    public var masked: String {
        String(digits.prefix(6)) + "******" + String(digits.suffix(6))
    }

    /// What a NIP field holds after reading.
    public enum Reading: Equatable, Sendable {
        /// Empty, `null`, `-`.
        case empty
        // The two rare cases boxed, so a reading is 10 bytes, not 33.
        /// Destroyed by a spreadsheet (scientific notation or a decimal part of zeros): digits are lost.
        indirect case corrupted(String)
        /// Present but not 18 digits of a valid shape; `why` in Bahasa Indonesia.
        indirect case invalid(String, why: String)
        case valid(NIP)

        /// The NIP when valid.
        public var nip: NIP? {
            if case .valid(let nip) = self { return nip }
            return nil
        }

        /// The NIP as the `nip` columns of the outputs show it: after rules §1's normalization, which
        /// leaves an invalid one its other digits and characters; a corrupted one as typed (its digits
        /// are gone), an empty one empty.
        public var shown: String {
            switch self {
            case .valid(let nip): return nip.digits
            case .invalid(let text, _): return NIP.normalized(text)
            case .corrupted(let text): return text
            case .empty: return ""
            }
        }
    }

    /// `text` with rules §1's normalization: white space (a no-break space too), dots and dashes dropped, and
    /// a leading `'`; what remains is a NIP only if it passes ``read(_:runDate:)``.
    public static func normalized(_ text: String) -> String {
        var text = text.trimmingSpaces
        if text.hasPrefix("'") { text.removeFirst() }
        // Byte by byte, the separators as reading a NIP skips them: scalars looked up in a set were a tenth of
        // writing `links.csv`.
        return text.withUTF8 { bytes in
            var kept = [UInt8]()
            kept.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), 0x09: index += 1
                default:
                    let space = noBreakSpaceLength(bytes, at: index)
                    if space == 0 { kept.append(bytes[index]) }
                    index += max(1, space)
                }
            }
            return String(decoding: kept, as: UTF8.self)
        }
    }

    /// Reads a NIP as typed in either register; `runDate` bounds the embedded birth date.
    public static func read(_ text: String?, runDate: CalendarDate) -> Reading {
        guard var text = text?.trimmingSpaces, !text.isEmpty else { return .empty }
        if text.hasPrefix("'") { text.removeFirst() }
        text = text.trimmingSpaces
        return text.withUTF8 { trimmed($0, runDate: runDate) }
    }

    /// Reads UTF-8 `bytes` (nil: no value) as ``read(_:runDate:)`` reads text; without building a string
    /// when they need no trimming (a NIP is read for each of 4.5 million PTK and SKP rows nationally).
    public static func read(bytes: UnsafeBufferPointer<UInt8>?, runDate: CalendarDate) -> Reading {
        guard let bytes, let first = bytes.first, let last = bytes.last else { return .empty }
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && !ASCII.isSpace(byte) }
        guard plain(first), plain(last), first != UInt8(ascii: "'") else {
            return read(String(decoding: bytes, as: UTF8.self), runDate: runDate)
        }
        return trimmed(bytes, runDate: runDate)
    }

    /// Reads trimmed bytes without a leading `'`.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, runDate: CalendarDate) -> Reading {
        if bytes.isEmpty || (bytes.count == 1 && bytes[0] == UInt8(ascii: "-")) { return .empty }
        if bytes.count == 4, bytes.map({ $0 | 0x20 }).elementsEqual("null".utf8) { return .empty }
        func text() -> String { String(decoding: bytes, as: UTF8.self) }
        // The digits as one number: digit k of 18 (from the left) is value / 10^(17 - k) % 10.
        var value: UInt64 = 0
        var count = 0
        var index = 0
        // Corruption (`isCorrupted`) needs an `E`, a comma or a dot: the first two end the scan, a dot is
        // remembered, so a NIP of plain digits is scanned once (the check first was a third of reading one).
        var dotted = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "-"), 0x09: continue
            case UInt8(ascii: "."): dotted = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if count < 18 { value = value * 10 + UInt64(byte - 0x30) }
                count += 1
            default:
                if isCorrupted(bytes) { return .corrupted(text()) }
                // A space a web page or spreadsheet groups digits with: U+00A0, U+2007 or U+202F.
                let space = noBreakSpaceLength(bytes, at: index - 1)
                guard space > 0 else { return .invalid(text(), why: "NIP berisi karakter selain angka") }
                index += space - 1
            }
        }
        if dotted, isCorrupted(bytes) { return .corrupted(text()) }
        guard count == 18 else {
            return .invalid(text(), why: "NIP terdiri dari \(count) angka, seharusnya 18")
        }
        // Inlined, each call's loops fold to constants (called, they were a sixth of reading a NIP).
        @inline(__always) func number(_ from: Int, _ count: Int) -> Int {
            var below: UInt64 = 1, width: UInt64 = 1
            for _ in 0..<(18 - from - count) { below *= 10 }
            for _ in 0..<count { width *= 10 }
            return Int(value / below % width)
        }
        guard let birth = CalendarDate(year: number(0, 4), month: number(4, 2), day: number(6, 2)) else {
            return .invalid(text(), why: "tanggal lahir dalam NIP tidak ada di kalender")
        }
        guard birth.year >= 1940, birth <= runDate.adding(years: -15) else {
            return .invalid(text(), why: "tanggal lahir dalam NIP di luar rentang 1940 s.d. 15 tahun lalu")
        }
        let shape: Shape
        if number(12, 1) == 2 {
            // PPPK: year appointed, `2`, stage 1–9. The year has no bound of its own: the 15 years after birth are
            // the PNS TMT's (rules §1), and a PPPK NIP that SIASN holds must link.
            guard number(13, 1) >= 1 else {
                return .invalid(text(), why: "digit tahap PPPK dalam NIP bukan 1–9")
            }
            shape = .pppk
        } else {
            let tmtYear = number(8, 4), tmtMonth = number(12, 2)
            guard (1...12).contains(tmtMonth), tmtYear >= birth.year + 15 else {
                return .invalid(text(), why: "bagian TMT CPNS dalam NIP tidak sah")
            }
            shape = .pns
        }
        guard let sex: Gender = number(14, 1) == 1 ? .male : number(14, 1) == 2 ? .female : nil else {
            return .invalid(text(), why: "digit jenis kelamin dalam NIP bukan 1 atau 2")
        }
        return .valid(NIP(value: value, shape: shape, sex: sex))
    }

    /// The length in bytes of the no-break space (U+00A0, U+2007, U+202F) at `bytes[index]`, 0 when none is.
    private static func noBreakSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0x87 || bytes[index + 2] == 0xAF
        {
            return 3
        }
        return 0
    }

    /// Scientific notation (`1.98501E+17`, `1,98501E+17`) or 15+ digits followed by a decimal part of zeros.
    static func isCorrupted(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isCorrupted($0) }
    }

    static func isCorrupted(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) {
            let mantissa = bytes[..<e], exponent = bytes[(e + 1)...]
            let mantissaOK =
                !mantissa.isEmpty && mantissa.allSatisfy { isDigit($0) || $0 == 0x2E || $0 == 0x2C }
                && mantissa.contains(where: isDigit)
            var exp = exponent[...]
            if let sign = exp.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { exp = exp.dropFirst() }
            return mantissaOK && !exp.isEmpty && exp.allSatisfy(isDigit)
        }
        guard let sep = bytes.firstIndex(where: { $0 == 0x2E || $0 == 0x2C }) else { return false }
        let whole = bytes[..<sep], fraction = bytes[(sep + 1)...]
        return whole.count >= 15 && whole.allSatisfy(isDigit) && !fraction.isEmpty
            && fraction.allSatisfy { $0 == UInt8(ascii: "0") }
    }
}
