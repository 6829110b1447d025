import PadanCore

/// The six input kinds of `inputs.md`.
package enum InputKind: String, CaseIterable, Sendable {
    case dapodikPtk = "dapodik_ptk"
    case dapodikSekolah = "dapodik_sekolah"
    case siasnPns = "siasn_pns"
    case siasnUnor = "siasn_unor"
    case unorNpsn = "unor_npsn"
    case pmmSkp = "pmm_skp"

    /// Whether a pipeline must name this input.
    package var isRequired: Bool { self != .unorNpsn && self != .pmmSkp }

    /// The names of each column this kind reads, canonical name first then its aliases (for ``InputFile``).
    package var columnGroups: [[String]] { columns.map { [$0.name] + $0.aliases } }

    /// The columns this kind reads: canonical name, aliases, required.
    package var columns: [ColumnSpec] {
        switch self {
        case .dapodikPtk:
            return [
                .init("ptk_id"), .init("nama", required: true), .init("nip", required: true), .init("nuptk"),
                .init("nik"), .init("jenis_kelamin", ["jk", "l/p"], required: true),
                .init("tanggal_lahir", required: true),
                .init("status_kepegawaian", ["status_kepegawaian_id_str"], required: true),
                .init("jenis_ptk", ["jenis_ptk_id_str"], required: true),
                .init("tugas_tambahan", ["jabatan_ptk_id_str"]),
                .init("pangkat_golongan", ["pangkat_golongan_terakhir", "pangkat/gol"]),
                .init("npsn", required: true), .init("status_tugas", ["ptk_induk"]),
            ]
        case .dapodikSekolah:
            return [
                .init("npsn", required: true), .init("nama", ["nama_sekolah", "sekolah"], required: true),
                .init("bentuk_pendidikan", ["bentuk_pendidikan_id_str", "bentuk"], required: true),
                .init("status_sekolah", ["status_sekolah_str", "status"], required: true),
                .init("kode_wilayah", ["kode_kabupaten_kota"], required: true),
                .init("kabupaten_kota", required: true), .init("provinsi", required: true), .init("kecamatan"),
            ]
        case .siasnPns:
            return [
                .init("pns_id", ["id", "pnsId"], required: true), .init("nip_baru", ["nipBaru"], required: true),
                .init("nip_lama", ["nipLama"]), .init("nama", required: true),
                .init("gelar_depan", ["gelarDepan"]), .init("gelar_belakang", ["gelarBelakang"]),
                .init("tanggal_lahir", ["tglLahir"], required: true),
                .init("jenis_kelamin", ["jenisKelamin"], required: true),
                .init("kedudukan_hukum_nama", ["kedudukanPnsNama"], required: true),
                .init("status_cpns_pns"), .init("gol_akhir_nama", ["golRuangAkhir"]),
                .init("jabatan_nama", ["jabatanNama"], required: true), .init("unor_id", ["unorId"], required: true),
                .init("unor_nama", ["unorNama"]),
                .init("instansi_kerja_nama", ["instansiKerjaNama"], required: true),
            ]
        case .siasnUnor:
            return [
                .init("Id", ["unor_id"], required: true), .init("NamaUnor", ["nama_unor"], required: true),
                .init("DiatasanId", ["diatasan_id"]), .init("InstansiId", ["instansi_id"]), .init("Aktif"),
            ]
        case .unorNpsn:
            return [.init("unor_id", required: true), .init("npsn", required: true), .init("keterangan")]
        case .pmmSkp:
            return [
                .init("nip", required: true), .init("npsn", required: true), .init("periode", required: true),
                .init("peran", required: true), .init("indikator_kinerja"), .init("perilaku_fokus"),
                .init("predikat"), .init("nip_penilai"), .init("tahap"),
            ]
        }
    }
}

/// One column an input kind reads.
package struct ColumnSpec: Sendable {
    package var name: String
    package var aliases: [String]
    package var required: Bool

    package init(_ name: String, _ aliases: [String] = [], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.required = required
    }

    /// Header matching key: lower-case without spaces, `_`, `.`, `-`, `/`.
    package static func key(_ header: String) -> String {
        String(header.lowercased().filter { !" _.-/\t\u{FEFF}".contains($0) })
    }
}
