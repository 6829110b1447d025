/// A synthetic person as both registers should agree on them; planted cases change one side's
/// row after it is made.
struct Person: Sendable {
    var ptkID: String
    var pnsID: String
    /// The name without titles (`Siti Aminah`).
    var name: String
    var frontTitles: [String]
    var backTitles: [String]
    var sex: Sex
    var birth: Day
    /// The 18-digit NIP (SIASN's `nip_baru`); empty for people without one.
    var nip: String
    var nuptk: String
    var nik: String
    /// Dapodik's `status_kepegawaian`.
    var status: EmploymentStatus
    var golongan: Golongan?
    var jenisPTK: String
    var tugasTambahan: String
    /// The Induk school.
    var npsn: String
    /// SIASN: `kedudukan_hukum_nama`, `jabatan_nama`, the unit and government.
    var kedudukan: String
    var jabatan: String
    var unitID: String
    var unitName: String
    var instansi: String

    /// Whether Dapodik counts the person as ASN (`inputs.md`).
    var isASN: Bool { status.isASN }

    /// Whether the person teaches (Dapodik `Guru …` or `Kepala Sekolah`).
    var isTeacher: Bool { jenisPTK.hasPrefix("Guru") || jenisPTK == "Kepala Sekolah" }
}

/// Dapodik's employment status, with whether it is ASN and the NIP shape it goes with.
enum EmploymentStatus: String, Sendable, CaseIterable {
    case pns = "PNS"
    case pnsDiperbantukan = "PNS Diperbantukan"
    case pnsDepag = "PNS Depag"
    case cpns = "CPNS"
    case pppk = "PPPK"
    case pppkParuhWaktu = "PPPK Paruh Waktu"
    case gty = "GTY/PTY"
    case honorDaerah = "Honor Daerah TK.II Kab/Kota"
    case guruHonor = "Guru Honor Sekolah"
    case tenagaHonor = "Tenaga Honor Sekolah"

    /// PNS, PNS Diperbantukan, CPNS, PPPK, PPPK Paruh Waktu.
    var isASN: Bool {
        switch self {
        case .pns, .pnsDiperbantukan, .cpns, .pppk, .pppkParuhWaktu: return true
        default: return false
        }
    }

    /// Whether a NIP of this status has the PPPK shape.
    var isPPPK: Bool { self == .pppk || self == .pppkParuhWaktu }
}
