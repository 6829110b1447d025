import Crypto
import Foundation
import PadanCore
import PadanReaders

/// One input file as read: its digest and counts (`summary.json` `inputs.*.files`).
package struct InputFileReport: Sendable {
    package var path: String
    package var sha256: String
    package var rows = 0
    package var rejected = 0
    /// Seconds its reading took (files are read side by side, so these overlap); not in `summary.json`.
    package var seconds = 0.0
}

/// One input kind as read.
package struct InputReport: Sendable {
    package var kind: InputKind
    package var files: [InputFileReport] = []
    package var rows: Int { files.reduce(0) { $0 + $1.rows } }
    package var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
}

/// A row that could not be read (`rejects.csv`).
package struct RejectedRow: Sendable {
    package var kind: InputKind
    package var file: String
    package var line: Int
    package var reason: String
    package var raw: String
}

/// Everything the read stage produced.
package struct LoadedInputs: Sendable {
    package var batch = Batch()
    package var reports: [InputKind: InputReport] = [:]
    package var rejects: [RejectedRow] = []
    /// Notes about the pipeline file, whole input files (encoding fallbacks) and, once judged, what the run cannot
    /// do for lack of a setting (rows no escalation list receives, heads of office SIASN lacks), Bahasa Indonesia.
    package var warnings: [String] = []
}

