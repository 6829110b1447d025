/// One civil servant of the SIASN export.
///
/// Stored compactly (`CompactText.swift`): ids and digit runs as numbers, repeated words shared between
/// rows; the properties give the text exactly as read.
public struct SiasnEmployee: Sendable {
    // Declared widest first, so that the narrow fields fill what would be padding.
    private var depan: SharedText?
    private var belakang: SharedText?
    private var kedudukanWord: SharedText
    private var cpnsPns: SharedText?
    private var writtenGolongan: WrittenGolongan?
    private var jabatanWord: SharedText
    private var unitName: SharedText?
    private var instansi: SharedText
    public var nama: String
    public var source: SourceLocation
    public var birthDate: CalendarDate?
    public var gender: Gender?
    // Derived once, not at every look (matching, rules and SKP ask millions of times at national scale).
    /// What `kedudukan_hukum_nama` means for matching and SKP.
    public private(set) var standing: Standing
    /// `jabatan_nama` starts with `Guru`.
    public private(set) var isTeacherBySiasn: Bool
    private var storedNIP: DigitText
    private var storedNIPLama: DigitText?
    public var pnsId: SiasnID
    public var unorId: SiasnID

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
        get { kedudukanWord.text }
        set {
            kedudukanWord = SharedText(newValue)
            standing = Standing(newValue)
        }
    }
    public var statusCpnsPns: String? {
        get { cpnsPns?.text }
        set { cpnsPns = newValue.map(SharedText.init) }
    }
    public var golonganText: String? {
        get { writtenGolongan?.text }
        set { writtenGolongan = newValue.map(WrittenGolongan.init) }
    }
    /// The golongan `golonganText` reads as.
    public var golongan: Golongan? { writtenGolongan?.golongan }
    public var jabatan: String {
        get { jabatanWord.text }
        set {
            jabatanWord = SharedText(newValue)
            isTeacherBySiasn = Self.isTeacher(newValue)
        }
    }
    public var unorNama: String? {
        get { unitName?.text }
        set { unitName = newValue.map(SharedText.init) }
    }
    public var instansiKerja: String {
        get { instansi.text }
        set { instansi = SharedText(newValue) }
    }

    public init(
        pnsId: SiasnID, nipBaru: String, nipLama: String?, nama: String, gelarDepan: String?, gelarBelakang: String?,
        birthDate: CalendarDate?, gender: Gender?, kedudukan: String, statusCpnsPns: String?, golonganText: String?,
        jabatan: String, unorId: SiasnID, unorNama: String?, instansiKerja: String, source: SourceLocation
    ) {
        self.init(
            pnsId: pnsId, nipBaru: DigitText(nipBaru), nipLama: nipLama.map(DigitText.init), nama: nama,
            gelarDepan: gelarDepan.map(SharedText.init), gelarBelakang: gelarBelakang.map(SharedText.init),
            birthDate: birthDate, gender: gender, kedudukan: SharedText(kedudukan), standing: Standing(kedudukan),
            statusCpnsPns: statusCpnsPns.map(SharedText.init),
            golongan: golonganText.map(WrittenGolongan.init), jabatan: SharedText(jabatan),
            isTeacher: Self.isTeacher(jabatan), unorId: unorId, unorNama: unorNama.map(SharedText.init),
            instansiKerja: SharedText(instansiKerja), source: source)
    }

    /// A person from already compact parts (the reader shares the repeated words and what they mean).
    package init(
        pnsId: SiasnID, nipBaru: DigitText, nipLama: DigitText?, nama: String, gelarDepan: SharedText?,
        gelarBelakang: SharedText?, birthDate: CalendarDate?, gender: Gender?, kedudukan: SharedText, standing: Standing,
        statusCpnsPns: SharedText?, golongan: WrittenGolongan?, jabatan: SharedText, isTeacher: Bool,
        unorId: SiasnID, unorNama: SharedText?, instansiKerja: SharedText, source: SourceLocation
    ) {
        self.pnsId = pnsId
        self.storedNIP = nipBaru
        self.storedNIPLama = nipLama
        self.nama = nama
        self.depan = gelarDepan
        self.belakang = gelarBelakang
        self.birthDate = birthDate
        self.gender = gender
        self.kedudukanWord = kedudukan
        self.standing = standing
        self.cpnsPns = statusCpnsPns
        self.writtenGolongan = golongan
        self.jabatanWord = jabatan
        self.isTeacherBySiasn = isTeacher
        self.unorId = unorId
        self.unitName = unorNama
        self.instansi = instansiKerja
        self.source = source
    }

    /// The status word, upper-case (`AKTIF`, `PENSIUN`, …).
    public var kedudukanKey: String { kedudukan.trimmingSpaces.uppercased() }

    /// Pensiun, Meninggal or Diberhentikan: not expected in Dapodik any more.
    public var hasLeftService: Bool { standing == .pensiun || standing == .meninggal || standing == .diberhentikan }

    package static func isTeacher(_ jabatan: String) -> Bool { jabatan.trimmingSpaces.uppercased().hasPrefix("GURU") }

    /// The status words matching and SKP tell apart; every other word (`Aktif`, `Tugas Belajar`, …) is serving.
    public enum Standing: UInt8, Sendable {
        case serving, cltn, pensiun, meninggal, diberhentikan

        package init(_ kedudukan: String) {
            switch kedudukan.trimmingSpaces.uppercased() {
            case "CLTN": self = .cltn
            case "PENSIUN": self = .pensiun
            case "MENINGGAL": self = .meninggal
            case "DIBERHENTIKAN": self = .diberhentikan
            default: self = .serving
            }
        }
    }

    /// The government of `instansi_kerja_nama`.
    public var government: Government? { Government(reading: instansiKerja) }
}
