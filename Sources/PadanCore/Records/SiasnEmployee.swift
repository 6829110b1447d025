/// One civil servant of the SIASN export.
///
/// Stored compactly (`CompactText.swift`): ids and digit runs as numbers, repeated words shared between
/// rows; the properties give the text exactly as read.
public struct SiasnEmployee: Sendable {
    // Declared so that the narrow fields fill what would be padding (152 bytes a person, 200 two rounds
    // ago). The words many people share (kedudukan, status CPNS/PNS, golongan, jabatan, instansi) are one
    // shared ``EmployeeProfile``.
    // `Optional<…>` spelled out, as in ``DapodikTeacher``: `T?` made the initializer copy the whole row.
    private var depan: Optional<SharedText>
    private var belakang: Optional<SharedText>
    fileprivate var profile: EmployeeProfile
    fileprivate var unitName: Optional<SharedText>
    public var nama: String
    public var source: SourceLocation
    public var birthDate: CalendarDate?
    public var gender: Gender?
    public var pnsId: SiasnID
    public var unorId: SiasnID
    fileprivate var storedNIP: DigitText
    private var storedNIPLama: Optional<DigitText>

    /// What `kedudukan_hukum_nama` means for matching and SKP (derived once per distinct word, not at every
    /// look: matching, rules and SKP ask millions of times at national scale).
    public var standing: Standing { profile.standing }
    /// `jabatan_nama` starts with `Guru`.
    public var isTeacherBySiasn: Bool { profile.isTeacher }

    /// 18 digits as SIASN holds them.
    public var nipBaru: String {
        get { storedNIP.text }
        set { storedNIP = DigitText(newValue) }
    }
    /// `nipBaru` as a number when it is 18 digits (what NIP lookups use).
    public var nipValue: UInt64? { storedNIP.eighteenDigits }
    public var nipLama: String? {
        get { storedNIPLama?.text }
        set { storedNIPLama = newValue.map(DigitText.init) }
    }
    public var gelarDepan: String? {
        get { depan?.text }
        set { depan = newValue.map(SharedText.init) }
    }
    public var gelarBelakang: String? {
        get { belakang?.text }
        set { belakang = newValue.map(SharedText.init) }
    }
    public var kedudukan: String {
        get { profile.kedudukan.text }
        set { profile = profile.with(kedudukan: SharedText(newValue), standing: Standing(newValue)) }
    }
    public var statusCpnsPns: String? {
        get { profile.cpnsPns?.text }
        set { profile = profile.with(cpnsPns: .some(newValue.map(SharedText.init))) }
    }
    public var golonganText: String? {
        get { profile.golongan?.text }
        set { profile = profile.with(golongan: .some(newValue.map(WrittenGolongan.init))) }
    }
    /// The golongan `golonganText` reads as.
    public var golongan: Golongan? { profile.golongan?.golongan }
    public var jabatan: String {
        get { profile.jabatan.text }
        set { profile = profile.with(jabatan: SharedText(newValue), isTeacher: Self.isTeacher(newValue)) }
    }
    public var unorNama: String? {
        get { unitName?.text }
        set { unitName = newValue.map(SharedText.init) }
    }
    public var instansiKerja: String {
        get { profile.instansi.text }
        set { profile = profile.with(instansi: SharedText(newValue)) }
    }

    public init(
        pnsId: SiasnID, nipBaru: String, nipLama: String?, nama: String, gelarDepan: String?, gelarBelakang: String?,
        birthDate: CalendarDate?, gender: Gender?, kedudukan: String, statusCpnsPns: String?, golonganText: String?,
        jabatan: String, unorId: SiasnID, unorNama: String?, instansiKerja: String, source: SourceLocation
    ) {
        let profile = EmployeeProfile(
            kedudukan: SharedText(kedudukan), standing: Standing(kedudukan),
            cpnsPns: statusCpnsPns.map(SharedText.init),
            golongan: golonganText.map(WrittenGolongan.init), jabatan: SharedText(jabatan),
            isTeacher: Self.isTeacher(jabatan),
            instansi: SharedText(instansiKerja))
        self.init(
            pnsId: pnsId, nipBaru: DigitText(nipBaru), nipLama: nipLama.map(DigitText.init), nama: nama,
            gelarDepan: gelarDepan.map(SharedText.init), gelarBelakang: gelarBelakang.map(SharedText.init),
            birthDate: birthDate, gender: gender, profile: profile, unorId: unorId,
            unorNama: unorNama.map(SharedText.init),
            source: source)
    }

    /// A person from already compact parts (the reader shares the repeated words and what they mean).
    package init(
        pnsId: SiasnID, nipBaru: DigitText, nipLama: DigitText?, nama: String, gelarDepan: SharedText?,
        gelarBelakang: SharedText?, birthDate: CalendarDate?, gender: Gender?, profile: EmployeeProfile,
        unorId: SiasnID, unorNama: SharedText?, source: SourceLocation
    ) {
        self.pnsId = pnsId
        self.storedNIP = nipBaru
        self.storedNIPLama = nipLama
        self.nama = nama
        self.depan = gelarDepan
        self.belakang = gelarBelakang
        self.birthDate = birthDate
        self.gender = gender
        self.profile = profile
        self.unorId = unorId
        self.unitName = unorNama
        self.source = source
    }

