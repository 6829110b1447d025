#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a Dapodik-like GTK export: 13 columns, deterministic, with the quirks real files have
/// (names with academic titles and commas, hence quoted; a few doubled quotes; NIPs with spaces;
/// empty optional columns).
struct DapodikGenerator {
    static let header =
        "ptk_id,nama,nip,nuptk,nik,jenis_kelamin,tanggal_lahir,status_kepegawaian,jenis_ptk,"
        + "tugas_tambahan,pangkat_golongan,npsn,status_tugas"

    private static let firstNames = [
        "Ahmad", "Siti", "Budi", "Dewi", "Agus", "Sri", "Made", "Nur", "Rina", "Eko", "Yuli", "Joko",
        "Putu", "Wayan", "Ani", "Hendra", "Fitri", "Bambang", "Lestari", "Rahmat",
    ]
    private static let lastNames = [
        "Fauzi", "Rahayu", "Santoso", "Wulandari", "Setiawan", "Lestari", "Hidayat", "Kusuma", "Saputra",
        "Nurhayati", "Pratama", "Susanti", "Gunawan", "Handayani", "Wibowo",
    ]
    private static let statuses = [
        "PNS", "PNS", "PNS", "PPPK", "PPPK", "CPNS", "PNS Diperbantukan", "PNS Depag", "GTY/PTY",
        "Honor Daerah TK.II Kab/Kota", "Guru Honor Sekolah", "PPPK Paruh Waktu",
    ]
    private static let kinds = [
        "Guru Kelas", "Guru Kelas", "Guru Mapel", "Guru Mapel", "Guru BK", "Guru TIK", "Guru Inklusi",
        "Kepala Sekolah", "Tenaga Administrasi Sekolah",
    ]
    private static let duties = [
        "", "", "", "", "", "", "Kepala Sekolah", "Wakil Kepala Sekolah", "Kepala Perpustakaan",
    ]
    private static let ranks = ["III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "-", ""]

    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Writes a header and `rows` rows to `path`; returns the file size in bytes.
    mutating func write(rows: Int, to path: String) -> Int? {
        guard let file = fopen(path, "wb") else { return nil }
        defer { fclose(file) }
        var out = Self.header + "\n"
        var written = 0
        for index in 0..<rows {
            out += row(index)
            out += "\n"
            if out.utf8.count > 1 << 20 {
                written += flush(&out, to: file)
            }
        }
        written += flush(&out, to: file)
        return written
    }

    private func flush(_ text: inout String, to file: UnsafeMutablePointer<FILE>) -> Int {
        let count = text.utf8.count
        var copy = text
        copy.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, file) }
        text = ""
        return count
    }

    private mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    private mutating func pick(_ values: [String]) -> String {
        values[Int(next() % UInt64(values.count))]
    }

    private mutating func digits(_ count: Int) -> String {
        var text = ""
        for _ in 0..<count { text.append(Character(Unicode.Scalar(UInt8(48 + next() % 10)))) }
        return text
    }

    private mutating func uuid() -> String {
        let hex = Array("0123456789abcdef")
        var text = ""
        for position in 0..<32 {
            if [8, 12, 16, 20].contains(position) { text.append("-") }
            text.append(hex[Int(next() % 16)])
        }
        return text
    }

    private mutating func row(_ index: Int) -> String {
        let first = pick(Self.firstNames)
        let last = pick(Self.lastNames)
        let nameStyle = next() % 100
        let name: String
        if nameStyle < 25 {
            name = "\"Drs. H. \(first) \(last), S.Pd., M.M.\""
        } else if nameStyle < 27 {
            name = "\"\(first) \"\"\(last)\"\" \(pick(Self.lastNames))\""
        } else {
            name = "\(first) \(last)"
        }
        let year = 1960 + Int(next() % 40)
        let month = 1 + Int(next() % 12)
        let day = 1 + Int(next() % 28)
        let birth = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        let status = pick(Self.statuses)
        let nip: String
        switch next() % 10 {
        case 0, 1, 2: nip = ""
        case 3: nip = "\(year)0\(month % 10)0\(day % 10) 20100\(next() % 10) 1 00\(next() % 10)"
        default: nip = digits(18)
        }
        let fields = [
            uuid(), name, nip, next() % 4 == 0 ? "" : digits(16), digits(16), next() % 2 == 0 ? "L" : "P",
            birth, status.contains("/") ? "\"\(status)\"" : status, pick(Self.kinds), pick(Self.duties),
            pick(Self.ranks), "2050\(digits(4))", next() % 8 == 0 ? "Non Induk" : "Induk",
        ]
        return fields.joined(separator: ",")
    }
}
