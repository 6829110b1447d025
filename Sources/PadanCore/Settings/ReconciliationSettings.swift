/// What a pipeline file fixes for the rules: the active period, thresholds, penilai and UPTs.
public struct ReconciliationSettings: Sendable {
    /// The head of an education office: the penilai of principals of that government's schools.
    public struct HeadOfOffice: Sendable {
        public var instansi: String
        public var nip: String
        public init(instansi: String, nip: String) {
            self.instansi = instansi
            self.nip = nip
        }
    }

    /// A UPT and the region-code prefixes it receives escalations for (`*` catches the rest).
    public struct Upt: Sendable {
        public var nama: String
        public var wilayah: [String]
        public init(nama: String, wilayah: [String]) {
            self.nama = nama
            self.wilayah = wilayah
        }
    }

    public var periodeAktif: Periode
    public var nameThreshold: Double
    public var unorThreshold: Double
    public var unorMargin: Double
    public var heads: [HeadOfOffice]
    public var upts: [Upt]
    /// The run's date: NIP birth-date bounds and disparity ages.
    public var runDate: CalendarDate

    public init(
        periodeAktif: Periode, nameThreshold: Double = 0.90, unorThreshold: Double = 0.85, unorMargin: Double = 0.05,
        heads: [HeadOfOffice] = [], upts: [Upt] = [], runDate: CalendarDate
    ) {
        self.periodeAktif = periodeAktif
        self.nameThreshold = nameThreshold
        self.unorThreshold = unorThreshold
        self.unorMargin = unorMargin
        self.heads = heads
        self.upts = upts
        self.runDate = runDate
    }

    /// The UPT of a school by its region code: the first UPT (in file order) with a matching prefix wins, and
    /// only when none matches, the first UPT listing `*`, wherever it is listed; without a UPT table, one UPT
    /// per province named after the province.
    public func upt(kodeWilayah: String, provinsi: String) -> String {
        if upts.isEmpty { return provinsi }
        for upt in upts where upt.wilayah.contains(where: { $0 != "*" && kodeWilayah.hasPrefix($0) }) {
            return upt.nama
        }
        return catchAllUpt ?? ""
    }

    /// The first UPT listing `*`: it takes the schools no prefix matches and the disparities of no known area.
    public var catchAllUpt: String? { upts.first { $0.wilayah.contains("*") }?.nama }
}
