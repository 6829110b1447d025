/// One school of `sekolah-2019.csv.gz`: public institutional data, used as it is (or renamed for
/// a planted trap).
package struct RealSchool: Sendable {
    package var npsn: String
    package var name: String
    package var level: SchoolLevel
    package var negeri: Bool
    package var kecamatan: String
    package var kabupatenCode: String
    package var provinceCode: String
    /// Index into the catalog's regions.
    package var regionIndex: Int
}

/// `bentuk_pendidikan`, and which government runs a Negeri school of that level.
package enum SchoolLevel: String, CaseIterable, Sendable {
    case sd = "SD", smp = "SMP", sma = "SMA", smk = "SMK", slb = "SLB", sdlb = "SDLB", smplb = "SMPLB", smlb = "SMLB"

    /// SMA, SMK, SLB and SMLB belong to the province, the rest to the kabupaten/kota (`rules.md` section 3).
    package var isProvincial: Bool {
        switch self {
        case .sma, .smk, .slb, .smlb: return true
        case .sd, .smp, .sdlb, .smplb: return false
        }
    }

    /// Relative number of PTK rows of a school of this level.
    var staffWeight: Double {
        switch self {
        case .sd, .sdlb, .smplb, .smlb: return 1.0
        case .smp: return 1.9
        case .sma: return 2.6
        case .smk: return 2.9
        case .slb: return 1.3
        }
    }

    /// `jenis_ptk` of an ordinary teacher at this level.
    var teacherKind: String {
        switch self {
        case .sd, .sdlb: return "Guru Kelas"
        default: return "Guru Mapel"
        }
    }
}

/// A kabupaten or kota with its province, as Dapodik names them.
package struct DapodikRegion: Sendable {
    /// `052400`
    package var code: String
    /// `Kab. Jember`, `Kota Malang`
    package var name: String
    package var isKota: Bool
    /// The name without `Kab.`/`Kota` (`Jember`).
    package var bareName: String
    /// `050000`
    package var provinceCode: String
    /// `Prov. Jawa Timur`
    package var provinceName: String

    /// The endings `rules.md` drops from a name for a school of this region, longest first.
    package var endings: [[String]] {
        let bare = SchoolName.plainTokens(bareName)
        return isKota ? [["KOTA"] + bare, bare] : [["KABUPATEN"] + bare, ["KAB"] + bare, bare]
    }
}
