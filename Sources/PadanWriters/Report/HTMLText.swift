/// HTML escaping exactly as the Mustache templates escape `{{value}}`: `<`, `>`, `&`, `"` and `'` as
/// entities, compared as whole characters (a quote carrying a combining mark is not a quote).
package enum HTMLText {
    /// Appends `text` escaped to `out`.
    package static func escape(_ text: String, into out: inout String) {
        // Nearly every text (names, codes, numbers) is ASCII with nothing to escape: found in one pass over its
        // contiguous bytes (two passes through the generic UTF-8 view were a fifth of the escalation lists).
        var contiguous = text
        let plain = contiguous.withUTF8 { utf8 in
            !utf8.contains { $0 >= 0x80 || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }
        }
        if plain {
            out += text
            return
        }
        let bytes = text.utf8
        // All ASCII (every name and code in practice): byte by byte, where each byte is a character.
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard bytes.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
                out += text
                return
            }
            for byte in bytes {
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
}
