/// Where one field lies in the last scanned record, in bytes from the record's first byte.
struct CSVFieldSpan {
    /// How the field's value comes out of its bytes.
    enum Shape {
        /// Unquoted: the bytes are the value.
        case plain
        /// `"…"` with no `""` inside and nothing after the closing quote: the bytes between the quotes.
        case quoted
        /// Quoted with `""` escapes or text after the closing quote: see ``CSVTableReader`` for the rule.
        case complex
    }

    var start: Int
    var end: Int
    var shape: Shape
}
