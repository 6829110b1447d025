/// One civil servant of the SIASN export.
public struct SiasnEmployee: Sendable {
    public var pnsId: SiasnID
    /// 18 digits as SIASN holds them.
    public var nipBaru: String
    public var nipLama: String?
    public var nama: String
    public var gelarDepan: String?
    public var gelarBelakang: String?
    public var birthDate: CalendarDate?
    public var gender: Gender?
    public var kedudukan: String {
        didSet { standing = Standing(kedudukan) }
    }
    public var statusCpnsPns: String?
    public var golonganText: String?
    public var golongan: Golongan?
    public var jabatan: String {
        didSet { isTeacherBySiasn = Self.isTeacher(jabatan) }
    }
    public var unorId: SiasnID
    public var unorNama: String?
    public var instansiKerja: String
    public var source: SourceLocation

    public init(
        pnsId: SiasnID, nipBaru: String, nipLama: String?, nama: String, gelarDepan: String?, gelarBelakang: String?,
        birthDate: CalendarDate?, gender: Gender?, kedudukan: String, statusCpnsPns: String?, golonganText: String?,
        jabatan: String, unorId: SiasnID, unorNama: String?, instansiKerja: String, source: SourceLocation
    ) {
        self.pnsId = pnsId
        self.nipBaru = nipBaru
        self.nipLama = nipLama
        self.nama = nama
        self.gelarDepan = gelarDepan
        self.gelarBelakang = gelarBelakang
        self.birthDate = birthDate
        self.gender = gender
        self.kedudukan = kedudukan
        self.standing = Standing(kedudukan)
        self.statusCpnsPns = statusCpnsPns
        self.golonganText = golonganText
        self.golongan = Golongan(reading: golonganText)
        self.jabatan = jabatan
        self.isTeacherBySiasn = Self.isTeacher(jabatan)
        self.unorId = unorId
        self.unorNama = unorNama
        self.instansiKerja = instansiKerja
        self.source = source
    }

    /// The status word, upper-case (`AKTIF`, `PENSIUN`, …).
    public var kedudukanKey: String { kedudukan.trimmingSpaces.uppercased() }

    // Derived once, not at every look (matching, rules and SKP ask millions of times at national scale).
    /// What `kedudukan_hukum_nama` means for matching and SKP.
    public private(set) var standing: Standing
    /// `jabatan_nama` starts with `Guru`.
    public private(set) var isTeacherBySiasn: Bool

    /// Pensiun, Meninggal or Diberhentikan: not expected in Dapodik any more.
    public var hasLeftService: Bool { standing == .pensiun || standing == .meninggal || standing == .diberhentikan }

    static func isTeacher(_ jabatan: String) -> Bool { jabatan.trimmingSpaces.uppercased().hasPrefix("GURU") }

    /// The status words matching and SKP tell apart; every other word (`Aktif`, `Tugas Belajar`, …) is serving.
    public enum Standing: UInt8, Sendable {
        case serving, cltn, pensiun, meninggal, diberhentikan

        init(_ kedudukan: String) {
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
