import PadanCore

/// One UPT's escalation list (`escalation/<upt>.csv`): its area's open priority 1–3 disparities,
/// oldest first, then highest priority.
package struct EscalationList: Sendable {
    package static let header = [
        "Prioritas", "Kode", "Uraian", "Penanggung Jawab", "Kabupaten/Kota", "NPSN", "Sekolah", "NIP", "Nama",
        "Umur (hari)", "Sejak", "Saran Tindakan",
    ]

    /// One line of the list.
    package struct Entry: Sendable {
        package var priority: Int
        package var code: String
        package var uraian: String
        package var owner: String
        package var kabupatenKota: String
        package var npsn: String
        package var sekolah: String
        package var nip: String
        package var nama: String
        package var ageDays: Int
        package var since: String
        package var action: String

        package init(
            priority: Int, code: String, uraian: String, owner: String, kabupatenKota: String, npsn: String,
            sekolah: String, nip: String, nama: String, ageDays: Int, since: String, action: String
        ) {
            self.priority = priority
            self.code = code
            self.uraian = uraian
            self.owner = owner
            self.kabupatenKota = kabupatenKota
            self.npsn = npsn
            self.sekolah = sekolah
            self.nip = nip
            self.nama = nama
            self.ageDays = ageDays
            self.since = since
            self.action = action
        }

        package var cells: [String] {
            var row = CSVTextRow()
            [self].withUnsafeBufferPointer { EscalationList.cells(of: InPlace($0, 0), into: &row) }
            return row.cells
        }
    }

    /// Entry `i`'s CSV cells into `cells`, its fields read in place (a copy of each entry, or an array of its
    /// cells, retained and released its ten texts: a quarter of writing the lists).
    package func cells(at i: Int, into cells: inout some CSVCells) {
        entries.withUnsafeBufferPointer { Self.cells(of: InPlace($0, i), into: &cells) }
    }

    static func cells(of e: InPlace<Entry>, into cells: inout some CSVCells) {
        cells.text(String(e.priority))
        cells.text(e.code)
        cells.text(e.uraian)
        cells.text(e.owner)
        cells.text(e.kabupatenKota)
        cells.text(e.npsn)
        cells.text(e.sekolah)
        cells.text(e.nip)
        cells.text(e.nama)
        cells.text(String(e.ageDays))
        cells.text(e.since)
        cells.text(e.action)
    }

    package var upt: String
    package var entries: [Entry]

    /// `entries` sorted in place when the caller hands them over (no other reference left): sorted into a copy,
    /// every entry's dozen texts were retained for it and released with the original.
    package init(upt: String, entries: consuming [Entry]) {
        self.upt = upt
        var entries = entries
        // Field by field: a tuple of the four texts per side retained eight strings at every comparison.
        entries.sort {
            if $0.ageDays != $1.ageDays { return $0.ageDays > $1.ageDays }
            if $0.priority != $1.priority { return $0.priority < $1.priority }
            if $0.kabupatenKota != $1.kabupatenKota { return $0.kabupatenKota < $1.kabupatenKota }
            if $0.npsn != $1.npsn { return $0.npsn < $1.npsn }
            if $0.code != $1.code { return $0.code < $1.code }
            return $0.nip < $1.nip
        }
        self.entries = entries
    }

    /// The file name stem: the UPT's name lower-cased with non-alphanumerics as `-`.
    package static func slug(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while out.hasPrefix("-") { out.removeFirst() }
        return out.isEmpty ? "upt" : out
    }
}
