/// A synthetic person as both registers should agree on them; planted cases change one side's
/// row after it is made.
package struct Person: Sendable {
    package var ptkID: String
    package var pnsID: String
    /// The name without titles (`Siti Aminah`).
    package var name: String
    package var frontTitles: [String]
    package var backTitles: [String]
    package var sex: Sex
    package var birth: Day
    /// The 18-digit NIP (SIASN's `nip_baru`); empty for people without one.
    package var nip: String
    package var nuptk: String
    package var nik: String
    /// Dapodik's `status_kepegawaian`.
    package var status: EmploymentStatus
    package var golongan: Golongan?
    package var jenisPTK: String
    package var tugasTambahan: String
    /// The Induk school.
    package var npsn: String
    /// SIASN: `kedudukan_hukum_nama`, `jabatan_nama`, the unit and government.
    package var kedudukan: String
    package var jabatan: String
    package var unitID: String
    package var unitName: String
    package var instansi: String

    /// Whether Dapodik counts the person as ASN (`inputs.md`).
    package var isASN: Bool { status.isASN }

    /// Whether the person teaches (Dapodik `Guru …` or `Kepala Sekolah`).
    package var isTeacher: Bool { jenisPTK.hasPrefix("Guru") || jenisPTK == "Kepala Sekolah" }
}

/// Dapodik's employment status, with whether it is ASN and the NIP shape it goes with.
package enum EmploymentStatus: String, Sendable, CaseIterable {
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
    package var isASN: Bool {
        switch self {
        case .pns, .pnsDiperbantukan, .cpns, .pppk, .pppkParuhWaktu: return true
        default: return false
        }
    }

    /// Whether a NIP of this status has the PPPK shape.
    package var isPPPK: Bool { self == .pppk || self == .pppkParuhWaktu }
}
