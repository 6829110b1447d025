/// HTML escaping exactly as the Mustache templates escape `{{value}}`: `<`, `>`, `&`, `"` and `'` as
/// entities, compared as whole characters (a quote carrying a combining mark is not a quote).
package enum HTMLText {
    /// Appends `text` escaped to `out`.
    package static func escape(_ text: String, into out: inout String) {
        // One pass over the contiguous bytes says whether the text is ASCII and holds a character to escape:
        // nearly every text (names, codes, numbers) is ASCII with nothing to escape (two passes through the
        // generic UTF-8 view were a fifth of the escalation lists).
        var contiguous = text
        let (ascii, marked) = contiguous.withUTF8 { utf8 in
            var ascii = true, marked = false
            for byte in utf8 {
                if byte >= 0x80 { ascii = false } else if Self.isMark(byte) { marked = true }
            }
            return (ascii, marked)
        }
        if ascii && !marked {
            out += text
            return
        }
        // ASCII: byte by byte, where each byte is a character.
        if ascii {
            for byte in text.utf8 {
                switch byte {
                case 0x3C: out += "&lt;"
                case 0x3E: out += "&gt;"
                case 0x26: out += "&amp;"
                case 0x22: out += "&quot;"
                case 0x27: out += "&#39;"
                default: out.unicodeScalars.append(Unicode.Scalar(byte))
                }
            }
            return
        }
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
    }

    /// Appends `text` escaped to `out` as UTF-8, the same bytes ``escape(_:into:)-(String,String)`` appends.
    package static func escape(_ text: String, into out: inout [UInt8]) {
        var contiguous = text
        let done = contiguous.withUTF8 { utf8 -> Bool in
            var ascii = true, marked = false
            for byte in utf8 {
                if byte >= 0x80 { ascii = false } else if Self.isMark(byte) { marked = true }
            }
            // Nothing to escape: the bytes as they are, ASCII or not.
            if !marked {
                out.append(contentsOf: utf8)
                return true
            }
            guard ascii else { return false }
            for byte in utf8 {
                switch byte {
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return true
        }
        guard !done else { return }
        // Not ASCII, with a character to escape: character by character (rare).
        var escaped = ""
        escape(text, into: &escaped)
        out.append(contentsOf: escaped.utf8)
    }

    /// `<`, `>`, `&`, `"` or `'`.
    private static func isMark(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }
}
