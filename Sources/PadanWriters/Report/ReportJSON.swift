/// JSON safe to embed in `<script type="application/json">`: besides JSON's own escapes, `<`, `>`, `&`,
/// `'`, U+2028 and U+2029 are written as `\uXXXX`, so no value can close the block or start markup.
package enum ReportJSON {
    /// A JSON string literal, as UTF-8 bytes.
    package static func string(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            out.append(UInt8(ascii: "\""))
            // Most values need no escape: appended whole. Scalar by scalar, they were a second of a national
            // report's 50,000 embedded rows; tested through the `utf8` view, a fifth of the rows' JSON.
            if !utf8.contains(where: { careTable[Int($0)] }) {
                out.append(contentsOf: utf8)
            } else {
                escape(String(decoding: utf8, as: UTF8.self), into: &out)
            }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// The escaped scalars of a text holding one that needs care.
    private static func escape(_ s: String, into out: inout [UInt8]) {
        func text(_ t: String) { out.append(contentsOf: t.utf8) }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text("\\\"")
            case "\\": text("\\\\")
            case "\n": text("\\n")
            case "\r": text("\\r")
            case "\t": text("\\t")
            case "<": text("\\u003c")
            case ">": text("\\u003e")
            case "&": text("\\u0026")
            case "'": text("\\u0027")
            case "\u{2028}": text("\\u2028")
            case "\u{2029}": text("\\u2029")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    text("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    text(String(scalar))
                }
            }
        }
    }

    /// Per UTF-8 byte: whether it is escaped, or may begin a scalar that is (0xE2: U+2028, U+2029).
    private static let careTable: [Bool] = (0..<256).map { byte in
        switch byte {
        case 0..<0x20, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x5C, 0x7F, 0xE2: true
        default: false
        }
    }

    /// A JSON string literal.
    package static func string(_ s: String) -> String {
        var out = [UInt8]()
        string(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON array of `count` arrays, each one's cells written by `row` (with ``string(_:into:)``
    /// and ``int(_:into:)``), built as bytes: appended to a `String` piece by piece, the national report's
    /// 50,000 embedded rows took a fifth of a second more.
    package static func table(_ count: Int, row: (Int, inout [UInt8]) -> Void) -> String {
        var out = [UInt8]()
        out.reserveCapacity(count * 200 + 4)
        out.append(UInt8(ascii: "["))
        for i in 0..<count {
            out.append(contentsOf: i == 0 ? [0x0A, UInt8(ascii: "[")] : [UInt8(ascii: ","), 0x0A, UInt8(ascii: "[")])
            row(i, &out)
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: [0x0A, UInt8(ascii: "]")])
        return String(decoding: out, as: UTF8.self)
    }

    /// An integer cell.
    package static func int(_ n: Int, into out: inout [UInt8]) {
        out.append(contentsOf: String(n).utf8)
    }
}
