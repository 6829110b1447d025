/// One Dapodik school.
public struct School: Sendable {
    public var npsn: NPSN
    public var nama: String
    /// Upper-case level: `SD`, `SMP`, `SMA`, `SMK`, `SLB`, `SDLB`, `SMPLB`, `SMLB`.
    public var bentuk: String
    public var isNegeri: Bool
    /// Region code, trimmed (`052400`).
    public var kodeWilayah: String
    public var kabupatenKota: String
    public var provinsi: String
    public var kecamatan: String?
    public var source: SourceLocation

    public init(
        npsn: NPSN, nama: String, bentuk: String, isNegeri: Bool, kodeWilayah: String, kabupatenKota: String,
        provinsi: String, kecamatan: String?, source: SourceLocation
    ) {
        self.npsn = npsn
        self.nama = nama
        self.bentuk = bentuk
        self.isNegeri = isNegeri
        self.kodeWilayah = kodeWilayah
        self.kabupatenKota = kabupatenKota
        self.provinsi = provinsi
        self.kecamatan = kecamatan
        self.source = source
    }

    /// The kabupaten/kota government (where the school is).
    public var localGovernment: Government? { Government(reading: kabupatenKota) }

    /// The government that runs the school: the kabupaten/kota for SD/SMP/SDLB/SMPLB, the province otherwise.
    public var government: Government? {
        switch bentuk {
        case "SD", "SMP", "SDLB", "SMPLB": return localGovernment
        default: return Government(reading: provinsi)
        }
    }
}
