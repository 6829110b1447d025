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
    // `Optional<…>` spelled out, as in ``DapodikTeacher``: `T?` made the initializer copy the whole value.
    public var kecamatan: Optional<String>
    public var source: SourceLocation

    public init(
        npsn: NPSN, nama: String, bentuk: String, isNegeri: Bool, kodeWilayah: String, kabupatenKota: String,
        provinsi: String, kecamatan: String?, source: SourceLocation
    ) {
        self.init(
            npsn: npsn, nama: nama, bentuk: bentuk, isNegeri: isNegeri, kodeWilayah: kodeWilayah,
            kabupatenKota: kabupatenKota, provinsi: provinsi, kecamatan: kecamatan, source: source,
            reading: Government.init(reading:))
    }

    /// A school whose kabupaten/kota and province are read as governments by `reading` (a reader reads each
    /// distinct name once: a national school list names 500 of them 212,000 times).
    package init(
        npsn: NPSN, nama: String, bentuk: String, isNegeri: Bool, kodeWilayah: String, kabupatenKota: String,
        provinsi: String, kecamatan: String?, source: SourceLocation, reading: (String) -> Government?
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
        self.localGovernment = reading(kabupatenKota)
        self.government = Self.government(bentuk: bentuk, local: localGovernment, provinsi: provinsi, reading: reading)
    }

    // Both read once here: matching and the rules ask for them once per person.
    /// The kabupaten/kota government (where the school is).
    public private(set) var localGovernment: Optional<Government>

    /// The government that runs the school: the province for SMA/SMK/SLB/SMLB, the kabupaten/kota otherwise.
    /// (Both `Optional<…>` spelled out, as `kecamatan`.)
    public private(set) var government: Optional<Government>

    static func government(
        bentuk: String, local: Government?, provinsi: String,
        reading: (String) -> Government? = Government.init(reading:)
    ) -> Government? {
        // The province runs secondary and special schools; the kabupaten/kota every other level, also those the
        // spec does not list (TK, SKB, …: early-childhood and non-formal education are theirs by law, UU 23/2014).
        switch bentuk {
        case "SMA", "SMK", "SLB", "SMLB": return reading(provinsi)
        default: return local
        }
    }
}
