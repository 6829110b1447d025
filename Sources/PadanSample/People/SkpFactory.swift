/// PMM's SKP rows: the spellings of periode and peran PMM exports, indicators, BerAKHLAK aspects,
/// and a stage with or without a rating.
enum SkpFactory {
    /// The role an SKP is made in.
    enum Peran: String {
        case guru = "GURU"
        case kepalaSekolah = "KEPALA_SEKOLAH"
        case pltKepalaSekolah = "PLT_KEPALA_SEKOLAH"

        var spellings: [String] {
            switch self {
            case .guru: return ["GURU", "Guru"]
            case .kepalaSekolah: return ["KEPALA_SEKOLAH", "Kepala Sekolah"]
            case .pltKepalaSekolah: return ["PLT_KEPALA_SEKOLAH", "Plt. Kepala Sekolah"]
            }
        }
    }

    /// The active period and its spellings; the first semester's, for rows of another period.
    static let activePeriod = "2024-S2"
    static let secondSemester = ["2024-S2", "2024-S2", "2024-2", "Juli-Desember 2024"]
    static let firstSemester = ["2024-S1", "2024-1", "Januari-Juni 2024"]
    static let indicators = [
        "D.1.1 Memahami karakteristik peserta didik",
        "D.2.1 Menyusun rencana pembelajaran yang berpusat pada peserta didik",
        "D.3.2 Melaksanakan asesmen formatif",
        "D.4.1 Merefleksikan praktik pembelajaran",
        "K.1.1 Memimpin perencanaan program satuan pendidikan",
        "D.3.1 Menerapkan pembelajaran berdiferensiasi, sesuai kebutuhan murid",
    ]
    static let aspects = [
        "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif",
    ]
    static let ratings = ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"]

    /// An SKP row of `nip` at `npsn`; `penilai` is the rater's NIP as PMM holds it (`nil` for none).
    static func row(
        nip: String, npsn: String, peran: Peran, penilai: String?, semester: Int = 2, random: inout SampleRandom
    ) -> SkpRow {
        var row = SkpRow()
        row.nip = nip.count == 18 && random.chance(0.2) ? NIP.spaced(nip) : nip
        row.npsn = npsn
        row.periode = random.pick(semester == 2 ? secondSemester : firstSemester)
        row.peran = random.pick(peran.spellings)
        row.indikator = random.pick(indicators)
        let count = random.int(1...3)
        row.perilakuFokus = random.shuffled(aspects).prefix(count).joined(separator: ";")
        let stage = random.weighted(["PERENCANAAN", "PELAKSANAAN", "PENILAIAN"], [0.3, 0.35, 0.35])
        if stage == "PENILAIAN" {
            let rating = random.pick(ratings)
            row.predikat = random.weighted([rating, rating.uppercased(), rating.lowercased()], [0.8, 0.1, 0.1])
        }
        row.tahap = random.chance(0.1) ? "" : stage
        if let penilai, !random.chance(0.12) {
            row.nipPenilai = penilai.count == 18 && random.chance(0.15) ? NIP.spaced(penilai) : penilai
        }
        return row
    }
}
