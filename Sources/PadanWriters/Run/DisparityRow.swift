import PadanCore

/// One row of `disparities.csv` / `resolved.csv`, with the lifecycle columns the store decides.
package struct DisparityRow: Sendable, Equatable {
    package static let header = [
        "disparity_id", "code", "priority", "owner", "subject", "nip", "pns_id", "ptk_id", "nama", "npsn",
        "nama_sekolah", "unor_id", "kabupaten_kota", "upt", "field", "dapodik_value", "siasn_value", "suggestion",
        "status", "first_seen", "age_days", "source",
    ]

    /// The cells in `header` order.
    package var cells: [String]

    package init(cells: [String]) {
        self.cells = cells + Array(repeating: "", count: max(0, Self.header.count - cells.count))
    }

    /// `id`, when given, is `d.id` made before (a run makes each row three times).
    package init(_ d: borrowing Disparity, id: String? = nil, status: String, firstSeen: String, ageDays: Int) {
        self = withUnsafePointer(to: d) {
            DisparityRow(
                InPlace(UnsafeBufferPointer(start: $0, count: 1), 0), id: id, status: status, firstSeen: firstSeen,
                ageDays: ageDays)
        }
    }

    /// The row of a disparity read where it lies in its table, field by field: handed over whole, even borrowed,
    /// it was copied first (every text retained, then released) for each of a run's three rows per disparity.
    package init(_ d: InPlace<Disparity>, id: String? = nil, status: String, firstSeen: String, ageDays: Int) {
        let code = d.code
        cells = [
            id ?? Disparity.id(code: code, subject: d.subject, subjectKey: d.subjectKey), code.rawValue,
            String(code.priority), code.owner, d.subject.rawValue, d.nip, d.pnsId, d.ptkId, d.nama, d.npsn,
            d.namaSekolah, d.unorId, d.kabupatenKota, d.upt, d.field, d.dapodikValue, d.siasnValue, d.suggestion,
            status, firstSeen, String(ageDays), d.source,
        ]
    }

    /// `disparities.csv`'s order (``Disparity/outputOrder(_:_:)``) on rows as written: priority, kabupaten/kota,
    /// NPSN, code, NIP, then the id (`resolved.csv`, whose rows come from the store).
    package static func outputOrder(_ a: DisparityRow, _ b: DisparityRow) -> Bool {
        let (pa, pb) = (Int(a["priority"]) ?? 0, Int(b["priority"]) ?? 0)
        if pa != pb { return pa < pb }
        for column in ["kabupaten_kota", "npsn", "code", "nip", "disparity_id"] where a[column] != b[column] {
            return a[column] < b[column]
        }
        return false
    }

    package subscript(_ column: String) -> String {
        get { Self.header.firstIndex(of: column).map { cells[$0] } ?? "" }
        set { if let i = Self.header.firstIndex(of: column) { cells[i] = newValue } }
    }

    /// The row as a JSON array of strings (what the store keeps for `resolved.csv`).
    package var json: String {
        // The canonical JSON of the array, written straight (through `JSONValue` it was most of the time
        // the store's 170,000 national rows took to prepare).
        var out = JSONBytes(capacity: 512)
        out.byte(UInt8(ascii: "["))
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.string(cell)
        }
        out.byte(UInt8(ascii: "]"))
        return out.string
    }

    /// Reads a row kept by the store.
    package init?(json: String) {
        guard let cells = JSONStringArray.parse(json) else { return nil }
        self.init(cells: cells)
    }
}

/// A minimal parser for a JSON array of strings (the store's `row_json`).
enum JSONStringArray {
    static func parse(_ text: String) -> [String]? {
        var scalars = Array(text.unicodeScalars)[...]
        func skipSpace() {
            while let c = scalars.first, c == " " || c == "\n" || c == "\t" || c == "\r" { scalars.removeFirst() }
        }
        skipSpace()
        guard scalars.popFirst() == "[" else { return nil }
        var out = [String]()
        skipSpace()
        if scalars.first == "]" { return out }
        while true {
            skipSpace()
            guard scalars.popFirst() == "\"" else { return nil }
            var s = String.UnicodeScalarView()
            while let c = scalars.popFirst() {
                if c == "\"" { break }
                if c == "\\" {
                    guard let e = scalars.popFirst() else { return nil }
                    switch e {
                    case "n": s.append("\n")
                    case "r": s.append("\r")
                    case "t": s.append("\t")
                    case "b": s.append("\u{08}")
                    case "f": s.append("\u{0C}")
                    case "u":
                        let hex = String(String.UnicodeScalarView(scalars.prefix(4)))
                        scalars = scalars.dropFirst(4)
                        guard let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) else { return nil }
                        s.append(u)
                    default: s.append(e)
                    }
                } else {
                    s.append(c)
                }
            }
            out.append(String(s))
            skipSpace()
            guard let sep = scalars.popFirst() else { return nil }
            if sep == "]" { return out }
            guard sep == "," else { return nil }
        }
    }
}
