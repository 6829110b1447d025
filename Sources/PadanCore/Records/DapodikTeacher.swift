/// One row of the Dapodik GTK export: a PTK at one school.
///
/// Stored compactly (`CompactText.swift`): ids and digit runs as numbers, repeated words shared between
/// rows; the properties give the text exactly as read.
public struct DapodikTeacher: Sendable {
    // Declared widest first, so that the narrow fields fill what would be padding (128 bytes a row; 184
    // before, 540 MB for a national export's 2.9 million rows). NUPTK and NIK are not kept: no rule reads
    // them, and a NIK is personal data Padan has no use for.
    private var ptk: IdentifierText?
    /// As typed at the school (titles and all).
    public var nama: String
    private var status: SharedText
    private var jenis: SharedText
    private var tugas: SharedText?
    private var writtenGolongan: WrittenGolongan?
    public var source: SourceLocation
    public var npsn: NPSN
    public var birthDate: CalendarDate?
    public var gender: Gender?
    public var nip: NIP.Reading
    /// `Induk` (the person's home school) unless the row says `Non Induk`.
    public var isInduk: Bool
    // Both derived once, not at every look (rules and SKP ask millions of times at national scale), from
    // the two immutable fields above.
    /// How `status_kepegawaian` places the row.
    public let employment: Employment
    /// True when `jenis_ptk` says teacher (`Guru …`) or principal.
    public let isTeacherByDapodik: Bool
    private var writtenNIP: DigitText?

    /// Dapodik's person id, shared by the rows of one person at several schools.
    public var ptkId: String? {
        get { ptk?.text }
        set { ptk = newValue.map(IdentifierText.init) }
    }
    /// The id as stored (compare its `lowercased` for identity without building text).
    public var ptkIdentifier: IdentifierText? { ptk }
    /// The NIP as written (trimmed), for reports.
    public var nipText: String? {
        get { writtenNIP?.text }
        set { writtenNIP = newValue.map(DigitText.init) }
    }
    public var statusKepegawaian: String { status.text }
    public var jenisPtk: String { jenis.text }
    public var tugasTambahan: String? {
        get { tugas?.text }
        set { tugas = newValue.map(SharedText.init) }
    }
    public var golonganText: String? {
        get { writtenGolongan?.text }
        set { writtenGolongan = newValue.map(WrittenGolongan.init) }
    }
    /// The golongan `golonganText` reads as.
    public var golongan: Golongan? { writtenGolongan?.golongan }

    public init(
        ptkId: String?, nama: String, nipText: String?, nip: NIP.Reading, gender: Gender?, birthDate: CalendarDate?,
        statusKepegawaian: String, jenisPtk: String, tugasTambahan: String?, golonganText: String?, npsn: NPSN,
        isInduk: Bool, source: SourceLocation
    ) {
        self.init(
            ptk: ptkId.map(IdentifierText.init), nama: nama, nipText: nipText.map(DigitText.init), nip: nip,
            gender: gender, birthDate: birthDate, status: SharedText(statusKepegawaian),
            employment: Employment(statusKepegawaian), jenis: SharedText(jenisPtk), isTeacher: Self.isTeacher(jenisPtk),
            tugas: tugasTambahan.map(SharedText.init), golongan: golonganText.map(WrittenGolongan.init), npsn: npsn,
            isInduk: isInduk, source: source)
    }

    /// A row from already compact parts (the reader shares the repeated words and what they mean).
    package init(
        ptk: IdentifierText?, nama: String, nipText: DigitText?, nip: NIP.Reading, gender: Gender?,
        birthDate: CalendarDate?, status: SharedText, employment: Employment, jenis: SharedText, isTeacher: Bool,
        tugas: SharedText?, golongan: WrittenGolongan?, npsn: NPSN, isInduk: Bool, source: SourceLocation
    ) {
        self.ptk = ptk
        self.nama = nama
        self.writtenNIP = nipText
        self.nip = nip
        self.gender = gender
        self.birthDate = birthDate
        self.status = status
        self.employment = employment
        self.jenis = jenis
        self.isTeacherByDapodik = isTeacher
        self.tugas = tugas
        self.writtenGolongan = golongan
        self.npsn = npsn
        self.isInduk = isInduk
        self.source = source
    }

    package static func isTeacher(_ jenisPtk: String) -> Bool {
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
