/// One row of the Dapodik GTK export: a PTK at one school.
public struct DapodikTeacher: Sendable {
    /// Dapodik's person id, shared by the rows of one person at several schools.
    public var ptkId: String?
    /// As typed at the school (titles and all).
    public var nama: String
    /// The NIP as written (trimmed), for reports.
    public var nipText: String?
    public var nip: NIP.Reading
    public var nuptk: String?
    public var nik: String?
    public var gender: Gender?
    public var birthDate: CalendarDate?
    public var statusKepegawaian: String {
        didSet { employment = Employment(statusKepegawaian) }
    }
    public var jenisPtk: String {
        didSet { isTeacherByDapodik = Self.isTeacher(jenisPtk) }
    }
    public var tugasTambahan: String?
    public var golonganText: String?
    public var golongan: Golongan?
    public var npsn: NPSN
    /// `Induk` (the person's home school) unless the row says `Non Induk`.
    public var isInduk: Bool
    public var source: SourceLocation

    public init(
        ptkId: String?, nama: String, nipText: String?, nip: NIP.Reading, nuptk: String?, nik: String?,
        gender: Gender?, birthDate: CalendarDate?, statusKepegawaian: String, jenisPtk: String,
        tugasTambahan: String?, golonganText: String?, npsn: NPSN, isInduk: Bool, source: SourceLocation
    ) {
        self.ptkId = ptkId
        self.nama = nama
        self.nipText = nipText
        self.nip = nip
        self.nuptk = nuptk
        self.nik = nik
        self.gender = gender
        self.birthDate = birthDate
        self.statusKepegawaian = statusKepegawaian
        self.jenisPtk = jenisPtk
        self.employment = Employment(statusKepegawaian)
        self.isTeacherByDapodik = Self.isTeacher(jenisPtk)
        self.tugasTambahan = tugasTambahan
        self.golonganText = golonganText
        self.golongan = Golongan(reading: golonganText)
        self.npsn = npsn
        self.isInduk = isInduk
        self.source = source
    }

    // Both derived once, not at every look (rules and SKP ask millions of times at national scale).
    /// How `status_kepegawaian` places the row.
    public private(set) var employment: Employment
    /// True when `jenis_ptk` says teacher (`Guru …`) or principal.
    public private(set) var isTeacherByDapodik: Bool

    static func isTeacher(_ jenisPtk: String) -> Bool {
        let jenis = jenisPtk.uppercased()
        return jenis.hasPrefix("GURU") || jenis == "KEPALA SEKOLAH"
    }
}

/// The employment class of a Dapodik row.
public enum Employment: Sendable, Equatable {
    /// PNS, PNS Diperbantukan, CPNS.
    case pns
    /// PPPK, PPPK Paruh Waktu.
    case pppk
    /// PNS Depag: counted, never matched nor flagged.
    case kemenag
    case nonASN

    public init(_ status: String) {
        switch status.trimmingSpaces.uppercased().split(separator: " ").joined(separator: " ") {
        case "PNS", "PNS DIPERBANTUKAN", "CPNS": self = .pns
        case "PPPK", "PPPK PARUH WAKTU": self = .pppk
        case "PNS DEPAG": self = .kemenag
        default: self = .nonASN
        }
    }

    public var isASN: Bool { self == .pns || self == .pppk }
}
