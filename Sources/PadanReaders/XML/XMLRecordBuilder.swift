/// One XML record element being read: its fields, in document order, and a compact re-serialization.
///
/// Fields are the record's attributes (namespace declarations excepted) followed by its child
/// elements, each named by its local name (`d:npsn` → `npsn`). A child element's value is all the
/// text inside it, deeper elements included (like DOM `textContent`); its own attributes are not
/// fields. The raw text is well-formed XML with properly escaped text and attribute values, without
/// the white space between elements, cut after ``rawLimit`` characters (then ending in `…`).
struct XMLRecordBuilder {
    /// Longest raw text kept for a record, in UTF-8 bytes (about).
    static let rawLimit = 64 * 1024

    /// Line of the record's start tag.
    let line: Int
    /// Offset of the record's start tag in the input, when known.
    let offset: Int?
    private let name: String
    private(set) var names: [String] = []
    private(set) var values: [String] = []
    /// The raw text's UTF-8 bytes, built piece by piece (a tag, a text, an entity reference): appending to
    /// a `String` through interpolations was a fifth of reading a national schools file.
    private(set) var rawBytes: [UInt8] = []
    private var rawFull = false

    /// The raw text.
    var raw: String { String(decoding: rawBytes, as: UTF8.self) }

    /// The raw text's bytes, taken out (the builder is done): handed over as the only reference to them, the
    /// record's bytes grow in place instead of being copied.
    mutating func takeRawBytes() -> [UInt8] {
        var taken = [UInt8]()
        swap(&taken, &rawBytes)
        return taken
    }
    /// Index in `values` of the child element being read.
    private var openField: Int?

    /// Starts a record from its start tag, with room for `capacity` (the last record's fields and raw bytes:
    /// grown from empty, a national school's arrays were allocated and copied a dozen times).
    init(
        line: Int, offset: Int?, name: String, attributes: [XMLAttribute], isEmpty: Bool,
        capacity: (fields: Int, rawBytes: Int) = (0, 0)
    ) {
        self.line = line
        self.offset = offset
        self.name = name
        names.reserveCapacity(capacity.fields)
        values.reserveCapacity(capacity.fields)
        rawBytes.reserveCapacity(min(capacity.rawBytes, Self.rawLimit + 8))
        for attribute in attributes where !attribute.isNamespaceDeclaration {
            names.append(attribute.localName)
            values.append(attribute.value)
        }
        appendStartTag(name, attributes, isEmpty: isEmpty)
    }

    /// A start tag inside the record at `depth` (2 = a field).
    mutating func openElement(name: String, localName: String, depth: Int, attributes: [XMLAttribute], isEmpty: Bool) {
        if depth == 2 {
            names.append(localName)
            values.append("")
            openField = isEmpty ? nil : values.count - 1
        }
        appendStartTag(name, attributes, isEmpty: isEmpty)
    }

    /// An end tag inside the record at `depth`.
    mutating func closeElement(name: String, depth: Int) {
        if depth == 2 { openField = nil }
        appendEndTag(name)
    }

    /// Text at `depth` (3 or deeper is inside a field; 2 is mixed content directly in the record); `text` is
    /// made only when the record keeps it (blank text between fields is dropped unread).
    mutating func text(_ text: () -> String, depth: Int, isBlank: Bool) {
        let value: String
        if depth >= 3, let field = openField {
            value = text()
            values[field] += value
        } else if isBlank {
            return
        } else {
            value = text()
        }
        appendRaw(Self.escaped(value, quote: false))
    }

    /// An entity reference kept as written (`&name;`), never expanded.
    mutating func entityReference(_ name: String, depth: Int) {
        let literal = "&\(name);"
        if depth >= 3, let field = openField { values[field] += literal }
        appendRaw(literal)
    }

    /// Closes the record (its end tag, unless it was an empty element).
    mutating func finish(isEmpty: Bool) {
        if !isEmpty { appendEndTag(name) }
    }

    /// `<name a="v"…>` (or `/>`), one piece.
    private mutating func appendStartTag(_ name: String, _ attributes: [XMLAttribute], isEmpty: Bool) {
        var length = 1 + name.utf8.count + (isEmpty ? 2 : 1)
        for attribute in attributes { length += attribute.name.utf8.count + attribute.escapedValue.utf8.count + 4 }
        guard fits(length) else { return }
        rawBytes.append(UInt8(ascii: "<"))
        rawBytes.append(contentsOf: name.utf8)
        for attribute in attributes {
            rawBytes.append(UInt8(ascii: " "))
            rawBytes.append(contentsOf: attribute.name.utf8)
            rawBytes.append(UInt8(ascii: "="))
            rawBytes.append(UInt8(ascii: "\""))
            rawBytes.append(contentsOf: attribute.escapedValue.utf8)
            rawBytes.append(UInt8(ascii: "\""))
        }
        if isEmpty { rawBytes.append(UInt8(ascii: "/")) }
        rawBytes.append(UInt8(ascii: ">"))
    }

    /// `</name>`, one piece.
    private mutating func appendEndTag(_ name: String) {
        guard fits(name.utf8.count + 3) else { return }
        rawBytes.append(UInt8(ascii: "<"))
        rawBytes.append(UInt8(ascii: "/"))
        rawBytes.append(contentsOf: name.utf8)
        rawBytes.append(UInt8(ascii: ">"))
    }

    private mutating func appendRaw(_ text: String) {
        guard fits(text.utf8.count) else { return }
        rawBytes.append(contentsOf: text.utf8)
    }

    /// Whether a piece of `length` bytes still fits in the raw text; when it does not, the text ends in `…`
    /// and takes nothing more.
    private mutating func fits(_ length: Int) -> Bool {
        guard !rawFull else { return false }
        if rawBytes.count + length > Self.rawLimit {
            rawBytes.append(contentsOf: "…".utf8)
            rawFull = true
            return false
        }
        return true
    }

    /// `text` escaped for XML character data (`quote: false`) or a double-quoted attribute value.
    ///
    /// Entity references the reader keeps literally (`&name;`) are passed to ``entityReference(_:depth:)``
    /// and so never come through here; a `&` in text is always escaped.
    static func escaped(_ text: String, quote: Bool) -> String {
        // Most texts need nothing: found in one pass over the contiguous bytes (through the generic UTF-8 view,
        // this test was 7% of reading the national XML files).
        var contiguous = text
        let plain = contiguous.withUTF8 { utf8 in
            !utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A || $0 == 0x09 }
        }
        if plain { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quote: result += "&quot;"
            case "\r": result += "&#13;"
            case "\n" where quote: result += "&#10;"
            case "\t" where quote: result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// An attribute as read from a start tag; `value` keeps entity references literally (`&name;`).
struct XMLAttribute {
    var name: String
    var localName: String
    var value: String
    /// `value` escaped for a double-quoted attribute, entity references left as references.
    var escapedValue: String
    var isNamespaceDeclaration: Bool
}
