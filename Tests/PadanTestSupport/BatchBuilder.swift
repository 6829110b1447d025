import PadanCore

/// Builds a `Batch` of typed records tersely, with defaults a test overrides only where it matters.
///
/// Every record gets its own source line; ids are numbered (`Fixture.id(number:)`), so two calls never
/// collide. Defaults: a male PNS `Guru Kelas` born 1985-01-01 at an SD of Kab. Tuban (Prov. Jawa Timur).
public struct BatchBuilder: Sendable {
    public var batch = Batch()
    public var settings: ReconciliationSettings
    private var counter = 0

    public init(
        runDate: CalendarDate = Fixture.runDate, periodeAktif: Periode = Fixture.periode,
        heads: [ReconciliationSettings.HeadOfOffice] = [], upts: [ReconciliationSettings.Upt] = []
    ) {
        settings = ReconciliationSettings(periodeAktif: periodeAktif, heads: heads, upts: upts, runDate: runDate)
    }

    /// How a teacher row names its person: a fresh `ptk_id`, none at all, or a given one.
    public enum PtkID: Sendable, ExpressibleByStringLiteral {
        case fresh
        case none
        case id(String)
        public init(stringLiteral value: String) { self = .id(value) }
    }

    private mutating func nextNumber() -> Int {
        counter += 1
        return counter
    }

    // MARK: SIASN units

    /// A root unit: the government a tree belongs to (`Pemerintah Kab. Tuban`).
    @discardableResult
    public mutating func government(_ name: String = "Pemerintah Kab. Tuban", id: String? = nil) -> SiasnID {
        unit(name, under: nil, id: id)
    }

    /// A unit under `parent`.
    @discardableResult
    public mutating func unit(_ name: String, under parent: SiasnID?, active: Bool = true, id: String? = nil) -> SiasnID
    {
        let n = nextNumber()
        let unitId = id.map(Fixture.id) ?? Fixture.id(number: n, prefix: "a")
        batch.unors.append(
            Unor(
                id: unitId, nama: name, parentId: parent, instansiId: nil, isActive: active,
                source: SourceLocation(file: "unor.csv", line: n + 1)))
        return unitId
    }

    /// A crosswalk row `unor_id, npsn`.
    public mutating func crosswalk(_ unit: SiasnID, _ npsn: String) {
        let n = nextNumber()
        batch.crosswalk.append(
            CrosswalkEntry(
                unorId: unit, npsn: Fixture.npsn(npsn), keterangan: nil,
                source: SourceLocation(file: "unor_npsn.csv", line: n + 1)))
    }

    // MARK: Dapodik

    /// A Dapodik school.
    @discardableResult
    public mutating func school(
        _ npsn: String, _ nama: String, bentuk: String = "SD", negeri: Bool = true, kabupaten: String = "Kab. Tuban",
        provinsi: String = "Prov. Jawa Timur", kodeWilayah: String = "052300"
    ) -> NPSN {
        let n = nextNumber()
        let school = School(
            npsn: Fixture.npsn(npsn), nama: nama, bentuk: bentuk, isNegeri: negeri, kodeWilayah: kodeWilayah,
            kabupatenKota: kabupaten, provinsi: provinsi, kecamatan: nil,
            source: SourceLocation(file: "sekolah.csv", line: n + 1))
        batch.schools.append(school)
        return school.npsn
    }

    /// A Dapodik PTK row; returns its position in `batch.teachers`.
    @discardableResult
    public mutating func teacher(
        _ nama: String, nip: String?, npsn: String, ptkId: PtkID = .fresh, gender: Gender? = .male,
        born: String? = "1985-01-01", status: String = "PNS", jenis: String = "Guru Kelas", tugas: String? = nil,
        golongan: String? = nil, induk: Bool = true
    ) -> Int {
        let n = nextNumber()
        let id: String?
        switch ptkId {
        case .fresh: id = "ptk-\(n)"
        case .none: id = nil
        case .id(let given): id = given
        }
        batch.teachers.append(
            DapodikTeacher(
                ptkId: id, nama: nama, nipText: nip, nip: NIP.read(nip, runDate: settings.runDate),
                gender: gender, birthDate: born.map(Fixture.date), statusKepegawaian: status, jenisPtk: jenis,
                tugasTambahan: tugas, golonganText: golongan, npsn: Fixture.npsn(npsn), isInduk: induk,
                source: SourceLocation(file: "ptk.csv", line: n + 1)))
        return batch.teachers.count - 1
    }

    // MARK: SIASN people

    /// A SIASN employee; returns their PNS ID.
    @discardableResult
    public mutating func employee(
        _ nama: String, nip: String, unit: SiasnID, pnsId: String? = nil, gender: Gender? = .male,
        born: String? = "1985-01-01", kedudukan: String = "Aktif", jabatan: String = "Guru Ahli Muda",
        golongan: String? = nil, instansi: String = "Pemerintah Kab. Tuban", unorNama: String? = nil
    ) -> SiasnID {
        let n = nextNumber()
        let id = pnsId.map(Fixture.id) ?? Fixture.id(number: n, prefix: "b")
        batch.employees.append(
            SiasnEmployee(
                pnsId: id, nipBaru: nip, nipLama: nil, nama: nama, gelarDepan: nil, gelarBelakang: nil,
                birthDate: born.map(Fixture.date), gender: gender, kedudukan: kedudukan, statusCpnsPns: nil,
                golonganText: golongan, jabatan: jabatan, unorId: unit, unorNama: unorNama, instansiKerja: instansi,
                source: SourceLocation(file: "pns.csv", line: n + 1)))
        return id
    }

    // MARK: PMM

    /// A `pmm_skp` row.
    public mutating func skp(
        nip: String, npsn: String, periode: String = "2024-S2", peran: SkpRole = .guru, nipPenilai: String? = nil,
        perilakuFokus: [String] = ["Akuntabel"], predikat: String? = nil, tahap: SkpStage = .perencanaan,
        indikator: String? = nil
    ) {
        let n = nextNumber()
        batch.skp.append(
            SkpRecord(
                nipText: nip, nip: NIP.read(nip, runDate: settings.runDate), npsn: Fixture.npsn(npsn),
                periode: Fixture.periode(periode), peran: peran, indikatorKinerja: indikator,
                perilakuFokus: perilakuFokus, predikat: predikat, nipPenilaiText: nipPenilai, tahap: tahap,
                source: SourceLocation(file: "skp.csv", line: n + 1)))
    }

    // MARK: Running

    /// Runs the pure stages (normalize, match, judge, decide SKP) on the batch, with the crosswalk pairs the
    /// BKD rejected.
    public func reconcile(rejected: RejectedPairs = RejectedPairs()) -> Reconciled {
        Reconciled(batch: batch, settings: settings, rejected: rejected)
    }
}
