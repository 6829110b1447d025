/// JSON safe to embed in `<script type="application/json">`: besides JSON's own escapes, `<`, `>`, `&`,
/// `'`, U+2028 and U+2029 are written as `\uXXXX`, so no value can close the block or start markup.
package enum ReportJSON {
    /// A JSON string literal.
    package static func string(_ s: String, into out: inout String) {
        out += "\""
        // Most values need no escape: appended whole. Scalar by scalar, they were a second of a national
        // report's 50,000 embedded rows. A lead byte 0xE2 may start U+2028 or U+2029: the slow way.
        guard s.utf8.contains(where: needsCare) else {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "'": out += "\\u0027"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Whether a UTF-8 byte is escaped, or may begin a scalar that is (U+2028, U+2029).
    private static func needsCare(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x5C, 0x7F, 0xE2: return true
        default: return false
        }
    }

    /// A JSON string literal.
    package static func string(_ s: String) -> String {
        var out = ""
        string(s, into: &out)
        return out
    }

    /// A JSON array of arrays whose cells are strings or integers.
    package static func table(_ rows: [[Cell]]) -> String {
        var out = "["
        out.reserveCapacity(rows.count * 160)
        for (i, row) in rows.enumerated() {
            out += i == 0 ? "\n[" : ",\n["
            for (j, cell) in row.enumerated() {
                if j > 0 { out += "," }
                switch cell {
                case .int(let n): out += String(n)
                case .text(let t): string(t, into: &out)
                }
            }
            out += "]"
        }
        out += "\n]"
        return out
    }

    /// A JSON object of string members, keys in the given order.
    package static func object(_ members: [(String, String)]) -> String {
        var out = "{"
        for (i, (key, value)) in members.enumerated() {
            if i > 0 { out += "," }
            string(key, into: &out)
            out += ":"
            string(value, into: &out)
        }
        return out + "}"
    }

    /// One cell of ``table(_:)``.
    package enum Cell: Sendable, Equatable {
        case int(Int)
        case text(String)
    }
}
