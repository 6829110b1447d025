import Foundation

/// The input files of a generated region, open together so that rows stream to them as they are
/// made; optionally keeps every row (with file and line) for the truth.
package final class RegionFiles {
    /// Paths relative to the region folder, as the pipeline file and the truth name them.
    package enum Path {
        package static let ptk = ["dapodik/ptk-1.csv", "dapodik/ptk-2.csv", "dapodik/ptk-3.csv.gz"]
        package static let sekolah = "dapodik/sekolah.xml"
        package static let pns = "siasn/pns.txt"
        package static let unor = "siasn/unor.xml"
        package static let crosswalk = "pemadanan/unor_npsn.csv"
        package static let skp = "pmm/skp.csv"
    }

    private let ptk: [CSVTableWriter]
    private let ptkLayouts: [PtkLayout]
    private let sekolah: XMLTableWriter
    private let pns: CSVTableWriter
    private let unor: XMLTableWriter
    private let crosswalk: CSVTableWriter
    private let skp: CSVTableWriter
    private var tails: [Int: PtkRow] = [:]
    /// Everything written, when the truth is wanted; `nil` otherwise.
    package let records: WrittenRecords?

    /// Creates the folders and files under `directory` and writes their headers.
    package init(directory: String, retain: Bool) throws(SampleError) {
        for folder in ["dapodik", "siasn", "pemadanan", "pmm"] {
            let path = directory + "/" + folder
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw SampleError.output(path: path, message: error.localizedDescription)
            }
        }
        func file(_ relative: String) throws(SampleError) -> FileSink {
            try FileSink(path: directory + "/" + relative)
        }
        ptkLayouts = PtkLayout.all
        ptk = [
            try CSVTableWriter(sink: file(Path.ptk[0]), header: ptkLayouts[0].header),
            try CSVTableWriter(
                sink: file(Path.ptk[1]), header: ptkLayouts[1].header, delimiter: ";", crlf: true,
                encoding: .windows1252),
            try CSVTableWriter(
                sink: GzipStoredSink(file: file(Path.ptk[2])), header: ptkLayouts[2].header,
                delimiter: "\t"),
        ]
        sekolah = try XMLTableWriter(
            sink: file(Path.sekolah), root: "daftar_sekolah", record: "sekolah",
            style: .childElements)
        pns = try CSVTableWriter(sink: file(Path.pns), header: PnsLayout.header, delimiter: "|")
        unor = try XMLTableWriter(sink: file(Path.unor), root: "daftar_unor", record: "unor", style: .attributes)
        crosswalk = try CSVTableWriter(
            sink: file(Path.crosswalk), header: ["UNOR_ID", "NPSN", "KETERANGAN"],
            delimiter: ";", crlf: true, byteOrderMark: true)
        skp = try CSVTableWriter(sink: file(Path.skp), header: SkpLayout.header, crlf: true)
        records = retain ? WrittenRecords() : nil
    }

    /// Writes a PTK row to one of the three PTK files; `damage` plants a reject in the file itself.
    package func write(_ row: PtkRow, file index: Int, damage: PlantedDamage? = nil, reject: String? = nil)
        throws(SampleError)
    {
        if damage == .unterminatedQuote {
            tails[index] = row
            return
        }
        let fields = ptkLayouts[index].fields(row)
        let line = damage == .strayDelimiter ? try ptk[index].writeUnquoted(fields) : try ptk[index].write(fields)
        records?.ptk.append(Located(row: row, file: Path.ptk[index], line: line, reject: reject))
    }

    /// Writes one school record.
    package func write(_ row: SchoolRow) throws(SampleError) {
        try sekolah.write([
            ("npsn", row.npsn), ("nama_sekolah", row.nama), ("bentuk_pendidikan_id_str", row.bentuk),
            ("status_sekolah", row.status), ("kode_wilayah", row.kodeWilayah), ("kabupaten_kota", row.kabupatenKota),
            ("provinsi", row.provinsi), ("kecamatan", row.kecamatan),
        ])
        records?.schools.append(Located(row: row, file: Path.sekolah, line: sekolah.rows, reject: nil))
    }

    /// Writes one unit record.
    package func write(_ row: UnitRow) throws(SampleError) {
        try unor.write([
            ("Id", row.id), ("NamaUnor", row.nama), ("DiatasanId", row.parentID), ("InstansiId", row.instansiID),
            ("Aktif", row.aktif),
        ])
        records?.units.append(Located(row: row, file: Path.unor, line: unor.rows, reject: nil))
    }

    /// Writes one SIASN person.
    package func write(_ row: PnsRow) throws(SampleError) {
        let line = try pns.write(PnsLayout.fields(row))
        records?.pns.append(Located(row: row, file: Path.pns, line: line, reject: nil))
    }

    /// Writes one crosswalk row.
    package func write(_ row: CrosswalkRow) throws(SampleError) {
        let line = try crosswalk.write([row.unorID, row.npsn, row.keterangan])
        records?.crosswalk.append(Located(row: row, file: Path.crosswalk, line: line, reject: nil))
    }

    /// Writes one SKP row; `reject` names the planted bad value, if any.
    package func write(_ row: SkpRow, reject: String? = nil) throws(SampleError) {
        let line = try skp.write(SkpLayout.fields(row))
        records?.skp.append(Located(row: row, file: Path.skp, line: line, reject: reject))
    }

    /// Writes the planted last lines and closes every file; returns rows and bytes per file.
    package func close() throws(SampleError) -> [WrittenFile] {
        for index in tails.keys.sorted() {
            guard let row = tails[index] else { continue }
            var fields = ptkLayouts[index].fields(row)
            let nameColumn = ptkLayouts[index].nameColumn
            fields[nameColumn] = "\"" + fields[nameColumn]
            let separator = index == 1 ? ";" : index == 2 ? "\t" : ","
            let line = try ptk[index].writeRaw(fields.joined(separator: separator))
            records?.ptk.append(Located(row: row, file: Path.ptk[index], line: line, reject: "unterminated quote"))
        }
        var files: [WrittenFile] = []
        for (index, writer) in ptk.enumerated() {
            try writer.close()
            files.append(
                WrittenFile(
                    kind: "dapodik_ptk", path: Path.ptk[index], rows: writer.rows,
                    bytes: writer.bytesWritten))
        }
        try sekolah.close()
        files.append(
            WrittenFile(
                kind: "dapodik_sekolah", path: Path.sekolah, rows: sekolah.rows,
                bytes: sekolah.bytesWritten))
        try pns.close()
        files.append(WrittenFile(kind: "siasn_pns", path: Path.pns, rows: pns.rows, bytes: pns.bytesWritten))
        try unor.close()
        files.append(WrittenFile(kind: "siasn_unor", path: Path.unor, rows: unor.rows, bytes: unor.bytesWritten))
        try crosswalk.close()
        files.append(
            WrittenFile(
                kind: "unor_npsn", path: Path.crosswalk, rows: crosswalk.rows,
                bytes: crosswalk.bytesWritten))
        try skp.close()
        files.append(WrittenFile(kind: "pmm_skp", path: Path.skp, rows: skp.rows, bytes: skp.bytesWritten))
        return files
    }
}

/// A row kept for the truth, with where it was written.
package struct Located<Row: Sendable>: Sendable {
    package var row: Row
    package var file: String
    package var line: Int
    /// Why the row must be rejected, when it was planted to be.
    package var reject: String?
}

/// Every row of a region, kept in memory when its truth is to be written.
package final class WrittenRecords {
    package var ptk: [Located<PtkRow>] = []
    package var schools: [Located<SchoolRow>] = []
    package var units: [Located<UnitRow>] = []
    package var pns: [Located<PnsRow>] = []
    package var crosswalk: [Located<CrosswalkRow>] = []
    package var skp: [Located<SkpRow>] = []
}

/// One file of a region as written.
package struct WrittenFile: Sendable {
    /// The input kind (`dapodik_ptk`, …).
    package var kind: String
    /// Relative to the region folder.
    package var path: String
    /// Data rows (XML: records).
    package var rows: Int
    /// Size on disk.
    package var bytes: Int
}
