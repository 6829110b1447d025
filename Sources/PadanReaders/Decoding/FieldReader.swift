import PadanCore

/// Reads the typed fields of one record; the first problem becomes the row's reject reason.
///
/// Values come as bytes (``withOptional(_:_:)``) for what is read into numbers, ids and shared words, and as
/// strings only where a string is kept (names) or a problem is worded.
struct FieldReader {
    /// The decoder whose column map is read: held unretained (the decoder makes and outlives each reader), and
    /// its map read in place. A copy of the map in each reader was three retains and releases per row.
    private unowned(unsafe) let decoder: RecordDecoder
    let record: TableRecord
    /// The first problem met, in Bahasa Indonesia.
    private(set) var problem: String?

    /// Longest value read, in UTF-8 bytes. No name, id or code comes near it; a longer value is damage or
    /// an attack, and carried on it would cost matching and the report time and memory out of all
    /// proportion (one 10 MB name in an ASN row: 18 s judging and a 42 MB report.html).
    static let maximumValueBytes = 4096

    init(_ decoder: RecordDecoder, record: TableRecord) {
        self.decoder = decoder
        self.record = record
        if ColumnMap.hasOverlong(record, limit: Self.maximumValueBytes),
            let long = decoder.columns.overlong(in: record, limit: Self.maximumValueBytes)
        {
            fail("kolom '\(long.column)' terlalu panjang (\(long.bytes) bita, paling banyak \(Self.maximumValueBytes))")
        }
    }

    /// `body` of the column's value after the common reading rules, as UTF-8 bytes (nil: no value).
    func withOptional<R>(_ column: StaticString, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        guard let i = position(column), i < record.count else { return body(nil) }
        return ColumnMap.withValue(i, in: record, body)
    }

    /// Where `column` stands in the record's fields (nil: not in the file).
    @inline(__always)
    private func position(_ column: StaticString) -> Int? {
        guard let table = decoder.slotPositions else { return decoder.columns.position(column.description) }
        let position = table[ColumnMap.slot(column)].value
        assert(
            position == decoder.columns.position(column.description),
            "FieldReader: '\(column)' is not a column of this kind")
        return position
    }

    /// Appends the column's value (as ``withOptional(_:_:)`` gives it) to `key`; returns whether it has one.
    @discardableResult
    func append(_ column: StaticString, to key: inout FieldsKey) -> Bool {
        guard let i = position(column), i < record.count else {
            key.append(nil)
            return false
        }
        return ColumnMap.withValue(i, in: record) { value in
            key.append(value)
            return value != nil
        }
    }

