/// The disparity catalogue of `rules.md` §4, in table order.
public enum DisparityCode: String, Sendable, CaseIterable, Comparable {
    case nipKosong = "NIP_KOSONG"
    case nipRusak = "NIP_RUSAK"
    case nipTidakValid = "NIP_TIDAK_VALID"
    case nipGanda = "NIP_GANDA"
    case nipTidakDitemukan = "NIP_TIDAK_DITEMUKAN"
    case asnTidakAdaDiDapodik = "ASN_TIDAK_ADA_DI_DAPODIK"
    case unorWilayahBerbeda = "UNOR_WILAYAH_BERBEDA"
    case npsnBelumPadan = "NPSN_BELUM_PADAN"
    case pemadananGanda = "PEMADANAN_GANDA"
    case unorSatpenBerbeda = "UNOR_SATPEN_BERBEDA"
    case unorTidakAktif = "UNOR_TIDAK_AKTIF"
    case namaBerbeda = "NAMA_BERBEDA"
    case tglLahirBerbeda = "TGL_LAHIR_BERBEDA"
    case jenisKelaminBerbeda = "JENIS_KELAMIN_BERBEDA"
    case golonganBerbeda = "GOLONGAN_BERBEDA"
    case jabatanBerbeda = "JABATAN_BERBEDA"
    case statusBerbeda = "STATUS_BERBEDA"

    public static func < (a: DisparityCode, b: DisparityCode) -> Bool { a.order < b.order }

    /// Position in the catalogue.
    public var order: Int { Self.catalogue.firstIndex(of: self) ?? 0 }

    /// `allCases` made once (the synthesized property makes its array at every call).
    private static let catalogue = allCases

    /// Position among the codes in the order of their text (`ASN_TIDAK_ADA_DI_DAPODIK` first): the order
    /// `disparities.csv` sorts them in, as a spreadsheet sorting its `code` column would.
    public var textOrder: Int { Self.textRanks[order] }

    private static let textRanks: [Int] = {
        let sorted = allCases.sorted { $0.rawValue < $1.rawValue }
        return allCases.map { code in sorted.firstIndex(of: code) ?? 0 }
    }()

    /// 1 = the person cannot be identified; 2 = wrong government; 3 = wrong or unmapped unit; 4 = attribute.
    public var priority: Int {
        switch self {
        case .nipKosong, .nipRusak, .nipTidakValid, .nipGanda, .nipTidakDitemukan, .asnTidakAdaDiDapodik: return 1
        case .unorWilayahBerbeda: return 2
        case .npsnBelumPadan, .pemadananGanda, .unorSatpenBerbeda, .unorTidakAktif: return 3
        default: return 4
        }
    }

    /// Who must act.
    public var owner: String {
        switch self {
        case .nipKosong, .nipRusak, .nipTidakValid, .nipGanda, .namaBerbeda, .tglLahirBerbeda, .jenisKelaminBerbeda:
            return "Operator Sekolah"
        case .nipTidakDitemukan: return "Operator Sekolah / Dinas Pendidikan"
        case .asnTidakAdaDiDapodik: return "Dinas Pendidikan"
        case .npsnBelumPadan: return "BKD / Dinas Pendidikan"
        default: return "BKD"
        }
    }

