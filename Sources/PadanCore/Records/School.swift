/// One Dapodik school.
public struct School: Sendable {
    public var npsn: NPSN
    public var nama: String
    /// Upper-case level: `SD`, `SMP`, `SMA`, `SMK`, `SLB`, `SDLB`, `SMPLB`, `SMLB`.
    public var bentuk: String {
        didSet { government = Self.government(bentuk: bentuk, local: localGovernment, provinsi: provinsi) }
    }
    public var isNegeri: Bool
    /// Region code, trimmed (`052400`).
    public var kodeWilayah: String
    public var kabupatenKota: String {
        didSet {
            localGovernment = Government(reading: kabupatenKota)
            government = Self.government(bentuk: bentuk, local: localGovernment, provinsi: provinsi)
        }
    }
    public var provinsi: String {
        didSet { government = Self.government(bentuk: bentuk, local: localGovernment, provinsi: provinsi) }
    }
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
        self.localGovernment = Government(reading: kabupatenKota)
        self.government = Self.government(bentuk: bentuk, local: localGovernment, provinsi: provinsi)
    }

    // Both read once here: matching and the rules ask for them once per person.
    /// The kabupaten/kota government (where the school is).
    public private(set) var localGovernment: Government?

    /// The government that runs the school: the kabupaten/kota for SD/SMP/SDLB/SMPLB, the province otherwise.
    public private(set) var government: Government?

    static func government(bentuk: String, local: Government?, provinsi: String) -> Government? {
        switch bentuk {
        case "SD", "SMP", "SDLB", "SMPLB": return local
        default: return Government(reading: provinsi)
        }
    }
}