    func optional(_ column: StaticString) -> String? {
        withOptional(column) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    mutating func required(_ column: StaticString) -> String {
        guard let value = optional(column) else {
            fail("kolom wajib '\(column)' kosong")
            return ""
        }
        return value
    }

    /// `body` of a required column's bytes; an empty value is the problem (and `body` sees no bytes).
    mutating func withRequired<R>(_ column: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let result: R? = withOptional(column) { $0.map(body) }
        if let result { return result }
        fail("kolom wajib '\(column)' kosong")
        return body(UnsafeBufferPointer(start: nil, count: 0))
    }

    /// A digit run as written (NIP, NIK, NUPTK), or nil.
    func digits(_ column: StaticString) -> DigitText? { withOptional(column) { $0.map(DigitText.init(bytes:)) } }

    mutating func date(_ column: StaticString) -> CalendarDate? {
        switch withOptional(column, { CalendarDate.read(bytes: $0) }) {
        case .none: return nil
        case .date(let date): return date
        case .invalid:
            fail("\(column) bukan tanggal yang sah: \(optional(column) ?? "")")
            return nil
        }
    }

    /// An optional sex, read once per distinct value of the file; a value that is none is the problem.
    mutating func gender(_ column: StaticString) -> Gender? {
        let shared = decoder.shared
        return parsed(column, required: false, { shared.gender($0) }) {
            "\(column) tidak dikenal: \($0) (harus L/P atau M/F)"
        }
    }

    /// A required NPSN, read from the value's bytes; an empty or malformed one is the problem.
    mutating func npsn(_ column: StaticString) -> NPSN? {
        parsed(column, required: true, NPSN.init(bytes:)) { "\(column) tidak sah (harus 8 angka): \($0)" }
    }

    /// A required SIASN id; an empty or malformed one is the problem. `parse` reads the bytes (a unit id is read
    /// through the interner's last one).
    mutating func siasnID(
        _ column: StaticString, parse: (UnsafeBufferPointer<UInt8>) -> SiasnID? = SiasnID.init(bytes:)
    ) -> SiasnID? {
        parsed(column, required: true, parse) {
            "\(column) bukan id SIASN yang sah (32 heksadesimal atau UUID): \($0)"
        }
    }

    /// The column's value as `parse` reads its bytes. No value is the problem when `required`; a value `parse`
    /// refuses is the problem `invalid` words from the value as written.
    private mutating func parsed<T>(
        _ column: StaticString, required: Bool, _ parse: (UnsafeBufferPointer<UInt8>) -> T?, invalid: (String) -> String
    ) -> T? {
        let read: T?? = withOptional(column) { $0.map(parse) }
        switch read {
        case .none:
            if required { fail("kolom wajib '\(column)' kosong") }
            return nil
        case .some(.some(let value)):
            return value
        case .some(.none):
            fail(invalid(optional(column) ?? ""))
            return nil
        }
    }

    mutating func fail(_ message: String) {
        if problem == nil { problem = message }
    }
}

/// Typed decoding of records of one input kind, for one file (it shares the file's repeated words between
/// its records, so it is not shared between threads). A class: the closures that read a field's bytes
/// capture it, and capturing a struct copied its column map for each of them.
package final class RecordDecoder {
    package let kind: InputKind
    package let columns: ColumnMap
    /// `columns`' positions by slot, read in place by every field lookup: the map's own arrays, read through a
    /// reader's unretained decoder, were retained and released at each (six atomic operations a field, a
    /// dozen fields a row: a fifth of decoding a PTK row). Nil when the map has no slots.
    let slotPositions: UnsafeMutablePointer<OptionalPosition>?
    package let file: String
    package let runDate: CalendarDate
    /// The file's shared words. The decoders take it (and `runDate`) into a local at the start of a row and read
    /// fields through closures over the local: read through `self` in each field's closure, or passed as a method
    /// value (`shared.box`), it was retained and released several times a row (`read:skp.csv`, one core: a fifth
    /// of its reference counting).
    let shared: RecordInterner

    /// Rows of this file whose optional value was not recognised and was read as the spec's default.
    private var defaulted = [DefaultedValue](repeating: DefaultedValue(), count: DefaultedColumn.allCases.count)

    package init(kind: InputKind, header: [String], file: String, runDate: CalendarDate) throws(InputError) {
        self.kind = kind
        self.columns = try ColumnMap(header: header, kind: kind, file: file)
        self.slotPositions = columns.slotTable()
        self.file = file
        self.runDate = runDate
        self.shared = RecordInterner(file: file)
    }

    deinit { slotPositions?.deallocate() }

    /// Throws when a required column is in the header but no record of the file held it (an XML export
    /// that leaves out empty elements may lack a field in some records, not in all); call at the file's end.
    package func checkRequiredColumns(heldBy reader: any TableReader) throws(InputError) {
        for column in kind.columns where column.required {
            guard let position = columns.position(column.name), reader.noRecordHeld(position) else { continue }
            throw InputError(
                .missingColumn, file: file,
                message: "kolom wajib '\(column.name)' tidak ada di rekaman mana pun (\(kind.rawValue))")
        }
    }

    /// Notes a row whose value `text` in an optional column was not recognised and was read as the default.
    func noteDefaulted(_ column: DefaultedColumn, _ text: String?) {
        var note = defaulted[column.rawValue]
        if note.rows == 0 { note.example = String((text ?? "").prefix(60)) }
        note.rows += 1
        defaulted[column.rawValue] = note
    }

    /// One note per optional column with values read as the default, in Bahasa Indonesia:
    /// `status_tugas tidak dikenal pada 40 baris (mis. 'Ya (Induk)'): dibaca sebagai Induk`.
    package var warnings: [String] {
        DefaultedColumn.allCases.compactMap { column in
            let note = defaulted[column.rawValue]
            guard note.rows > 0 else { return nil }
            return
                "\(column.name) \(column.problem) pada \(note.rows) baris (mis. '\(note.example)'): \(column.reading)"
        }
    }

    func location(_ record: TableRecord) -> SourceLocation { SourceLocation(file: shared.file, line: record.line) }

    func reject(_ record: TableRecord, _ reader: FieldReader) -> RowReject {
        RowReject(line: record.line, reason: reader.problem ?? "baris tidak dapat dibaca", raw: record.raw)
    }
}

/// A reject carried through `Result`.
extension RowReject: Error {}

/// An optional column whose unrecognised value is read as the spec's default instead of rejecting the row.
enum DefaultedColumn: Int, CaseIterable {
    case statusTugas, aktif, diatasanId, tahap

    /// The column's name as `inputs.md` writes it.
    var name: String {
        switch self {
        case .statusTugas: "status_tugas"
        case .aktif: "Aktif"
        case .diatasanId: "DiatasanId"
        case .tahap: "tahap"
        }
    }

    /// What was wrong with the values.
    var problem: String {
        self == .diatasanId ? "bukan id SIASN yang sah" : "tidak dikenal"
    }

    /// How such a value was read.
    var reading: String {
        switch self {
        case .statusTugas: "dibaca sebagai Induk"
        case .aktif: "unit dibaca sebagai aktif"
        case .diatasanId: "dibaca tanpa unit atasan"
        case .tahap: "dibaca menurut predikat (PENILAIAN bila predikat terisi, selain itu PERENCANAAN)"
        }
    }
}

/// How many rows had an unrecognised value in one optional column, and the first such value.
struct DefaultedValue {
    var rows = 0
    var example = ""
}
