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
        var out = JSONBytes()
        render(into: &out, pretty: false, indent: 0)
        return out.string
    }

    /// Indented with two spaces, keys in the given order (for `summary.json`).
    package var pretty: String {
        var out = JSONBytes()
        render(into: &out, pretty: true, indent: 0)
        out.raw("\n")
        return out.string
    }

    private func render(into out: inout JSONBytes, pretty: Bool, indent: Int) {
        switch self {
        case .null: out.raw("null")
        case .bool(let b): out.raw(b ? "true" : "false")
        case .int(let i): out.int(i)
        case .double(let d):
            if d.isFinite { out.raw(String(d)) } else { out.raw("null") }
        case .string(let s): out.string(s)
        case .array(let items):
            if items.isEmpty { out.raw("[]"); return }
            out.byte(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                if pretty { out.newline(indent: indent + 1) }
                item.render(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out.newline(indent: indent) }
            out.byte(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.raw("{}"); return }
            // Code-point order, as Python's `sort_keys` (UTF-8 bytes sort so; UTF-16 units do not past U+FFFF).
            let ordered = pretty ? members : members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            out.byte(UInt8(ascii: "{"))
            for (i, (key, value)) in ordered.enumerated() {
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                if pretty { out.newline(indent: indent + 1) }
                out.string(key)
                out.raw(pretty ? ": " : ":")
                value.render(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out.newline(indent: indent) }
            out.byte(UInt8(ascii: "}"))
        }
    }
}
