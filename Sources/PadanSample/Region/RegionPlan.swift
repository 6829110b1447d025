/// The generated region before any person exists: its governments, schools, units and crosswalk,
/// and what was planted where.
final class RegionPlan {
    var catalogRegions: [DapodikRegion]
    /// Catalog region indices of `dapodik_sekolah`, primary first.
    var regionIndices: [Int]
    var governments: [Government] = []
    var schools: [PlannedSchool] = []
    var units: [PlannedUnit] = []
    /// Unit names by id, for the `unor_nama` of the people sitting in them.
    var unitNames: [String: String] = [:]
    var crosswalk: [CrosswalkRow] = []
    /// Per government: its root, Dinas Pendidikan and the Dinas's head.
    var offices: [GovernmentOffices] = []
    /// Per catalog region index: its kabupaten government and its province government.
    var governmentOfRegion: [Int: (kabupaten: Int, province: Int)] = [:]
    var annotations = Annotations()

    init(catalogRegions: [DapodikRegion], regionIndices: [Int]) {
        self.catalogRegions = catalogRegions
        self.regionIndices = regionIndices
    }

    /// The government that runs `school` (by its level).
    func government(of school: RealSchool) -> Int {
        let pair = governmentOfRegion[school.regionIndex] ?? (0, 0)
        return school.level.isProvincial ? pair.province : pair.kabupaten
    }

    /// Adds a unit and returns its index.
    @discardableResult
    func addUnit(_ unit: PlannedUnit) -> Int {
        units.append(unit)
        unitNames[unit.id] = unit.name
        return units.count - 1
    }
}

/// A school of the region, with what the plan decided for it.
struct PlannedSchool: Sendable {
    var real: RealSchool
    /// The name written in `dapodik_sekolah` (the real one, or another school's for a planted twin).
    var name: String
    var government: Int
    /// Where its SIASN people sit: its own unit, or (for a school planted without one) another unit.
    var seatUnit: String
    /// Active sub-units of its unit where some of its people sit.
    var subUnits: [String] = []
    /// What was planted here (`number_pair`, `fuzzy`, `penilai_plt`, …), for the truth.
    var roles: [String] = []
    /// Whether its name differs from a sibling's only by its number.
    var numberTrap = false
    var principal: PrincipalStyle = .tugas
    /// Whether person scenarios may be placed here (a plain, mapped Negeri school).
    var isHost = false
    /// Background PTK rows to generate here.
    var rows = 0
    /// Which PTK file its rows go to (0, 1, 2).
    var ptkFile = 0
}

/// How a school lists its principal in Dapodik (`rules.md` section 5).
enum PrincipalStyle: Sendable {
    /// `tugas_tambahan` Kepala Sekolah (the usual).
    case tugas
    /// Only `jenis_ptk` Kepala Sekolah.
    case jenisOnly
    /// Nobody listed.
    case none
    /// Two definitive principals.
    case two
    /// A principal whose NIP is mistyped (not linked), beside a linked Plt.
    case unlinked
    /// Only a Plt. Kepala Sekolah.
    case plt
    /// A non-ASN principal (Swasta schools).
    case nonASN
}

/// A SIASN unit as planned.
struct PlannedUnit: Sendable {
    var id: String
    var name: String
    var parentID: String
    var instansiID: String
    /// The `Aktif` attribute as written; `nil` leaves it out (active).
    var aktif: String?
    /// Depth below the root (0 for the root), for `-` depth marks.
    var depth: Int
}

/// The offices of one government in SIASN.
struct GovernmentOffices: Sendable {
    var rootID: String
    var dinasID: String
    /// Other units of the government (BKD, health office, secretariat), where non-teachers sit.
    var otherIDs: [String]
    /// The head of the education office: the penilai of its principals.
    var kadisNIP: String
    var kadisPnsID: String
    var kadisBirth: Day
}
