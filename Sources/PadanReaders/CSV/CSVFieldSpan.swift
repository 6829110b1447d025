/// Where one field lies in the last scanned record, in bytes from the record's first byte.
struct CSVFieldSpan {
    /// How the field's value comes out of its bytes.
    enum Shape: UInt8 {
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

/// The fields of the last scanned record, as ``CSVScanner`` finds them: each field's value bounds (two `Int32`s
/// a field, as ``TableRecord`` holds them: a quoted field's without its quotes; a complex field's, its whole
/// bytes, to be unquoted) and its shape, in buffers of the scanner's own.
///
/// Written straight into these buffers, a record's bounds are copied whole into its ``TableRecord``. Kept as an
/// array of ``CSVFieldSpan``s, each appended field checked the array's capacity and that it was not shared, and
/// the bounds were then worked out field by field again: scanning the national `pns.txt` (406 MB, not decoded,
/// `padan-csv-bench`, median of 5) took 0.37–0.38 s, now 0.31 (`ptk-1.csv` 0.33 → 0.27, `skp.csv` 0.27 → 0.23).
///
/// The scanner owns the buffers (it frees them in its `deinit`); a copy of this value shares them, and what it
/// shows holds until the scanner's next scan.
struct CSVFields {
    private(set) var bounds: UnsafeMutablePointer<Int32>
    private var shapes: UnsafeMutablePointer<CSVFieldSpan.Shape>
    private var capacity: Int
    private(set) var count = 0
    /// Whether a field is ``CSVFieldSpan/Shape/complex`` (its bounds are then not its value's).
    private(set) var hasComplex = false

    init(capacity: Int = 64) {
        self.capacity = capacity
        bounds = .allocate(capacity: 2 * capacity)
        shapes = .allocate(capacity: capacity)
    }

    /// Frees the buffers (the scanner's `deinit`).
    func deallocate() {
        bounds.deallocate()
        shapes.deallocate()
    }

    /// Adds the field of bytes `start..<end` of the record.
    @inline(__always)
    mutating func append(start: Int, end: Int, shape: CSVFieldSpan.Shape) {
        if count == capacity { grow() }
        let quoted = shape == .quoted ? 1 : 0
        bounds[2 * count] = Int32(start + quoted)
        bounds[2 * count + 1] = Int32(end - quoted)
        shapes[count] = shape
        if shape == .complex { hasComplex = true }
        count += 1
    }

    mutating func removeAll() {
        count = 0
        hasComplex = false
    }

    /// How field `i`'s value comes out of its bytes.
    func shape(_ i: Int) -> CSVFieldSpan.Shape { shapes[i] }

    /// Field `i` as written: its bytes, quotes included, and its shape.
    func span(_ i: Int) -> CSVFieldSpan {
        let shape = shapes[i]
        let quoted = shape == .quoted ? 1 : 0
        return CSVFieldSpan(start: Int(bounds[2 * i]) - quoted, end: Int(bounds[2 * i + 1]) + quoted, shape: shape)
    }

    private mutating func grow() {
        let larger = 2 * capacity
        let newBounds = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * larger)
        newBounds.update(from: bounds, count: 2 * count)
        let newShapes = UnsafeMutablePointer<CSVFieldSpan.Shape>.allocate(capacity: larger)
        newShapes.update(from: shapes, count: count)
        deallocate()
        (bounds, shapes, capacity) = (newBounds, newShapes, larger)
    }
}
