import PadanCore

/// A small region every rule and SKP test starts from, so each test adds only its own person.
///
/// Kab. Tuban (`052300`) with SD NEGERI 1 LOJEJER (`school1`, its unit `unit1` with a sub-unit and an
/// inactive sub-unit), SD NEGERI 2 LOJEJER (`school2`, `unit2`), SD NEGERI 3 LOJEJER (`school3`, no unit)
/// and SD SWASTA AL FALAH (`swasta`); SMA NEGERI 1 JENU (`sma`, a unit of the province); SD NEGERI 1 GENTENG
/// of Kab. Banyuwangi (`genteng`, `052500`). The heads of the Tuban and province education offices sit in
/// their offices (`headTuban`, `headJatim`).
public struct SmallRegion: Sendable {
    public static let school1 = "20500001"
    public static let school2 = "20500002"
    public static let school3 = "20500003"
    public static let swasta = "20500009"
    public static let sma = "20500010"
    public static let genteng = "20599001"
    public static let headTuban = Fixture.pnsNIP(born: "19700810", tmt: "200103", serial: 762)
    public static let headJatim = Fixture.pnsNIP(born: "19770617", tmt: "200401", serial: 440)

    public var b: BatchBuilder
    public let tuban: SiasnID
    public let banyuwangi: SiasnID
    public let jatim: SiasnID
    public let unit1: SiasnID
    public let unit1Sub: SiasnID
    public let unit1Inactive: SiasnID
    public let unit2: SiasnID
    public let smaUnit: SiasnID
    public let gentengUnit: SiasnID
    public let office: SiasnID
    public let headTubanId: SiasnID
    public let headJatimId: SiasnID

    public init(periodeAktif: Periode = Fixture.periode) {
        b = BatchBuilder(
            periodeAktif: periodeAktif,
            heads: [
                .init(instansi: "Pemerintah Kab. Tuban", nip: Self.headTuban),
                .init(instansi: "Pemerintah Provinsi Jawa Timur", nip: Self.headJatim),
            ],
            upts: [.init(nama: "BGP Tuban", wilayah: ["0523"]), .init(nama: "BGP Jawa Timur", wilayah: ["*"])])
        tuban = b.government("Pemerintah Kab. Tuban")
        banyuwangi = b.government("Pemerintah Kabupaten Banyuwangi")
        jatim = b.government("Pemerintah Provinsi Jawa Timur")
        unit1 = b.unit("UPT SD Negeri 1 Lojejer", under: tuban)
        unit1Sub = b.unit("SUB BAGIAN TATA USAHA SD NEGERI 1 LOJEJER", under: unit1)
        unit1Inactive = b.unit("PERPUSTAKAAN SD NEGERI 1 LOJEJER", under: unit1, active: false)
        unit2 = b.unit("SD NEGERI 2 LOJEJER", under: tuban)
        office = b.unit("DINAS PENDIDIKAN", under: tuban)
        smaUnit = b.unit("UPT SMA Negeri 1 Jenu Tuban", under: jatim)
        let jatimOffice = b.unit("DINAS PENDIDIKAN PROVINSI", under: jatim)
        gentengUnit = b.unit("SD NEGERI 1 GENTENG", under: banyuwangi)
        b.school(Self.school1, "SD NEGERI 1 LOJEJER")
        b.school(Self.school2, "SDN 2 Lojejer")
        b.school(Self.school3, "SD NEGERI 3 LOJEJER")
        b.school(Self.swasta, "SD SWASTA AL FALAH", negeri: false)
        b.school(Self.sma, "SMA NEGERI 1 JENU", bentuk: "SMA")
        b.school(Self.genteng, "SD NEGERI 1 GENTENG", kabupaten: "Kab. Banyuwangi", kodeWilayah: "052500")
        headTubanId = b.employee(
            "KEPALA DINAS TUBAN", nip: Self.headTuban, unit: office, born: "1970-08-10",
            jabatan: "Kepala Dinas Pendidikan")
        headJatimId = b.employee(
            "KEPALA DINAS JATIM", nip: Self.headJatim, unit: jatimOffice, born: "1977-06-17",
            jabatan: "Kepala Dinas Pendidikan", instansi: "Pemerintah Provinsi Jawa Timur")
    }

    /// One person in both registers, linked by NIP unless the NIPs differ; every field a rule compares.
    public struct Pair: Sendable {
        public var ptkId = "p"
        public var nama = "Drs. H. Ahmad Fauzi, S.Pd."
        public var nip: String? = Fixture.pnsNIP(born: "19850101", serial: 101)
        public var status = "PNS"
        public var jenis = "Guru Kelas"
        public var tugas: String?
        public var golongan: String? = "III/a"
        public var gender: Gender? = .male
        public var born: String? = "1985-01-01"
        public var npsn = SmallRegion.school1
        /// The SIASN side; `siasnNip` nil means the same as `nip`.
        public var siasnNip: String?
        public var siasnNama = "AHMAD FAUZI"
        public var siasnGolongan: String? = "31"
        public var siasnGender: Gender? = .male
        public var siasnBorn: String? = "01-01-1985"
        public var kedudukan = "Aktif"
        public var jabatan = "Guru Ahli Muda"
        public var instansi = "Pemerintah Kab. Tuban"
        /// The SIASN unit; nil means the unit of the school at `npsn`.
        public var unit: SiasnID?

        public init() {}
    }

    /// The unit of a school of the region (the province's for the SMA).
    public func unit(ofSchool npsn: String) -> SiasnID {
        switch npsn {
        case Self.school2: return unit2
        case Self.sma: return smaUnit
        case Self.genteng: return gentengUnit
        default: return unit1
        }
    }

    /// Adds the pair: a Dapodik row, and a SIASN employee unless `siasn` is false.
    public mutating func add(_ pair: Pair, siasn: Bool = true) {
        b.teacher(
            pair.nama, nip: pair.nip, npsn: pair.npsn, ptkId: .id(pair.ptkId), gender: pair.gender, born: pair.born,
            status: pair.status, jenis: pair.jenis, tugas: pair.tugas, golongan: pair.golongan)
        guard siasn else { return }
        b.employee(
            pair.siasnNama, nip: pair.siasnNip ?? pair.nip ?? "", unit: pair.unit ?? unit(ofSchool: pair.npsn),
            gender: pair.siasnGender, born: pair.siasnBorn, kedudukan: pair.kedudukan, jabatan: pair.jabatan,
            golongan: pair.siasnGolongan, instansi: pair.instansi)
    }

    /// The region with one pair, reconciled.
    public static func with(_ pair: Pair) -> Reconciled {
        var region = SmallRegion()
        region.add(pair)
        return region.b.reconcile()
    }
}

extension SmallRegion.Pair {
    /// The default pair with `change` applied.
    public static func with(_ change: (inout Self) -> Void) -> Self {
        var pair = Self()
        change(&pair)
        return pair
    }
}