    /// What the code means, in plain Bahasa Indonesia (escalation `Uraian`, report).
    public var uraian: String {
        switch self {
        case .nipKosong: return "NIP ASN kosong di Dapodik"
        case .nipRusak: return "NIP di Dapodik rusak oleh spreadsheet (notasi ilmiah atau desimal)"
        case .nipTidakValid: return "NIP di Dapodik tidak 18 angka atau bentuknya tidak sah"
        case .nipGanda: return "Satu NIP dipakai oleh lebih dari satu PTK di Dapodik"
        case .nipTidakDitemukan: return "NIP di Dapodik tidak ditemukan di SIASN"
        case .asnTidakAdaDiDapodik: return "ASN guru di SIASN tidak terdaftar di Dapodik"
        case .unorWilayahBerbeda: return "Instansi ASN di SIASN berbeda dengan pemerintah daerah sekolahnya di Dapodik"
        case .npsnBelumPadan: return "Sekolah negeri belum dipadankan dengan unit organisasi (UNOR) SIASN"
        case .pemadananGanda: return "Tabel pemadanan NPSN–UNOR memasangkan satu sekolah/unit dengan dua pasangan"
        case .unorSatpenBerbeda: return "UNOR ASN di SIASN bukan unit sekolah tempat ia bertugas di Dapodik"
        case .unorTidakAktif: return "UNOR ASN di SIASN berstatus tidak aktif"
        case .namaBerbeda: return "Nama di Dapodik dan SIASN berbeda"
        case .tglLahirBerbeda: return "Tanggal lahir di Dapodik dan SIASN berbeda"
        case .jenisKelaminBerbeda: return "Jenis kelamin di Dapodik dan SIASN berbeda"
        case .golonganBerbeda: return "Golongan di Dapodik dan SIASN berbeda"
        case .jabatanBerbeda: return "Jenis PTK di Dapodik tidak sesuai jabatan di SIASN (guru/bukan guru)"
        case .statusBerbeda: return "Status kepegawaian di Dapodik tidak sesuai SIASN"
        }
    }

    /// The concrete action: who does what, where.
    public var tindakan: String {
        switch self {
        case .nipKosong: return "Operator sekolah mengisi NIP di Dapodik sesuai SK/SIASN"
        case .nipRusak:
            return "Operator sekolah mengetik ulang NIP di Dapodik sebagai teks (18 angka), bukan angka spreadsheet"
        case .nipTidakValid: return "Operator sekolah memperbaiki NIP di Dapodik sesuai SK CPNS/PPPK"
        case .nipGanda:
            return "Operator sekolah memeriksa PTK yang memakai NIP yang sama dan memperbaiki NIP yang salah di Dapodik"
        case .nipTidakDitemukan:
            return "Operator sekolah memeriksa NIP di Dapodik; bila benar, Dinas Pendidikan menanyakan ke BKD/BKN"
        case .asnTidakAdaDiDapodik:
            return
                "Dinas Pendidikan memastikan sekolah mendaftarkan ASN ini di Dapodik, atau BKD memperbarui SIASN bila ia sudah tidak bertugas"
        case .unorWilayahBerbeda:
            return "BKD memeriksa instansi ASN di SIASN (mutasi antar pemerintah daerah) dan memperbaikinya"
        case .npsnBelumPadan:
            return
                "BKD menetapkan pemadanan NPSN–UNOR (lihat usulan_pemadanan.csv) atau Dinas Pendidikan memeriksa nama sekolah"
        case .pemadananGanda:
            return "BKD memperbaiki tabel pemadanan agar tiap sekolah dan tiap UNOR hanya punya satu pasangan"
        case .unorSatpenBerbeda: return "BKD memindahkan UNOR ASN di SIASN ke unit sekolahnya (lihat kolom saran)"
        case .unorTidakAktif: return "BKD memindahkan ASN ke UNOR yang aktif di SIASN"
        case .namaBerbeda: return "Operator sekolah menyamakan nama di Dapodik dengan SK/SIASN"
        case .tglLahirBerbeda: return "Operator sekolah memeriksa tanggal lahir di Dapodik terhadap SK/SIASN"
        case .jenisKelaminBerbeda: return "Operator sekolah memeriksa jenis kelamin di Dapodik terhadap SK/SIASN"
        case .golonganBerbeda: return "BKD memeriksa golongan terakhir di SIASN; operator sekolah memperbarui Dapodik"
        case .jabatanBerbeda: return "BKD memeriksa jabatan di SIASN; operator sekolah memeriksa jenis PTK di Dapodik"
        case .statusBerbeda: return "BKD memeriksa status kepegawaian di SIASN; operator sekolah memperbarui Dapodik"
        }
    }
}

/// What a disparity is raised for (`disparities.csv` `subject`).
public enum DisparitySubject: String, Sendable {
    case ptk = "PTK"
    case asn = "ASN"
    case school = "SEKOLAH"
    case unor = "UNOR"
}
