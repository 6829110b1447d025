import PadanCore
import PadanReaders

/// The properties the fuzz targets check on every input. Each returns what it found wrong (empty when
/// all holds), so the fuzz entry points can trap on it and the regression tests can `#expect` it.
package enum FuzzChecks {
    /// The run date every decoder uses.
    static let runDate: CalendarDate = {
        guard let date = CalendarDate(year: 2026, month: 11, day: 22) else { preconditionFailure("tanggal tetap") }
        return date
    }()

    /// The CSV reader: never traps, reads the same whatever the buffer and read sizes, yields records
    /// as wide as the header on strictly increasing lines, and the typed decoders accept or reject
    /// each record without trapping.
    ///
    /// The first byte steers: its low 3 bits pick an input kind whose header line is put in front of
    /// the rest (0 and 7: none, the rest is read as it is), the next bits a record size limit, so
    /// the fuzzer reaches the decoders and the over-long-record path without having to invent them.
    package static func csv(_ data: [UInt8]) -> [String] {
        guard let mode = data.first else { return [] }
        var body = Array(data.dropFirst())
        let kinds = InputKind.allCases
        let pick = Int(mode & 7)
        if pick >= 1, pick <= kinds.count {
            body = Array((kinds[pick - 1].columns.map(\.name).joined(separator: ",") + "\n").utf8) + body
        }
        let limit = [64, 300, 4096, 1 << 20][Int(mode >> 3) & 3]
        let whole = TableReading { () throws(InputError) in
            try CSVTableReader(
                source: MemorySource(body), file: "fuzz.csv", chunkSize: 256 * 1024, maximumRecordBytes: limit)
        }
        let step = 1 + Int(mode >> 5)
        let trickled = TableReading { () throws(InputError) in
            try CSVTableReader(
                source: MemorySource(body, step: step), file: "fuzz.csv", chunkSize: 16 + Int(mode) % 37,
                maximumRecordBytes: limit)
        }
        var problems = [String]()
        if whole != trickled {
            problems.append("CSV: hasil berbeda menurut ukuran penyangga (\(step)-bita): \(whole) ≠ \(trickled)")
        }
        for record in whole.records where record.fields.count != whole.header.count {
            problems.append("CSV: baris \(record.line) punya \(record.fields.count) kolom, judul \(whole.header.count)")
        }
        let lines = whole.lines
        for (earlier, later) in zip(lines, lines.dropFirst()) where later <= earlier {
            problems.append("CSV: nomor baris tidak naik: \(earlier) lalu \(later)")
        }
        if let first = lines.first, first < 2 {
            problems.append("CSV: rekaman di baris \(first), sebelum/di baris judul")
        }
        problems += decode(whole)
        return problems
    }

    /// The XML reader: never traps, never loads an external entity, reads the same whether the
    /// source hands over everything at once or a few bytes at a time, and stays within its limits.
    package static func xml(_ data: [UInt8]) -> [String] {
        guard let mode = data.first else { return [] }
        let body = Array(data.dropFirst())
        // The header completed with one kind's columns, or (one mode in seven) the first record's names only.
        let kinds = InputKind.allCases
        let columns = Int(mode) % (kinds.count + 1) < kinds.count ? kinds[Int(mode) % (kinds.count + 1)].columnGroups : []
        let whole = TableReading { () throws(InputError) in
            try XMLTableReader(source: MemorySource(body), file: "fuzz.xml", columns: columns)
        }
        let step = 1 + Int(mode)
        let trickled = TableReading { () throws(InputError) in
            try XMLTableReader(source: MemorySource(body, step: step), file: "fuzz.xml", columns: columns)
        }
        var problems = [String]()
        // libxml2 words its error messages after how far its buffers got, so only the outcome is compared:
        // the header, every record, where each reject starts, and whether (and how) the file failed. Not for
        // an encoding libxml2 converts through iconv: there, how many records come before damaged bytes
        // depends on the read sizes (known, see Fuzz/README.md), while a file on disk is always read alike.
        if !declaresIconvEncoding(body),
            whole.header != trickled.header || whole.records != trickled.records || whole.lines != trickled.lines
                || whole.error?.kind != trickled.error?.kind
        {
            problems.append("XML: hasil berbeda menurut ukuran bacaan (\(step)-bita): \(whole) ≠ \(trickled)")
        }
        for record in whole.records {
            if record.fields.count != whole.header.count {
                problems.append(
                    "XML: baris \(record.line) punya \(record.fields.count) kolom, judul \(whole.header.count)")
            }
            // /etc/passwd and /etc/hostname would only get in through an external entity.
            if record.fields.contains(where: { $0.contains("root:x:0:0") }) || record.raw.contains("root:x:0:0") {
                problems.append("XML: isi entitas eksternal terbaca di baris \(record.line)")
            }
        }
        problems += decode(whole)
        return problems
    }

    /// Whether the XML declaration names an encoding other than those libxml2 decodes itself.
    static func declaresIconvEncoding(_ body: [UInt8]) -> Bool {
        let prolog = String(decoding: body.prefix(200), as: UTF8.self).lowercased()
        guard let key = prolog.range(of: "encoding") else { return false }
        let rest = prolog[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let name = String(rest.prefix { $0 != "\"" && $0 != "'" && $0 != "?" && $0 != " " })
        return !["utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "iso-8859-1", "iso-latin-1", "ascii", "us-ascii"]
            .contains(name)
    }

    /// The normalizers of PadanCore on arbitrary text: NIP, dates, names, schools, governments.
    ///
    /// Lines of the input are tried as every kind of value. A valid NIP reads back the same from its
    /// digits and from the spaced form Dapodik writes, and masks to 6 + 6 digits; a date reads back from
    /// its own description; name similarity is symmetric, in 0…1, and 1 for equal names.
    package static func normalize(_ data: [UInt8]) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        var problems = [String]()
        for line in lines {
            problems += nip(line)
            switch CalendarDate.read(line) {
            case .date(let date):
                if CalendarDate.read(date.description) != .date(date) || CalendarDate(iso: date.description) != date {
                    problems.append("tanggal \(date) tidak terbaca ulang")
                }
            case .none, .invalid: break
            }
            _ = Gender(reading: line)
            _ = Golongan(reading: line)
            _ = Periode(reading: line)
            _ = SkpRole(reading: line)
            _ = Predikat.canonical(line)
            _ = ColumnSpec.key(line)
            if let government = Government(reading: line),
                Government(reading: government.description)?.key != government.key
            {
                problems.append("pemerintah '\(line)' → '\(government.description)' tidak terbaca ulang")
            }
            let school = SchoolName(line)
            _ = school.parts
            _ = school.isSchoolLike
        }
        let first = lines.first ?? "", second = lines.count > 1 ? lines[1] : ""
        let a = PersonName(first), b = PersonName(second)
        if a.isSamePerson(as: b, threshold: 0.9) != b.isSamePerson(as: a, threshold: 0.9) {
            problems.append("nama: kesamaan tidak simetris: '\(first)' / '\(second)'")
        }
        if !a.tokens.isEmpty && !a.isSamePerson(as: a, threshold: 0.9) {
            problems.append("nama: '\(first)' tidak sama dengan dirinya")
        }
        let similarity = JaroWinkler.similarity(a.text, b.text)
        if !(0...1).contains(similarity) || similarity != JaroWinkler.similarity(b.text, a.text) {
            problems.append(
                "Jaro-Winkler: \(similarity) untuk '\(a.text)' / '\(b.text)' (tidak dalam 0…1 atau tidak simetris)")
        }
        let schoolA = SchoolName(first).parts, schoolB = SchoolName(second).parts
        let score = schoolA.score(against: schoolB)
        if !(0...1).contains(score) || abs(score - schoolB.score(against: schoolA)) > 1e-9 {
            problems.append(
                "nama sekolah: skor \(score) untuk '\(first)' / '\(second)' (tidak dalam 0…1 atau tidak simetris)")
        }
        return problems
    }

    /// A NIP read from `text`: a valid one is 18 digits, reads back the same, masks to 6 + 6 digits.
    static func nip(_ text: String) -> [String] {
        guard case .valid(let nip) = NIP.read(text, runDate: runDate) else { return [] }
        var problems = [String]()
        let digits = Array(nip.digits.utf8)
        if digits.count != 18 || !digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            problems.append("NIP sah tetapi bukan 18 angka: \(nip.digits)")
            return problems
        }
        if NIP.read(nip.digits, runDate: runDate) != .valid(nip) {
            problems.append("NIP \(nip.digits) tidak terbaca ulang")
        }
        let spaced =
            "\(nip.digits.prefix(8)) \(nip.digits.dropFirst(8).prefix(6)) \(nip.digits.dropFirst(14).prefix(1)) \(nip.digits.suffix(3))"
        for space in [" ", "\u{00A0}", "\u{202F}"] where NIP.read(spaced.replacingOccurrences(of: " ", with: space), runDate: runDate) != .valid(nip) {
            problems.append("NIP '\(spaced)' (spasi U+\(String(space.unicodeScalars.first?.value ?? 0, radix: 16))) tidak terbaca seperti \(nip.digits)")
        }
        let masked = nip.masked
        if masked.count != 18 || masked.filter({ $0 == "*" }).count != 6 || masked.prefix(6) != nip.digits.prefix(6) {
            problems.append("NIP \(nip.digits) disamarkan menjadi \(masked)")
        }
        return problems
    }

    /// Tries every input kind's decoder on the header; where one fits, decodes each record.
    static func decode(_ reading: TableReading) -> [String] {
        var problems = [String]()
        for kind in InputKind.allCases {
            guard let decoder = try? RecordDecoder(kind: kind, header: reading.header, file: "fuzz", runDate: runDate)
            else { continue }
            for record in reading.records {
                let line: Int
                switch kind {
                case .dapodikPtk: line = outcomeLine(decoder.teacher(record).map { $0.source.line })
                case .dapodikSekolah: line = outcomeLine(decoder.school(record).map { $0.source.line })
                case .siasnPns: line = outcomeLine(decoder.employee(record).map { $0.source.line })
                case .siasnUnor: line = outcomeLine(decoder.unor(record).map { $0.source.line })
                case .unorNpsn: line = outcomeLine(decoder.crosswalk(record).map { $0.source.line })
                case .pmmSkp: line = outcomeLine(decoder.skp(record).map { $0.source.line })
                }
                if line != record.line {
                    problems.append("\(kind.rawValue): rekaman baris \(record.line) didekode dengan baris \(line)")
                }
            }
        }
        return problems
    }

    private static func outcomeLine(_ result: Result<Int, RowReject>) -> Int {
        switch result {
        case .success(let line): line
        case .failure(let reject): reject.line
        }
    }
}
