/// An SKP period: a semester of a year (`2024-S2`).
public struct Periode: Hashable, Sendable, CustomStringConvertible {
    // 3 bytes (every SKP row holds one).
    private let storedYear: UInt16
    private let storedSemester: UInt8

    /// The years an SKP payload may carry (`skp-payload.schema.json`: `periode.tahun` from 2023 to 2100).
    public static let payloadYears = 2023...2100

    public var year: Int { Int(storedYear) }
    public var semester: Int { Int(storedSemester) }

    public init?(year: Int, semester: Int) {
        guard (1...2).contains(semester), (1900...2999).contains(year) else { return nil }
        self.storedYear = UInt16(year)
        self.storedSemester = UInt8(semester)
    }

    /// Reads `2024-1`, `2024-S1`, `2024-2`, `2024-S2`, `Januari-Juni 2024`, `Juli-Desember 2024` (any case).
    public init?(reading text: String?) {
        guard let text = text?.trimmingSpaces.uppercased(), !text.isEmpty else { return nil }
        let compact = String(text.filter { $0 != " " })
        if compact.utf8.count >= 6, let dash = compact.firstIndex(of: "-"),
            let year = Int(compact[..<dash]), compact.distance(from: compact.startIndex, to: dash) == 4
        {
            var rest = compact[compact.index(after: dash)...]
            if rest.first == "S" { rest = rest.dropFirst() }
            guard let semester = Int(rest), rest.count == 1 else { return nil }
            self.init(year: year, semester: semester)
            return
        }
        let parts = text.split(separator: " ")
        guard parts.count == 2, let year = Int(parts[1]), parts[1].count == 4 else { return nil }
        switch parts[0] {
        case "JANUARI-JUNI": self.init(year: year, semester: 1)
        case "JULI-DESEMBER": self.init(year: year, semester: 2)
        default: return nil
        }
    }

    /// `YYYY-Sn`.
    public var description: String { "\(year)-S\(semester)" }
    /// First day of the semester.
    public var start: String { "\(year)\(startAfterYear)" }
    /// Last day of the semester.
    public var end: String { "\(year)\(endAfterYear)" }
    /// ``start`` after its year (`-01-01`, `-07-01`), for writers that write the year as a number.
    public var startAfterYear: StaticString { semester == 1 ? "-01-01" : "-07-01" }
    /// ``end`` after its year (`-06-30`, `-12-31`).
    public var endAfterYear: StaticString { semester == 1 ? "-06-30" : "-12-31" }
}

/// The role an SKP is made in.
public enum SkpRole: String, Sendable, CaseIterable {
    case guru = "GURU"
    case kepalaSekolah = "KEPALA_SEKOLAH"
    case pltKepalaSekolah = "PLT_KEPALA_SEKOLAH"

    /// Reads `GURU`, `Guru`, `KEPALA_SEKOLAH`, `Kepala Sekolah`, `PLT_KEPALA_SEKOLAH`, `Plt. Kepala Sekolah`.
    public init?(reading text: String?) {
        guard let text else { return nil }
        let key = String(text.uppercased().map { $0 == "." ? " " : $0 })
            .split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: "_")
        self.init(rawValue: key)
    }

    /// The SKP model: `JF` for a teacher, `JPT` for the two principal roles.
    public var model: String { self == .guru ? "JF" : "JPT" }
}

/// The stage an SKP is at.
public enum SkpStage: String, Sendable, CaseIterable {
    case perencanaan = "PERENCANAAN"
    case pelaksanaan = "PELAKSANAAN"
    case penilaian = "PENILAIAN"
}

/// The rating values PMM writes, in canonical spelling.
public enum Predikat {
    public static let all = ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"]

    /// The canonical spelling of `text` (any case), or nil.
    public static func canonical(_ text: String) -> String? {
        let key = text.trimmingSpaces.uppercased().split(separator: " ").joined(separator: " ")
        return all.first { $0.uppercased() == key }
    }
}

/// The BerAKHLAK behaviour aspects, in canonical spelling.
public enum PerilakuFokus {
    public static let all = [
        "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif",
    ]

    /// The canonical spelling of `text` (any case), or nil.
    public static func canonical(_ text: String) -> String? {
        let key = text.trimmingSpaces.uppercased().split(separator: " ").joined(separator: " ")
        return all.first { $0.uppercased() == key }
    }
}

/// One SKP row of PMM's export.
///
/// Stored compactly (`CompactText.swift`): NIPs as numbers, the indicator and behaviour lists shared between
/// rows; the properties give the text exactly as read.
public struct SkpRecord: Sendable {
    // Declared widest first, so that the narrow fields fill what would be padding.
    // `Optional<…>` spelled out, as in ``DapodikTeacher``: `T?` made the initializer copy the whole row.
    private var indikator: Optional<SharedText>
    public var perilakuFokus: [String]
    public var predikat: Optional<String>
    public var source: SourceLocation
    public var npsn: NPSN
    private var writtenNIP: DigitText
    public var periode: Periode
    public var peran: SkpRole
    public var tahap: SkpStage
    private var writtenPenilai: Optional<DigitText>
    public var nip: NIP.Reading

    public var nipText: String {
        get { writtenNIP.text }
        set { writtenNIP = DigitText(newValue) }
    }
    public var indikatorKinerja: String? {
        get { indikator?.text }
        set { indikator = newValue.map(SharedText.init) }
    }
    public var nipPenilaiText: String? {
        get { writtenPenilai?.text }
        set { writtenPenilai = newValue.map(DigitText.init) }
    }
    /// `nip_penilai` as written, in its compact form: read in place (``nipPenilaiText`` asked of a row of a
    /// buffer copied the whole row first, a sixth of the SKP verdicts nationally).
    public var nipPenilaiWritten: DigitText? { writtenPenilai }

    public init(
        nipText: String, nip: NIP.Reading, npsn: NPSN, periode: Periode, peran: SkpRole, indikatorKinerja: String?,
        perilakuFokus: [String], predikat: String?, nipPenilaiText: String?, tahap: SkpStage, source: SourceLocation
    ) {
        self.init(
            nipText: DigitText(nipText), nip: nip, npsn: npsn, periode: periode, peran: peran,
            indikatorKinerja: indikatorKinerja.map(SharedText.init), perilakuFokus: perilakuFokus, predikat: predikat,
            nipPenilaiText: nipPenilaiText.map(DigitText.init), tahap: tahap, source: source)
    }

    /// A row from already compact parts (the reader shares the indicators and behaviour lists).
    package init(
        nipText: DigitText, nip: NIP.Reading, npsn: NPSN, periode: Periode, peran: SkpRole,
        indikatorKinerja: SharedText?,
        perilakuFokus: [String], predikat: String?, nipPenilaiText: DigitText?, tahap: SkpStage, source: SourceLocation
    ) {
        self.writtenNIP = nipText
        self.nip = nip
        self.npsn = npsn
        self.periode = periode
        self.peran = peran
        self.indikator = indikatorKinerja
        self.perilakuFokus = perilakuFokus
        self.predikat = predikat
        self.writtenPenilai = nipPenilaiText
        self.tahap = tahap
        self.source = source
    }
}
