/// `rules.md` section 3 applied to the schools, units and crosswalk as written: which unit each
/// Negeri school gets, how, and what stays unmatched.
struct SchoolJudge {
    struct School {
        var npsn: String
        var name: String
        var negeri: Bool
        var kabupaten: String
        var code: String
        var government: String
        var endings: [[String]]
        var key: [String]
        var parsed: SchoolName.Parsed?
    }

    struct Unit {
        var id: String
        var parent: String
        var active: Bool
        var tokens: [String]
        var schoolLike: Bool
        var sub = false
        var government = ""
    }

    private(set) var schools: [School] = []
    private(set) var schoolIndex: [String: Int] = [:]
    private(set) var units: [String: Unit] = [:]
    var children: [String: [String]] = [:]
    /// The unit each Negeri school got, and how (`PEMADANAN`, `NAMA`, `FUZZY`).
    var unitOfSchool: [String: String] = [:]
    var method: [String: String] = [:]
    /// For an unmatched school: the unit it lost to another school, or its best candidate above 0.
    var suggestion: [String: String] = [:]
    /// Crosswalk NPSNs and units paired with two partners.
    var doubledNPSNs: [String] = []
    var doubledUnits: [String] = []
    /// Step-3 scores of schools that reached step 3, best first (for the safety checks).
    var scores: [String: [(Double, String)]] = [:]
    /// Place-token pairs within 0.025 of the token threshold met in step 3, per school.
    var nearTokenPairs: [String: Int] = [:]
    var ownerOfUnit: [String: String] = [:]

    init(records: WrittenRecords, sittingUnits: Set<String>) {
        readSchools(records.schools.map(\.row))
        readUnits(records.units.map(\.row))
        match(crosswalk: records.crosswalk.map(\.row), sitting: sittingUnits)
    }

    /// The Negeri school whose unit `unit` is or lies under, if any.
    func school(sittingIn unit: String) -> String? {
        var current: String? = unit
        var steps = 0
        while let id = current, steps < 64 {
            if let owner = ownerOfUnit[id] { return owner }
            current = units[id]?.parent
            steps += 1
        }
        return nil
    }

    private mutating func readSchools(_ rows: [SchoolRow]) {
        for row in rows {
            let level = row.bentuk.uppercased()
            let provincial = ["SMA", "SMK", "SLB", "SMLB"].contains(level)
            let kabupaten = ValueReading.clean(row.kabupatenKota) ?? ""
            let endings = Self.endings(of: kabupaten)
            let key = SchoolName.droppingRegion(SchoolName.tokens(row.nama), endings)
            let status = (ValueReading.clean(row.status) ?? "").uppercased()
            schoolIndex[row.npsn] = schools.count
            schools.append(
                School(
                    npsn: row.npsn, name: row.nama, negeri: ["NEGERI", "1", "N"].contains(status), kabupaten: kabupaten,
                    code: row.kodeWilayah.trimmingSpaces(),
                    government: ValueReading.government(region: provincial ? row.provinsi : kabupaten),
                    endings: endings, key: key, parsed: SchoolName.parse(key)))
        }
    }

    /// `Kab. X` → `KABUPATEN X`, `KAB X`, `X`; `Kota X` → `KOTA X`, `X`.
    static func endings(of region: String) -> [[String]] {
        let words = region.split(separator: " ")
        guard let kind = words.first?.lowercased() else { return [] }
        let bare = SchoolName.plainTokens(words.dropFirst().joined(separator: " "))
        return kind == "kota" ? [["KOTA"] + bare, bare] : [["KABUPATEN"] + bare, ["KAB"] + bare, bare]
    }

    private mutating func readUnits(_ rows: [UnitRow]) {
        var nameOf: [String: String] = [:]
        for row in rows {
            nameOf[row.id.lowercased()] = row.nama
            let aktif = row.aktif.flatMap(ValueReading.clean)?.uppercased()
            let tokens = SchoolName.tokens(row.nama)
            let id = row.id.lowercased()
            let parent = (ValueReading.clean(row.parentID) ?? "").lowercased()
            units[id] = Unit(
                id: id, parent: parent, active: !["0", "FALSE", "N"].contains(aktif ?? "1"), tokens: tokens,
                schoolLike: tokens.first.map { SchoolName.levels.contains($0) } ?? false)
            if !parent.isEmpty { children[parent, default: []].append(id) }
        }
        let ids = units.keys.sorted()
        for id in ids {
            guard var unit = units[id] else { continue }
            var root = id
            var current = unit.parent
            var schoolLikeAncestor = false
            var steps = 0
            while !current.isEmpty, let parent = units[current], steps < 64 {
                if parent.schoolLike { schoolLikeAncestor = true }
                root = current
                current = parent.parent
                steps += 1
            }
            let text = unit.tokens.joined(separator: " ")
            let named = ["SUB BAGIAN", "TATA USAHA", "KOORDINATOR", "KELOMPOK"].contains { text.hasPrefix($0) }
            unit.sub = named || schoolLikeAncestor
            unit.government = ValueReading.government(instansi: nameOf[root])
            units[id] = unit
        }
    }
}
