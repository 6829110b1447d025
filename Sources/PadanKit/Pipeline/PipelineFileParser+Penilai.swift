import PadanCore
import TOMLKit

extension PipelineFileParser {
    /// The `[[penilai]]` tables: each `nip` a valid NIP (rules.md §1), at most one head per government (compared
    /// as governments are, `Pemerintah Kab. X` = `Pemerintah Kabupaten X`). An `instansi` that reads as no
    /// government can never be a school's: a warning, since the run can go on without that head.
    func heads(_ table: TOMLTable) throws(PadanError)
        -> (heads: [ReconciliationSettings.HeadOfOffice], warnings: [String])
    {
        var heads = [ReconciliationSettings.HeadOfOffice](), warnings = [String]()
        var first = [Government: Int]()
        for (i, item) in try tables(table, "penilai").enumerated() {
            let entry = "penilai[\(i + 1)]"
            try check(item, allowed: ["instansi", "nip"], in: entry + ".")
            let instansi = try string(item, "instansi", prefix: entry + ".")
            let nip = try string(item, "nip", prefix: entry + ".")
            switch NIP.read(nip, runDate: today) {
            case .valid: break
            case .empty: throw fail("kunci '\(entry).nip' wajib diisi (teks)", at: entry + ".nip")
            case .invalid(_, let why):
                throw fail("\(entry).nip (\(instansi)) bukan NIP yang sah: \(why)", at: entry + ".nip")
            case .corrupted:
                throw fail(
                    "\(entry).nip (\(instansi)) rusak oleh spreadsheet (notasi ilmiah atau desimal); tulis ke-18 angkanya",
                    at: entry + ".nip")
            }
            if let government = Government(reading: instansi) {
                if let j = first[government] {
                    throw fail(
                        "penilai[\(j + 1)].instansi (\"\(heads[j].instansi)\") dan \(entry).instansi (\"\(instansi)\") "
                            + "menyebut pemerintah yang sama (\(government)); satu pemerintah hanya punya satu kepala dinas",
                        at: entry + ".instansi")
                }
                first[government] = i
            } else {
                warnings.append(
                    "\(path): \(entry).instansi \"\(instansi)\" tidak terbaca sebagai pemerintah daerah (tulis seperti "
                        + "\"Pemerintah Kab. Jember\", \"Pemerintah Kota Malang\" atau \"Pemerintah Provinsi Jawa Timur\"); "
                        + "kepala dinas ini tidak dipakai sebagai penilai kepala sekolah")
            }
            heads.append(.init(instansi: instansi, nip: nip))
        }
        return (heads, warnings)
    }
}
