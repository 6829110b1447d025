/// One `dapodik_ptk` row, every value exactly as it is written.
package struct PtkRow: Sendable {
    package var ptkID = ""
    package var nama = ""
    package var nip = ""
    package var nuptk = ""
    package var nik = ""
    package var jenisKelamin = ""
    package var tanggalLahir = ""
    package var statusKepegawaian = ""
    package var jenisPTK = ""
    package var tugasTambahan = ""
    package var pangkatGolongan = ""
    package var npsn = ""
    package var statusTugas = ""
}

/// One `siasn_pns` row as written.
package struct PnsRow: Sendable {
    package var pnsID = ""
    package var nipBaru = ""
    package var nipLama = ""
    package var nama = ""
    package var gelarDepan = ""
    package var gelarBelakang = ""
    package var tempatLahir = ""
    package var tanggalLahir = ""
    package var jenisKelamin = ""
    package var agama = "Islam"
    package var kedudukan = ""
    package var statusCPNS = ""
    package var golongan = ""
    package var jabatan = ""
    package var unorID = ""
    package var unorNama = ""
    package var instansi = ""
    /// An ignored column in SIASN's habit: `01-01-0001` until a retirement date is set.
    package var tmtPensiun = "01-01-0001"
}

/// One `siasn_unor` record; a `nil` attribute is left out of the XML.
package struct UnitRow: Sendable {
    package var id: String
    package var nama: String
    package var parentID: String
    package var instansiID: String
    package var aktif: String?
}

/// One `dapodik_sekolah` record as written.
package struct SchoolRow: Sendable {
    package var npsn: String
    package var nama: String
    package var bentuk: String
    package var status: String
    package var kodeWilayah: String
    package var kabupatenKota: String
    package var provinsi: String
    package var kecamatan: String
}

/// One `unor_npsn` crosswalk row as written.
package struct CrosswalkRow: Sendable {
    package var unorID: String
    package var npsn: String
    package var keterangan: String
}

/// One `pmm_skp` row as written.
package struct SkpRow: Sendable {
    package var nip = ""
    package var npsn = ""
    package var periode = ""
    package var peran = ""
    package var indikator = ""
    package var perilakuFokus = ""
    package var predikat = ""
    package var nipPenilai = ""
    package var tahap = ""
}

/// How a planted reject is damaged in the file (rows with a bad value need no special writing).
package enum PlantedDamage: Sendable {
    /// Written without quotes, so a comma in the name splits it into one field too many.
    case strayDelimiter
    /// An opening quote never closed, as the file's last line.
    case unterminatedQuote
}