    /// The status word, upper-case (`AKTIF`, `PENSIUN`, …).
    public var kedudukanKey: String { kedudukan.trimmingSpaces.uppercased() }

    /// Pensiun, Meninggal or Diberhentikan: not expected in Dapodik any more.
    public var hasLeftService: Bool { standing.hasLeftService }

    package static func isTeacher(_ jabatan: String) -> Bool { jabatan.trimmingSpaces.uppercased().hasPrefix("GURU") }

    /// The status words matching and SKP tell apart, by the status's first word (`Diberhentikan Tidak Dengan
    /// Hormat` is `Diberhentikan`, `Meninggal Dunia` is `Meninggal`); every other status (`Aktif`, `Tugas Belajar`,
    /// `Masa Persiapan Pensiun`, `Pemberhentian Sementara`, …) is serving.
    public enum Standing: UInt8, Sendable {
        case serving, cltn, pensiun, meninggal, diberhentikan

        package init(_ kedudukan: String) {
            let words = kedudukan.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" })
            switch words.first.map(String.init) ?? "" {
            case "CLTN": self = .cltn
            case "PENSIUN": self = .pensiun
            case "MENINGGAL": self = .meninggal
            case "DIBERHENTIKAN": self = .diberhentikan
            default: self = .serving
            }
        }

        /// Retired, deceased or dismissed.
        public var hasLeftService: Bool { self == .pensiun || self == .meninggal || self == .diberhentikan }
    }

    /// The government of `instansi_kerja_nama`.
    public var government: Government? { profile.government }
}

/// The texts of ``SiasnEmployee`` that are worked out from a stored field, read from that field alone:
/// through a key path, a computed property gets a copy of the whole record to run on (see ``InPlace``).
extension InPlace where Record == SiasnEmployee {
    public var nipBaru: String { self[dynamicMember: \.storedNIP].text }
    public var writtenNIPBaru: DigitText { self[dynamicMember: \.storedNIP] }
    public var unorNama: String? { self[dynamicMember: \.unitName]?.text }
    public var jabatan: String { profile.jabatan.text }
    public var kedudukan: String { profile.kedudukan.text }
    public var instansiKerja: String { profile.instansi.text }
    public var government: Government? { profile.government }
    public var hasLeftService: Bool { profile.standing.hasLeftService }
    public var isTeacherBySiasn: Bool { profile.isTeacher }
    public var nipValue: UInt64? { self[dynamicMember: \.storedNIP].eighteenDigits }
    private var profile: EmployeeProfile { self[dynamicMember: \.profile] }
}

/// The words of a SIASN person that many people share (kedudukan, status CPNS/PNS, golongan, jabatan,
/// instansi) with what they mean: one box per distinct combination in a file, 8 bytes a person where five
/// boxes and two flags took 42 (53 MB for a national export).
package final class EmployeeProfile: Sendable {
    let kedudukan: SharedText
    let standing: SiasnEmployee.Standing
    let cpnsPns: SharedText?
    let golongan: WrittenGolongan?
    let jabatan: SharedText
    let isTeacher: Bool
    let instansi: SharedText
    /// The government `instansi` names (the rules ask it for each of 1.6 million linked people; looked up by the
    /// agency's text, each ask hashed the text). The reader reads it once per agency and shares it between the
    /// agency's profiles: read per profile, its words were 13 MB more at the national peak.
    let government: Government?

    /// A profile; `government` is what `instansi` reads as, read here when not given.
    package init(
        kedudukan: SharedText, standing: SiasnEmployee.Standing, cpnsPns: SharedText?, golongan: WrittenGolongan?,
        jabatan: SharedText, isTeacher: Bool, instansi: SharedText, government: Government?? = nil
    ) {
        self.kedudukan = kedudukan
        self.standing = standing
        self.cpnsPns = cpnsPns
        self.golongan = golongan
        self.jabatan = jabatan
        self.isTeacher = isTeacher
        self.instansi = instansi
        self.government = government ?? Government(reading: instansi.text)
    }

    /// This profile with some of its words replaced.
    func with(
        kedudukan: SharedText? = nil, standing: SiasnEmployee.Standing? = nil, cpnsPns: SharedText?? = nil,
        golongan: WrittenGolongan?? = nil, jabatan: SharedText? = nil, isTeacher: Bool? = nil,
        instansi: SharedText? = nil
    ) -> EmployeeProfile {
        EmployeeProfile(
            kedudukan: kedudukan ?? self.kedudukan, standing: standing ?? self.standing,
            cpnsPns: cpnsPns ?? self.cpnsPns,
            golongan: golongan ?? self.golongan, jabatan: jabatan ?? self.jabatan,
            isTeacher: isTeacher ?? self.isTeacher,
            instansi: instansi ?? self.instansi, government: instansi == nil ? .some(self.government) : nil)
    }
}
