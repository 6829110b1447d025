/// One SIASN person as an SKP payload names them (pegawai or penilai).
///
/// The ids and the NIP are kept in their compact forms and written as bytes by the encoder: as texts they
/// were three strings made and freed per payload line (1.6 million lines nationally).
public struct PayloadPerson: Sendable, Equatable {
    public var pnsID: SiasnID
    /// `nip_baru` as SIASN wrote it.
    public var writtenNIP: DigitText
    public var nama: String
    public var unorID: SiasnID
    // `Optional<…>` spelled out, as in ``DapodikTeacher``: `T?` made the initializer copy the whole value.
    public var unorNama: Optional<String>
    public var jabatan: String
    public var npsn: Optional<String>
    /// For the penilai only: `KEPALA_SEKOLAH`, `PLT_KEPALA_SEKOLAH` or `KEPALA_DINAS`.
    public var peranPenilai: Optional<String>

    public init(
        pnsID: SiasnID, writtenNIP: DigitText, nama: String, unorID: SiasnID, unorNama: String?, jabatan: String,
        npsn: String?, peranPenilai: String?
    ) {
        self.pnsID = pnsID
        self.writtenNIP = writtenNIP
        self.nama = nama
        self.unorID = unorID
        self.unorNama = unorNama
        self.jabatan = jabatan
        self.npsn = npsn
        self.peranPenilai = peranPenilai
    }

    /// A stand-in without texts, for a payload whose penilai is written from JSON made once
    /// (``SkpDecisions/payload(at:penilai:)``).
    public static let none = PayloadPerson(
        pnsID: .zero, writtenNIP: .digits(0, count: 0), nama: "", unorID: .zero, unorNama: nil, jabatan: "", npsn: nil,
        peranPenilai: nil)

    /// `pns_id` as payloads show it.
    public var pnsId: String { pnsID.text }
    /// `nip` as payloads show it.
    public var nip: String { writtenNIP.text }
    /// `unor_id` as payloads show it.
    public var unorId: String { unorID.text }
}

/// A sync-ready SKP payload before it is encoded (`skp-payload.schema.json`).
public struct SkpPayload: Sendable {
    public var periode: Periode
    public var pegawai: PayloadPerson
    public var penilai: PayloadPerson
    public var peran: SkpRole
    public var tahap: SkpStage
    // `Optional<…>` spelled out, as in ``DapodikTeacher``.
    public var indikatorKinerja: Optional<String>
    public var perilakuFokus: [String]
    public var predikat: Optional<String>
    public var source: SourceLocation
}

/// What was decided for one `pmm_skp` row.
public enum SkpOutcome: Sendable {
    /// Not an error: out of PMM's or this period's scope (`PERIODE_LAIN`, `NON_ASN`, …).
    case skipped(reason: String)
    /// Every reason, in catalogue order then `NPSN_SKP_BERBEDA`, `PENILAI_TIDAK_DITEMUKAN`, `PENILAI_BERBEDA`.
    case blocked(reasons: [String])
    case eligible(SkpPayload)
}

/// What is decided for one `pmm_skp` row, the payload not built yet: enough to count rows, to write
/// `blocked.csv` and `skipped.csv`, and to build an eligible row's payload when it is written (at national
/// scale the payloads are over a gigabyte of JSON, so a run builds them one at a time as it writes them).
///
/// 16 bytes a row (positions in 32 bits, the skip reason and the penilai's role as one byte each): a
/// national run holds 1.6 million of them from the decide stage to the end, and at 48 bytes they were 76 MB.
public enum SkpVerdict: Sendable {
    case skipped(reason: SkipReason)
    /// Every reason, as ``SkpOutcome/blocked(reasons:)``.
    case blocked(reasons: [String])
    case eligible(Eligible)

    /// An eligible row's person (in `Linkage.people`), their SIASN employee and the penilai.
    public struct Eligible: Sendable {
        private let storedPerson: Int32
        private let storedEmployee: Int32
        public let penilai: PenilaiResolver.Penilai

        public init(person: Int, employee: Int, penilai: PenilaiResolver.Penilai) {
            self.storedPerson = Int32(person)
            self.storedEmployee = Int32(employee)
            self.penilai = penilai
        }

        public var person: Int { Int(storedPerson) }
        public var employee: Int { Int(storedEmployee) }
    }
}

/// Why a `pmm_skp` row is skipped (`rules.md` §5): out of this run's scope, not an error.
public enum SkipReason: String, Sendable, CaseIterable {
    case periodeLain = "PERIODE_LAIN"
    case nonASN = "NON_ASN"
    case kemenag = "KEMENAG"
    case swasta = "SWASTA"
    case cltn = "CLTN"
    case tidakAktif = "TIDAK_AKTIF"
}

/// One decided SKP row.
public struct SkpDecision: Sendable {
    public var record: SkpRecord
    public var outcome: SkpOutcome
}
