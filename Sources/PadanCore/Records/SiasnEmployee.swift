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
    public var kedudukan: String
    public var statusCpnsPns: String?
    public var golonganText: String?
    public var golongan: Golongan?
    public var jabatan: String
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
        self.statusCpnsPns = statusCpnsPns
        self.golonganText = golonganText
        self.golongan = Golongan(reading: golonganText)
        self.jabatan = jabatan
        self.unorId = unorId
        self.unorNama = unorNama
        self.instansiKerja = instansiKerja
        self.source = source
    }

    /// The status word, upper-case (`AKTIF`, `PENSIUN`, …).
    public var kedudukanKey: String { kedudukan.trimmingSpaces.uppercased() }

    /// Pensiun, Meninggal or Diberhentikan: not expected in Dapodik any more.
    public var hasLeftService: Bool { ["PENSIUN", "MENINGGAL", "DIBERHENTIKAN"].contains(kedudukanKey) }

    /// `jabatan_nama` starts with `Guru`.
    public var isTeacherBySiasn: Bool { jabatan.trimmingSpaces.uppercased().hasPrefix("GURU") }

    /// The government of `instansi_kerja_nama`.
    public var government: Government? { Government(reading: instansiKerja) }
}
