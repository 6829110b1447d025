/// One row of the Dapodik GTK export: a PTK at one school.
///
/// Stored compactly (`CompactText.swift`): ids and digit runs as numbers, repeated words shared between
/// rows; the properties give the text exactly as read.
public struct DapodikTeacher: Sendable {
    // Declared so that the narrow fields fill what would be padding (104 bytes a row; 184 two rounds ago,
    // 540 MB for a national export's 2.9 million rows). The words many rows share (status, jenis PTK, tugas
    // tambahan, golongan) are one shared ``TeacherProfile``. NUPTK and NIK are not kept: no rule reads them,
    // and a NIK is personal data Padan has no use for.
    // `Optional<…>` spelled out: a `T?` stored property starts as nil, and the initializer then copied the whole
    // row to return it, a retain and a release of every reference the row holds (2.9 million rows nationally).
    fileprivate var ptk: Optional<IdentifierText>
    /// As typed at the school (titles and all).
    public var nama: String
    fileprivate var profile: TeacherProfile
    public var source: SourceLocation
    public var npsn: NPSN
    public var birthDate: CalendarDate?
    public var gender: Gender?
    public var nip: NIP.Reading
    /// `Induk` (the person's home school) unless the row says `Non Induk`.
    public var isInduk: Bool
    fileprivate var writtenNIP: Optional<DigitText>

    /// How `status_kepegawaian` places the row (derived once per distinct status, not at every look: rules
    /// and SKP ask millions of times at national scale).
    public var employment: Employment { profile.employment }
    /// True when `jenis_ptk` says teacher (`Guru …`) or principal.
    public var isTeacherByDapodik: Bool { profile.isTeacher }

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
    public var statusKepegawaian: String { profile.status.text }
    public var jenisPtk: String { profile.jenis.text }
    public var tugasTambahan: String? {
        get { profile.tugas?.text }
        set { profile = profile.with(tugas: .some(newValue.map(SharedText.init))) }
    }
    public var golonganText: String? {
        get { profile.golongan?.text }
        set { profile = profile.with(golongan: .some(newValue.map(WrittenGolongan.init))) }
    }
    /// The golongan `golonganText` reads as.
    public var golongan: Golongan? { profile.golongan?.golongan }

    public init(
        ptkId: String?, nama: String, nipText: String?, nip: NIP.Reading, gender: Gender?, birthDate: CalendarDate?,
        statusKepegawaian: String, jenisPtk: String, tugasTambahan: String?, golonganText: String?, npsn: NPSN,
        isInduk: Bool, source: SourceLocation
    ) {
        let profile = TeacherProfile(
            status: SharedText(statusKepegawaian), employment: Employment(statusKepegawaian),
            jenis: SharedText(jenisPtk),
            isTeacher: Self.isTeacher(jenisPtk), tugas: tugasTambahan.map(SharedText.init),
            golongan: golonganText.map(WrittenGolongan.init))
        self.init(
            ptk: ptkId.map(IdentifierText.init), nama: nama, nipText: nipText.map(DigitText.init), nip: nip,
            gender: gender, birthDate: birthDate, profile: profile, npsn: npsn, isInduk: isInduk, source: source)
    }

    /// A row from already compact parts (the reader shares the repeated words and what they mean).
    package init(
        ptk: IdentifierText?, nama: String, nipText: DigitText?, nip: NIP.Reading, gender: Gender?,
        birthDate: CalendarDate?, profile: TeacherProfile, npsn: NPSN, isInduk: Bool, source: SourceLocation
    ) {
        self.ptk = ptk
        self.nama = nama
        self.writtenNIP = nipText
        self.nip = nip
        self.gender = gender
        self.birthDate = birthDate
        self.profile = profile
        self.npsn = npsn
        self.isInduk = isInduk
        self.source = source
    }

    package static func isTeacher(_ jenisPtk: String) -> Bool {
        let jenis = jenisPtk.uppercased()
        return jenis.hasPrefix("GURU") || jenis == "KEPALA SEKOLAH"
    }
}

/// The words of a PTK row that many rows share (status kepegawaian, jenis PTK, tugas tambahan, golongan)
/// with what they mean: one box per distinct combination in a file, 8 bytes a row where four boxes and two
/// flags took 34 (70 MB for a national export).
package final class TeacherProfile: Sendable {
    let status: SharedText
    let employment: Employment
    let jenis: SharedText
    let isTeacher: Bool
    let tugas: SharedText?
    let golongan: WrittenGolongan?

    package init(
        status: SharedText, employment: Employment, jenis: SharedText, isTeacher: Bool, tugas: SharedText?,
        golongan: WrittenGolongan?
    ) {
        self.status = status
        self.employment = employment
        self.jenis = jenis
        self.isTeacher = isTeacher
        self.tugas = tugas
        self.golongan = golongan
    }

    /// This profile with its tugas tambahan or golongan replaced.
    func with(tugas: SharedText?? = nil, golongan: WrittenGolongan?? = nil) -> TeacherProfile {
        TeacherProfile(
            status: status, employment: employment, jenis: jenis, isTeacher: isTeacher, tugas: tugas ?? self.tugas,
            golongan: golongan ?? self.golongan)
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

/// The texts of ``DapodikTeacher`` that are worked out from a stored field, read from that field alone:
/// through a key path, a computed property gets a copy of the whole row to run on (see ``InPlace``).
extension InPlace where Record == DapodikTeacher {
    public var ptkId: String? { self[dynamicMember: \.ptk]?.text }
    public var nipText: String? { self[dynamicMember: \.writtenNIP]?.text }
    public var ptkIdentifier: IdentifierText? { self[dynamicMember: \.ptk] }
    public var writtenNIP: DigitText? { self[dynamicMember: \.writtenNIP] }
    public var employment: Employment { profile.employment }
    public var jenisPtk: String { profile.jenis.text }
    public var tugasTambahan: String? { profile.tugas?.text }
    private var profile: TeacherProfile { self[dynamicMember: \.profile] }
}
