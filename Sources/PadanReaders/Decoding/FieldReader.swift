import PadanCore

/// Reads the typed fields of one record; the first problem becomes the row's reject reason.
struct FieldReader {
    let columns: ColumnMap
    let fields: [String]
    /// The first problem met, in Bahasa Indonesia.
    private(set) var problem: String?

    /// Longest value read, in UTF-8 bytes. No name, id or code comes near it; a longer value is damage or
    /// an attack, and carried on it would cost matching and the report time and memory out of all
    /// proportion (one 10 MB name in an ASN row: 18 s judging and a 42 MB report.html).
    static let maximumValueBytes = 4096

    init(columns: ColumnMap, record: TableRecord) {
        self.columns = columns
        self.fields = record.fields
        if let long = columns.overlong(in: fields, limit: Self.maximumValueBytes) {
            fail("kolom '\(long.column)' terlalu panjang (\(long.bytes) bita, paling banyak \(Self.maximumValueBytes))")
        }
    }

    func optional(_ column: String) -> String? { columns.value(column, in: fields) }

    mutating func required(_ column: String) -> String {
        guard let value = columns.value(column, in: fields) else {
            fail("kolom wajib '\(column)' kosong")
            return ""
        }
        return value
    }

    mutating func date(_ column: String) -> CalendarDate? {
        switch CalendarDate.read(optional(column)) {
        case .none: return nil
        case .date(let date): return date
        case .invalid:
            fail("\(column) bukan tanggal yang sah: \(optional(column) ?? "")")
            return nil
        }
    }

    mutating func gender(_ column: String) -> Gender? {
        guard let text = optional(column) else { return nil }
        guard let gender = Gender(reading: text) else {
            fail("\(column) tidak dikenal: \(text) (harus L/P atau M/F)")
            return nil
        }
        return gender
    }

    mutating func npsn(_ column: String) -> NPSN? {
        let text = required(column)
        guard let npsn = NPSN(text) else {
            if !text.isEmpty { fail("\(column) tidak sah (harus 8 angka): \(text)") }
            return nil
        }
        return npsn
    }

    mutating func siasnID(_ column: String, required isRequired: Bool = true) -> SiasnID? {
        guard let text = isRequired ? required(column) : optional(column), !text.isEmpty else { return nil }
        guard let id = SiasnID(text) else {
            fail("\(column) bukan id SIASN yang sah (32 heksadesimal atau UUID): \(text)")
            return nil
        }
        return id
    }

    mutating func fail(_ message: String) {
        if problem == nil { problem = message }
    }
}

/// Typed decoding of records of one input kind, for one file (it shares the file's repeated words between
/// its records, so it is not shared between threads).
package struct RecordDecoder {
    package let kind: InputKind
    package let columns: ColumnMap
    package let file: String
    package let runDate: CalendarDate
    let shared: RecordInterner

    package init(kind: InputKind, header: [String], file: String, runDate: CalendarDate) throws(InputError) {
        self.kind = kind
        self.columns = try ColumnMap(header: header, kind: kind, file: file)
        self.file = file
        self.runDate = runDate
        self.shared = RecordInterner(file: file)
    }

    func location(_ record: TableRecord) -> SourceLocation { SourceLocation(file: shared.file, line: record.line) }

    func reject(_ record: TableRecord, _ reader: FieldReader) -> RowReject {
        RowReject(line: record.line, reason: reader.problem ?? "baris tidak dapat dibaca", raw: record.raw)
    }
}

/// A reject carried through `Result`.
extension RowReject: Error {}
