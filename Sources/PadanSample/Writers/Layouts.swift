/// Column headers and order of one PTK file: the three files spell the header three ways (canonical
/// names, Dapodik's `*_id_str` aliases with spaces and slashes, and upper case in another order with
/// an unknown column), as `inputs.md` allows.
package struct PtkLayout: Sendable {
    package var header: [String]
    private var order: [Column]

    /// The PTK values, and a column Padan does not know.
    enum Column: Sendable {
        case ptkID, nama, nip, nuptk, nik, jenisKelamin, tanggalLahir, statusKepegawaian, jenisPTK, tugasTambahan
        case pangkatGolongan, npsn, statusTugas, unknown
    }

    /// The column of `nama` (where a planted unterminated quote opens).
    var nameColumn: Int { order.firstIndex(of: .nama) ?? 1 }

    /// The values of `row` in this file's column order.
    func fields(_ row: PtkRow) -> [String] {
        order.map { column in
            switch column {
            case .ptkID: return row.ptkID
            case .nama: return row.nama
            case .nip: return row.nip
            case .nuptk: return row.nuptk
            case .nik: return row.nik
            case .jenisKelamin: return row.jenisKelamin
            case .tanggalLahir: return row.tanggalLahir
            case .statusKepegawaian: return row.statusKepegawaian
            case .jenisPTK: return row.jenisPTK
            case .tugasTambahan: return row.tugasTambahan
            case .pangkatGolongan: return row.pangkatGolongan
            case .npsn: return row.npsn
            case .statusTugas: return row.statusTugas
            case .unknown: return "Islam"
            }
        }
    }

    private static let canonicalOrder: [Column] = [
        .ptkID, .nama, .nip, .nuptk, .nik, .jenisKelamin, .tanggalLahir, .statusKepegawaian, .jenisPTK, .tugasTambahan,
        .pangkatGolongan, .npsn, .statusTugas,
    ]

    /// `ptk-1.csv`, `ptk-2.csv`, `ptk-3.csv.gz`.
    package static let all: [PtkLayout] = [
        PtkLayout(
            header: [
                "ptk_id", "nama", "nip", "nuptk", "nik", "jenis_kelamin", "tanggal_lahir", "status_kepegawaian",
                "jenis_ptk", "tugas_tambahan", "pangkat_golongan", "npsn", "status_tugas",
            ],
            order: canonicalOrder),
        PtkLayout(
            header: [
                "PTK ID", "Nama", "NIP", "NUPTK", "NIK", "L/P", "Tanggal Lahir", "Status_Kepegawaian_ID_Str",
                "Jenis_PTK_ID_Str", "Jabatan_PTK_ID_Str", "Pangkat/Gol", "NPSN", "PTK_Induk",
            ],
            order: canonicalOrder),
        PtkLayout(
            header: [
                "NPSN", "PTK_ID", "NAMA", "JK", "TANGGAL_LAHIR", "NIP", "NUPTK", "NIK", "STATUS_KEPEGAWAIAN",
                "JENIS_PTK", "TUGAS_TAMBAHAN", "PANGKAT_GOLONGAN_TERAKHIR", "STATUS_TUGAS", "AGAMA",
            ],
            order: [
                .npsn, .ptkID, .nama, .jenisKelamin, .tanggalLahir, .nip, .nuptk, .nik, .statusKepegawaian,
                .jenisPTK, .tugasTambahan, .pangkatGolongan, .statusTugas, .unknown,
            ]),
    ]
}

/// `siasn/pns.txt`: the web service's camelCase names (the aliases of `inputs.md`), `|`-separated,
/// with columns Padan does not read.
enum PnsLayout {
    static let header = [
        "pnsId", "nipBaru", "nipLama", "nama", "gelarDepan", "gelarBelakang", "tempatLahirNama", "tglLahir",
        "jenisKelamin", "agamaNama", "kedudukanPnsNama", "status_cpns_pns", "golRuangAkhir", "jabatanNama", "unorId",
        "unorNama", "instansiKerjaNama", "tmtPensiun",
    ]

    static func fields(_ row: PnsRow) -> [String] {
        [
            row.pnsID, row.nipBaru, row.nipLama, row.nama, row.gelarDepan, row.gelarBelakang, row.tempatLahir,
            row.tanggalLahir, row.jenisKelamin, row.agama, row.kedudukan, row.statusCPNS, row.golongan, row.jabatan,
            row.unorID, row.unorNama, row.instansi, row.tmtPensiun,
        ]
    }
}

/// `pmm/skp.csv`: PMM's export, CRLF line ends.
enum SkpLayout {
    static let header = [
        "nip", "npsn", "periode", "peran", "indikator_kinerja", "perilaku_fokus", "predikat", "nip_penilai", "tahap",
    ]

    static func fields(_ row: SkpRow) -> [String] {
        [
            row.nip, row.npsn, row.periode, row.peran, row.indikator, row.perilakuFokus, row.predikat, row.nipPenilai,
            row.tahap,
        ]
    }
}
