/// A JSON value with two renderings: canonical (keys sorted, no spaces, non-ASCII as is) and pretty.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (a: JSONValue, b: JSONValue) -> Bool { a.canonical == b.canonical }

    /// Canonical JSON as `skp-payload.schema.json` defines it for `idempotency_key`: the same bytes as
    /// Python's `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
    package var canonical: String {
        var out = ""
        render(into: &out, pretty: false, indent: 0)
        return out
    }

    /// Indented with two spaces, keys in the given order (for `summary.json`).
    package var pretty: String {
        var out = ""
        render(into: &out, pretty: true, indent: 0)
        return out + "\n"
    }

    private func render(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite { out += d == d.rounded() && abs(d) < 1e15 ? String(format3(d)) : String(d) } else { out += "null" }
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.render(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            // Code-point order, as Python's `sort_keys` (UTF-8 bytes sort so; UTF-16 units do not past U+FFFF).
            let ordered = pretty ? members : members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            out += "{"
            for (i, (key, value)) in ordered.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                Self.quote(key, into: &out)
                out += pretty ? ": " : ":"
                value.render(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    private func format3(_ d: Double) -> String { String(d) }

    /// JSON string escaping as Python's `json.dumps(..., ensure_ascii=False)` does it.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
