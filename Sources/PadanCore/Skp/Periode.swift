/// An SKP period: a semester of a year (`2024-S2`).
public struct Periode: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let semester: Int

    public init?(year: Int, semester: Int) {
        guard (1...2).contains(semester), (1900...2999).contains(year) else { return nil }
        self.year = year
        self.semester = semester
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
    public var start: String { semester == 1 ? "\(year)-01-01" : "\(year)-07-01" }
    /// Last day of the semester.
    public var end: String { semester == 1 ? "\(year)-06-30" : "\(year)-12-31" }
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
    public static let all = ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]

    /// The canonical spelling of `text` (any case), or nil.
    public static func canonical(_ text: String) -> String? {
        let key = text.trimmingSpaces.uppercased().split(separator: " ").joined(separator: " ")
        return all.first { $0.uppercased() == key }
    }
}

/// One SKP row of PMM's export.
public struct SkpRecord: Sendable {
    public var nipText: String
    public var nip: NIP.Reading
    public var npsn: NPSN
    public var periode: Periode
    public var peran: SkpRole
    public var indikatorKinerja: String?
    public var perilakuFokus: [String]
    public var predikat: String?
    public var nipPenilaiText: String?
    public var tahap: SkpStage
    public var source: SourceLocation

    public init(
        nipText: String, nip: NIP.Reading, npsn: NPSN, periode: Periode, peran: SkpRole, indikatorKinerja: String?,
        perilakuFokus: [String], predikat: String?, nipPenilaiText: String?, tahap: SkpStage, source: SourceLocation
    ) {
        self.nipText = nipText
        self.nip = nip
        self.npsn = npsn
        self.periode = periode
        self.peran = peran
        self.indikatorKinerja = indikatorKinerja
        self.perilakuFokus = perilakuFokus
        self.predikat = predikat
        self.nipPenilaiText = nipPenilaiText
        self.tahap = tahap
        self.source = source
    }
}