/// The read stage: every file of every input kind, decoded into typed records, rejects collected.
///
/// The kinds are read side by side on every core, the largest first, each kind's files in order by one
/// thread (a kind larger than a thread's share by several, ``runs(of:cost:width:)``); the results are put
/// together in kind and file order, so nothing depends on which finished first. Each file's SHA-256 is
/// computed from the bytes as the parser reads them.
package struct InputLoader: Sendable {
    package let pipeline: PipelineFile
    package let runDate: CalendarDate
    /// Called after each file with (kind, display path, rows so far of this file).
    package var onFile: @Sendable (InputKind, String, Int) -> Void = { _, _, _ in }
    /// Called every few thousand rows and at the end of each file with (kind, display path, rows so far
    /// of this file), for progress. May be called from several threads at once.
    package var onRows: @Sendable (InputKind, String, Int) -> Void = { _, _, _ in }

    package init(pipeline: PipelineFile, runDate: CalendarDate) {
        self.pipeline = pipeline
        self.runDate = runDate
    }

    /// One file to read, and what reading it gave.
    struct FileLoad: Sendable {
        var kind: InputKind
        var path: String
        /// Bytes of text in the file (``InputLoader/contentSize(_:)``).
        var content: Int
        /// Bytes of text to make the table of the run this file begins big enough for, besides this file's
        /// (the kind's later files for its first run, the run's later files for another); 0 when it begins none.
        var laterContent = 0
        var loaded = LoadedInputs()
        var report: InputFileReport?
        var failure: PadanError?
    }

    package func load() throws(PadanError) -> LoadedInputs {
        var files = [FileLoad]()
        var kinds = [(kind: InputKind, files: Range<Int>)]()
        var globFailure: PadanError?
        for kind in InputKind.allCases {
            guard let patterns = pipeline.inputs[kind] else { continue }
            do {
                let paths = try InputGlob.expand(patterns: patterns, relativeTo: pipeline.baseDirectory)
                let sizes = paths.map(Self.contentSize)
                let first = files.count
                for (i, path) in paths.enumerated() {
                    files.append(FileLoad(kind: kind, path: path, content: sizes[i]))
                }
                kinds.append((kind, first..<files.count))
            } catch {
                // Kinds before this one are still read: one of their files may fail first, as it did
                // when reading kind after kind.
                globFailure = PadanError(.data, "\(pipeline.path): input '\(kind.rawValue)': \(error.description)")
                break
            }
        }
        // Each run of files (``runs(of:cost:width:)``) on its own thread, the costliest first, so the last to
        // start is a cheap one and both cores stay busy to the end. A byte of XML costs about one and a half of
        // CSV, read and decoded (national files, one core: 11 ns a byte for sekolah.xml, 15 for unor.xml, 7–10
        // for the CSVs; 33–34 when libxml2's reader built a node tree, and sized by bytes alone the two XML files
        // were then read last, one of them alone for a second).
        let cost = files.map { $0.content * (InputFile.isMarkup(path: $0.path) ? 3 : 2) }
        let runs = Self.runs(of: kinds.map(\.files), cost: cost, width: ParallelWork.width)
        // A run's table is made big enough for the run's later files; a kind's first run's, for all the kind's
        // (the later runs' tables are then appended without growing it).
        for run in runs {
            let kind = kinds.first { $0.files.contains(run.lowerBound) }?.files ?? run
            let later = run.lowerBound == kind.lowerBound ? kind.dropFirst() : run.dropFirst()
            files[run.lowerBound].laterContent = later.reduce(0) { $0 + files[$1].content }
        }
        let runCost = runs.map { cost[$0].reduce(0, +) }
        let order = runs.indices.sorted { runCost[$0] > runCost[$1] }
        // Each kind is put together in file order as its last run ends, on that run's thread (each run's
        // records are moved, not copied: appending them to the kind's table on another thread retained every
        // text they hold, seconds at national scale).
        let assembly = KindAssembly(files: files, kinds: kinds)
        let pending = files
        _ = ParallelWork.map(order.count) { i in
            let run = runs[order[i]]
            assembly.finished(read(run: pending[run]), at: run)
        }
        files = assembly.read
        // The first failure in kind and file order is the one reported.
        for (_, range) in kinds {
            for i in range { if let failure = files[i].failure { throw failure } }
        }
        var assembled = assembly.take()
        var loaded = LoadedInputs()
        var found = [InputKind: [(later: Int, first: Int)]]()
        // The pipeline file's own warnings first: they travel with the inputs' to stderr and `summary.json`.
        loaded.warnings = pipeline.warnings
        for ((kind, _), part) in zip(kinds, assembled) {
            loaded.reports[kind] = part.report
            found[kind] = part.duplicates
            loaded.rejects += part.loaded.rejects
            loaded.warnings += part.loaded.warnings
            switch kind {
            case .dapodikPtk: loaded.batch.teachers = part.loaded.batch.teachers
            case .dapodikSekolah: loaded.batch.schools = part.loaded.batch.schools
            case .siasnPns: loaded.batch.employees = part.loaded.batch.employees
            case .siasnUnor: loaded.batch.unors = part.loaded.batch.unors
            case .unorNpsn: loaded.batch.crosswalk = part.loaded.batch.crosswalk
            case .pmmSkp: loaded.batch.skp = part.loaded.batch.skp
            }
        }
        // Let go, so that the tables in `loaded` are the only references to their records (a repeated key's row
        // is taken out in place).
        assembled.removeAll()
        if let globFailure { throw globFailure }
        var paths = [String: String]()
        for file in files { paths[display(file.path)] = file.path }
        Self.rejectDuplicates(&loaded, found: found, rawFrom: RawTextSource(paths: paths, runDate: runDate))
        return loaded
    }

    /// One kind's files, read, put together in file order: `parts` holds each file's records (a run's in its
    /// first file, ``read(run:)``), `files` their reports.
    ///
    /// Each part is taken out of `parts` before its records are used, so that the first part's tables are
    /// held once and grow in place. Held twice (by the files passed in as well), appending the national PTK
    /// export's second file copied the first's 1.7 million rows, retaining every text they hold: 0.3 seconds
    /// on one core at the end of the read stage.
    static func assemble(_ kind: InputKind, _ parts: inout [LoadedInputs], files: [FileLoad]) -> (
        loaded: LoadedInputs, report: InputReport
    ) {
        var report = InputReport(kind: kind)
        report.files = files.compactMap(\.report)
        var loaded = LoadedInputs()
        for i in parts.indices {
            var part = LoadedInputs()
            swap(&part, &parts[i])
            loaded.rejects += part.rejects
            loaded.warnings += part.warnings
            if i == parts.startIndex { swap(&loaded.batch, &part.batch) } else { loaded.batch.append(part.batch) }
        }
        return (loaded, report)
    }

    /// Splits each kind's files (`kinds`, ranges of indices into `cost`) into runs of consecutive files, each
    /// read by one thread into one table. A kind is one run unless its files cost more than a thread's share
    /// of the whole (`width` threads); it is then cut, in file order, into runs of up to a share each.
    ///
    /// A kind read as several tables is copied into one when its last run ends, with every reference its
    /// records hold retained: the national PTK export's second and third files (1.2 million rows) took
    /// 0.3 seconds so, on one core at the end of the read stage with the other idle. Read as one run, its
    /// three files (a third of the bytes) cost about what the two next largest (SIASN, SKP) cost together on
    /// the other core.
    static func runs(of kinds: [Range<Int>], cost: [Int], width: Int) -> [Range<Int>] {
        let share = cost.reduce(0, +) / max(1, width)
        var runs = [Range<Int>]()
        for files in kinds {
            var start = files.lowerBound
            var sum = 0
            for i in files {
                if i > start, sum + cost[i] > share {
                    runs.append(start..<i)
                    (start, sum) = (i, 0)
                }
                sum += cost[i]
            }
            if start < files.upperBound { runs.append(start..<files.upperBound) }
        }
        return runs
    }

    /// Reads a run of one kind's files in order into one table, held by the run's first file; a failure is
    /// kept, not thrown (runs are read side by side), and the run's later files are then not read.
    func read(run: ArraySlice<FileLoad>) -> [FileLoad] {
        var files = Array(run)
        var loaded = LoadedInputs()
        for i in files.indices {
            do throws(PadanError) {
                files[i].report = try read(
                    kind: files[i].kind, path: files[i].path, content: files[i].content,
                    laterBytes: files[i].laterContent, into: &loaded)
            } catch {
                files[i].failure = error
                break
            }
        }
        if !files.isEmpty { files[0].loaded = loaded }
        return files
    }

    /// Bytes on disk of `paths` (unreadable ones count as nothing).
    /// (Through `stat`, which follows a symbolic link: `FileManager`'s attributes are the link's own, a few bytes,
    /// and a linked input then had no table reserved and grew an eighth at a time, copied whole each time.)
    static func size(_ paths: [String]) -> Int {
        paths.reduce(0) { total, path in
            var info = stat()
            return total + (stat(path, &info) == 0 ? Int(info.st_size) : 0)
        }
    }

    /// Bytes of text in `path`: its size, or for a gzip file the size its trailer gives (the last member's,
    /// modulo 4 GiB: an estimate for sizing tables, never trusted for more).
    static func contentSize(_ path: String) -> Int {
        let size = Self.size([path])
        guard size >= 18, let handle = FileHandle(forReadingAtPath: path) else { return size }
        defer { try? handle.close() }
        guard let magic = try? handle.read(upToCount: 2), magic == Data([0x1F, 0x8B]),
            (try? handle.seek(toOffset: UInt64(size - 4))) != nil, let trailer = try? handle.read(upToCount: 4),
            trailer.count == 4
        else { return size }
        let isize = trailer.reversed().reduce(0) { $0 << 8 | Int($1) }
        return max(size, isize)
    }

    func display(_ path: String) -> String {
        // As ``InputGlob`` gives paths: without `.` parts and repeated slashes.
        let tidied = InputGlob.tidied(pipeline.baseDirectory)
        let base = tidied.hasSuffix("/") ? tidied : tidied + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Reads one file of `content` bytes of text; `laterBytes` (the bytes of text of the kind's files still to
    /// come) sizes the kind's table.
    func read(kind: InputKind, path: String, content: Int, laterBytes: Int, into loaded: inout LoadedInputs)
        throws(PadanError)
        -> InputFileReport
    {
        let name = display(path)
        let started = RunProgress.now()
        let digest = Digest()
        var report = InputFileReport(path: name, sha256: "")
        do {
            let tap = ByteTap { digest.hasher.update(bufferPointer: $0) }
            let reader = try InputFile.open(path: path, displayName: name, tap: tap, columns: kind.columnGroups)
            let decoder = try RecordDecoder(kind: kind, header: reader.header, file: name, runDate: runDate)
            let fileSize = Self.size([path])
            while let event = try reader.next() {
                report.rows += 1
                if report.rows & 4095 == 0 { onRows(kind, name, report.rows) }
                if report.rows == Self.sampleRows {
                    Self.reserve(
                        kind, rows: report.rows, fraction: Double(tap.count) / Double(max(1, fileSize)),
                        content: content,
                        laterContent: laterBytes, in: &loaded.batch)
                }
                let rejection: RowReject?
                switch event {
                case .reject(let reject): rejection = reject
                case .record(let record):
                    rejection = Self.decode(record, kind: kind, decoder: decoder, into: &loaded.batch)
                }
                if let rejection {
                    report.rejected += 1
                    loaded.rejects.append(
                        RejectedRow(
                            kind: kind, file: name, line: rejection.line, reason: rejection.reason, raw: rejection.raw))
                }
            }
            try decoder.checkRequiredColumns(heldBy: reader)
            loaded.warnings += (reader.warnings + decoder.warnings).map { "\(name): \($0)" }
            try tap.drain()
        } catch {
            throw PadanError(error)
        }
        report.sha256 = digest.hex
        report.seconds = Double(RunProgress.now() - started) / 1e9
        onRows(kind, name, report.rows)
        onFile(kind, name, report.rows)
        return report
    }

    /// Rows read before the rest of a file's rows are estimated (its first 10 MB or so).
    static let sampleRows = 65_536

    /// Makes room for the rest of the kind's records at once (this file's and later files'), estimated from
    /// the share of the file the first rows took, plus 10%: grown by doubling instead, a table ends up to twice
    /// the size it needs, which at national scale is hundreds of megabytes. Later files are estimated by
    /// their bytes of text (a gzip file's uncompressed size), at this file's rows per byte of text.
    ///
    /// The share counts the bytes handed to the parser, up to half a megabyte ahead of the rows decoded (its
    /// buffer): at the first rows' 10 MB or so, an estimate up to 5% short. With 5% more, the national SKP table
    /// still fell 5,000 rows short at the end and was copied whole (150 MB) into a table an eighth larger. Room
    /// reserved and never written costs no memory: a table this large is a mapping of its own, whose pages are
    /// taken as they are first written.
    static func reserve(
        _ kind: InputKind, rows: Int, fraction: Double, content: Int, laterContent: Int, in batch: inout Batch
    ) {
        guard fraction > 0, fraction < 1, content > 0 else { return }
        let thisFile = Double(rows) / fraction * (1 - fraction)
        let laterFiles = Double(rows) / (fraction * Double(content)) * Double(laterContent)
        let more = Int((thisFile + laterFiles) * 1.10) + 1
        switch kind {
        case .dapodikPtk: batch.teachers.reserveCapacity(batch.teachers.count + more)
        case .dapodikSekolah: batch.schools.reserveCapacity(batch.schools.count + more)
        case .siasnPns: batch.employees.reserveCapacity(batch.employees.count + more)
        case .siasnUnor: batch.unors.reserveCapacity(batch.unors.count + more)
        case .unorNpsn: batch.crosswalk.reserveCapacity(batch.crosswalk.count + more)
        case .pmmSkp: batch.skp.reserveCapacity(batch.skp.count + more)
        }
    }

    /// A SHA-256 fed as the file is read.
    final class Digest {
        var hasher = SHA256()
        var hex: String { hasher.finalize().map { String(format: "%02x", $0) }.joined() }
    }

    /// Decodes one record into the batch; returns the reject when it cannot be typed.
    static func decode(_ record: TableRecord, kind: InputKind, decoder: RecordDecoder, into batch: inout Batch)
        -> RowReject?
    {
        func take<T>(_ result: Result<T, RowReject>, _ append: (T) -> Void) -> RowReject? {
            switch result {
            case .success(let value):
                append(value)
                return nil
            case .failure(let reject): return reject
            }
        }
        switch kind {
        case .dapodikPtk: return take(decoder.teacher(record)) { append($0, to: &batch.teachers) }
        case .dapodikSekolah: return take(decoder.school(record)) { append($0, to: &batch.schools) }
        case .siasnPns: return take(decoder.employee(record)) { append($0, to: &batch.employees) }
        case .siasnUnor: return take(decoder.unor(record)) { append($0, to: &batch.unors) }
        case .unorNpsn: return take(decoder.crosswalk(record)) { append($0, to: &batch.crosswalk) }
        case .pmmSkp: return take(decoder.skp(record)) { append($0, to: &batch.skp) }
        }
    }

    /// Appends to a table sized by ``reserve(_:rows:fraction:content:laterContent:in:)``; when the estimate
    /// falls short, the table grows by an eighth, not by doubling (an estimate 2% short had left the
    /// national SKP table with room for 3.2 million rows, 160 MB unused).
    @inline(__always)
    static func append<Record>(_ record: Record, to table: inout [Record]) {
        if table.count == table.capacity, table.count >= sampleRows {
            table.reserveCapacity(table.count + table.count / 8)
        }
        table.append(record)
    }

    /// A second school with one NPSN, a second unit with one id, a second SIASN person with one PNS ID:
    /// the later row is rejected, naming the first, so every row stays accounted for. Its raw text is read
    /// again from its file by `rawFrom` (records keep no raw text; duplicates are rare); without a source it
    /// stays empty.
    static func rejectDuplicates(_ loaded: inout LoadedInputs, rawFrom source: RawTextSource? = nil) {
        let batch = loaded.batch
        let found = Dictionary(uniqueKeysWithValues: InputKind.allCases.map { ($0, duplicates(of: $0, in: batch)) })
        rejectDuplicates(&loaded, found: found, rawFrom: source)
    }

    /// The rows of each kind that ``duplicates(of:in:)`` found, rejected in kind order (schools, units, SIASN
    /// people).
    static func rejectDuplicates(
        _ loaded: inout LoadedInputs, found: [InputKind: [(later: Int, first: Int)]], rawFrom source: RawTextSource?
    ) {
        reject(
            found[.dapodikSekolah] ?? [], in: &loaded.batch.schools, kind: .dapodikSekolah, what: "NPSN", key: \.npsn,
            raw: { source?.raw(of: $0, kind: .dapodikSekolah) { $1.school($0).map(\.npsn) } ?? [:] },
            rejects: &loaded.rejects, reports: &loaded.reports)
        reject(
            found[.siasnUnor] ?? [], in: &loaded.batch.unors, kind: .siasnUnor, what: "Id UNOR", key: \.id,
            raw: { source?.raw(of: $0, kind: .siasnUnor) { $1.unor($0).map(\.id) } ?? [:] },
            rejects: &loaded.rejects, reports: &loaded.reports)
        reject(
            found[.siasnPns] ?? [], in: &loaded.batch.employees, kind: .siasnPns, what: "pns_id", key: \.pnsId,
            raw: { source?.raw(of: $0, kind: .siasnPns) { $1.employee($0).map(\.pnsId) } ?? [:] },
            rejects: &loaded.rejects, reports: &loaded.reports)
    }

    /// The rows of `kind` in `batch` whose key (NPSN, unit id, PNS ID) an earlier row has, in order, each with
    /// that earlier row; none for the other kinds.
    static func duplicates(of kind: InputKind, in batch: Batch) -> [(later: Int, first: Int)] {
        switch kind {
        case .dapodikSekolah: laterDuplicates(batch.schools, key: \.npsn)
        case .siasnUnor: laterDuplicates(batch.unors, key: \.id)
        case .siasnPns: laterDuplicates(batch.employees, key: \.pnsId)
        case .dapodikPtk, .unorNpsn, .pmmSkp: []
        }
    }

    /// Positions of the rows whose key an earlier row has, each with that earlier row's; only the keys of part
    /// `part` of `parts` (by their hash), so that the parts may be found on several cores.
    static func laterDuplicates<T, K: Hashable>(_ items: [T], key: (T) -> K, part: Int = 0, of parts: Int = 1)
        -> [(later: Int, first: Int)]
    {
        items.withUnsafeBufferPointer { rows in
            var first = [K: Int](minimumCapacity: rows.count / parts)
            var found = [(later: Int, first: Int)]()
            for i in rows.indices {
                let k = key(rows[i])
                if parts > 1, Int(UInt(bitPattern: k.hashValue) % UInt(parts)) != part { continue }
                if let earlier = first.updateValue(i, forKey: k) {
                    first[k] = earlier
                    found.append((i, earlier))
                }
            }
            return found
        }
    }

    /// Rejects the later rows of `duplicates`, naming the first, with the raw text `raw` finds for them, and
    /// takes them out of `items` (in place: at national scale a copy of the SIASN table is over 300 MB at the
    /// read stage's peak).
    static func reject<T: HasSource, K: Hashable>(
        _ duplicates: [(later: Int, first: Int)], in items: inout [T], kind: InputKind, what: String, key: (T) -> K,
        raw: ([RawTextSource.Wanted<K>]) -> [RawTextSource.Wanted<K>: String],
        rejects: inout [RejectedRow], reports: inout [InputKind: InputReport]
    ) {
        guard let firstLater = duplicates.first?.later else { return }
        let wanted = duplicates.map { RawTextSource.wanted(items, at: $0.later, key: key) }
        let texts = raw(wanted)
        for ((later, first), row) in zip(duplicates, wanted) {
            let at = items[later].source
            rejects.append(
                RejectedRow(
                    kind: kind, file: at.file, line: at.line,
                    reason: "\(what) ganda (sudah ada di \(items[first].source))",
                    raw: texts[row] ?? ""))
            if var report = reports[kind], let f = report.files.firstIndex(where: { $0.path == at.file }) {
                report.files[f].rejected += 1
                reports[kind] = report
            }
        }
        var kept = firstLater
        var next = 0
        for i in firstLater..<items.count {
            if next < duplicates.count, duplicates[next].later == i {
                next += 1
            } else {
                items.swapAt(kept, i)
                kept += 1
            }
        }
        items.removeLast(items.count - kept)
    }
}

/// A record that knows its `file:line`.
protocol HasSource {
    var source: SourceLocation { get }
}

extension School: HasSource {}
extension Unor: HasSource {}
extension SiasnEmployee: HasSource {}
