/// One XML record element being read: its fields, in document order, and a compact re-serialization.
///
/// Fields are the record's attributes (namespace declarations excepted) followed by its child
/// elements, each named by its local name (`d:npsn` → `npsn`). A child element's value is all the
/// text inside it, deeper elements included (like DOM `textContent`); its own attributes are not
/// fields. The raw text is well-formed XML with properly escaped text and attribute values, without
/// the white space between elements, cut after ``rawLimit`` bytes (then ending in `…`).
///
/// Everything is kept as UTF-8 bytes: the fields' texts one after the other in one buffer, kept from record
/// to record, and the raw text in the array the record's ``TableRecord`` takes over.
struct XMLRecordBuilder {
    /// Longest raw text kept for a record, in UTF-8 bytes (about).
    static let rawLimit = 64 * 1024

    /// Line of the record's start tag.
    private(set) var line = 0
    /// Offset of the record's start tag in the input, when known.
    private(set) var offset: Int?
    /// The fields' names (the reader's numbers for them), in document order.
    private(set) var names: [Int32] = []
    /// Field `i`'s text is `values[bounds[2 * i]..<bounds[2 * i + 1]]`.
    private(set) var bounds: [Int32] = []
    /// The fields' texts, one after the other.
    private(set) var values = XMLBytes(capacity: 4096)
    /// The raw text's UTF-8 bytes, built a piece (a tag, a text, an entity reference) at a time.
    private(set) var raw: [UInt8] = []
    private var rawFull = false
    /// Whether a field element is open (its text goes to the last field).
    private var fieldOpen = false

    /// Starts a record at its start tag, with room for `capacity` raw bytes (and the values after them, as the
    /// record's bytes hold them: grown from empty, a national school's array was allocated and copied a dozen
    /// times).
    mutating func start(line: Int, offset: Int?, capacity: Int) {
        self.line = line
        self.offset = offset
        names.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
        values.removeAll()
        raw = []
        raw.reserveCapacity(min(capacity, Self.rawLimit + 8))
        rawFull = false
        fieldOpen = false
    }

    /// A field named `name` whose text is `value` (an attribute of the record).
    mutating func addField(_ name: Int32, value: UnsafeBufferPointer<UInt8>) {
        names.append(name)
        bounds.append(Int32(values.count))
        values.append(value)
        bounds.append(Int32(values.count))
    }

    /// A field element opens (its text follows until ``closeField()``); an empty one is its field, empty.
    mutating func openField(_ name: Int32, isEmpty: Bool) {
        names.append(name)
        bounds.append(Int32(values.count))
        bounds.append(Int32(values.count))
        fieldOpen = !isEmpty
    }

    /// The field element closes.
    mutating func closeField() {
        fieldOpen = false
    }

    /// Text inside the open field, if one is open.
    mutating func appendToField(_ text: UnsafeBufferPointer<UInt8>) {
        guard fieldOpen else { return }
        values.append(text)
        bounds[bounds.count - 1] = Int32(values.count)
    }

    /// A piece of the raw text (a tag, escaped text, an entity reference), whole or not at all: when it does not
    /// fit, the text ends in `…` and takes nothing more.
    mutating func appendRaw(_ piece: UnsafeBufferPointer<UInt8>) {
        guard !rawFull else { return }
        if raw.count + piece.count > Self.rawLimit {
            raw.append(contentsOf: "…".utf8)
            rawFull = true
            return
        }
        raw.append(contentsOf: piece)
    }

    /// Gives the values' memory back (the reader is done).
    func free() {
        values.free()
    }

    /// The raw text's bytes, taken out (the record is done): handed over as the only reference to them, the
    /// record's bytes grow in place instead of being copied.
    mutating func takeRaw() -> [UInt8] {
        var taken = [UInt8]()
        swap(&taken, &raw)
        return taken
    }

    /// The bytes below 64 that XML character data escapes (`&`, `<`, `>`, CR), as bits: one shift and test a byte
    /// where the test was a closure of seven comparisons (finding that a value needs nothing was a twentieth of
    /// reading the national `sekolah.xml`).
    private static let escapedInText: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x0D
    /// Those and what a double-quoted attribute value also escapes (`"`, LF, TAB).
    private static let escapedInAttribute: UInt64 = escapedInText | 1 << 0x22 | 1 << 0x0A | 1 << 0x09

    /// Appends `text` to `bytes`, escaped for XML character data (`quote: false`) or a double-quoted attribute
    /// value. Most texts need nothing, found in one pass before anything is copied.
    static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, quote: Bool, to bytes: inout XMLBytes) {
        let escaped = quote ? escapedInAttribute : escapedInText
        guard text.contains(where: { $0 < 64 && (escaped >> UInt64($0)) & 1 != 0 }) else {
            bytes.append(text)
            return
        }
        for byte in text {
            switch byte {
            case 0x26: bytes.append("&amp;")
            case 0x3C: bytes.append("&lt;")
            case 0x3E: bytes.append("&gt;")
            case 0x0D: bytes.append("&#13;")
            case 0x22 where quote: bytes.append("&quot;")
            case 0x0A where quote: bytes.append("&#10;")
            case 0x09 where quote: bytes.append("&#9;")
            default: bytes.append(byte)
            }
        }
    }
}
