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
    /// Notes about whole files (encoding fallbacks), Bahasa Indonesia.
    package var warnings: [String] = []
}

/// The read stage: every file of every input kind, decoded into typed records, rejects collected.
///
/// The kinds are read side by side on every core, the largest first, each kind's files in order by one
/// thread; the results are put together in kind and file order, so nothing depends on which finished
/// first. Each file's SHA-256 is computed from the bytes as the parser reads them.
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

    /// One kind's files, and what reading them gave.
    struct KindLoad: Sendable {
        var kind: InputKind
        var paths: [String]
        var loaded = LoadedInputs()
        var report: InputReport
        /// The first failure, in file order; later files of the kind are not read.
        var failure: PadanError?
    }

    package func load() throws(PadanError) -> LoadedInputs {
        var jobs = [KindLoad]()
        var globFailure: (kind: InputKind, error: PadanError)?
        for kind in InputKind.allCases {
            guard let patterns = pipeline.inputs[kind] else { continue }
            do {
                let paths = try InputGlob.expand(patterns: patterns, relativeTo: pipeline.baseDirectory)
                jobs.append(KindLoad(kind: kind, paths: paths, report: InputReport(kind: kind)))
            } catch {
                // Kinds before this one are still read: one of their files may fail first, as it did
                // when reading kind after kind.
                globFailure = (kind, PadanError(.data, "\(pipeline.path): input '\(kind.rawValue)': \(error.description)"))
                break
            }
        }
        // Largest kinds first, so the last to start is a small one.
        let order = jobs.indices.sorted { Self.size(jobs[$0].paths) > Self.size(jobs[$1].paths) }
        let pending = jobs
        let done = ParallelWork.map(order.count) { i in read(pending[order[i]]) }
        for (i, job) in zip(order, done) { jobs[i] = job }

        var loaded = LoadedInputs()
        for job in jobs {
            if let failure = job.failure { throw failure }
            loaded.reports[job.kind] = job.report
            loaded.rejects += job.loaded.rejects
            loaded.warnings += job.loaded.warnings
            switch job.kind {
            case .dapodikPtk: loaded.batch.teachers = job.loaded.batch.teachers
            case .dapodikSekolah: loaded.batch.schools = job.loaded.batch.schools
            case .siasnPns: loaded.batch.employees = job.loaded.batch.employees
            case .siasnUnor: loaded.batch.unors = job.loaded.batch.unors
            case .unorNpsn: loaded.batch.crosswalk = job.loaded.batch.crosswalk
            case .pmmSkp: loaded.batch.skp = job.loaded.batch.skp
            }
        }
        if let globFailure { throw globFailure.error }
        Self.rejectDuplicates(&loaded)
        return loaded
    }

    /// Reads one kind's files in order, until the first that fails.
    func read(_ job: KindLoad) -> KindLoad {
        var job = job
        for (i, path) in job.paths.enumerated() {
            do throws(PadanError) {
                let later = Self.size(Array(job.paths[(i + 1)...]))
                job.report.files.append(try read(kind: job.kind, path: path, laterBytes: later, into: &job.loaded))
            } catch {
                job.failure = error
                break
            }
        }
        return job
    }

    /// Bytes on disk of `paths` (unreadable ones count as nothing).
    static func size(_ paths: [String]) -> Int {
        paths.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
    }

    func display(_ path: String) -> String {
        let base = pipeline.baseDirectory.hasSuffix("/") ? pipeline.baseDirectory : pipeline.baseDirectory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Reads one file; `laterBytes` (the size of the kind's files still to come) sizes the kind's table.
    func read(kind: InputKind, path: String, laterBytes: Int = 0, into loaded: inout LoadedInputs) throws(PadanError)
        -> InputFileReport
    {
        let name = display(path)
        let digest = Digest()
        var report = InputFileReport(path: name, sha256: "")
        do {
            let tap = ByteTap { digest.hasher.update(bufferPointer: $0) }
            let reader = try InputFile.open(path: path, displayName: name, tap: tap)
            let decoder = try RecordDecoder(kind: kind, header: reader.header, file: name, runDate: runDate)
            let fileSize = Self.size([path])
            while let event = try reader.next() {
                report.rows += 1
                if report.rows & 4095 == 0 { onRows(kind, name, report.rows) }
                if report.rows == Self.sampleRows {
                    Self.reserve(kind, rows: report.rows, of: fileSize + laterBytes, after: tap.count, in: &loaded.batch)
                }
                let rejection: RowReject?
                switch event {
                case .reject(let reject): rejection = reject
                case .record(let record): rejection = Self.decode(record, kind: kind, decoder: decoder, into: &loaded.batch)
                }
                if let rejection {
                    report.rejected += 1
                    loaded.rejects.append(
                        RejectedRow(kind: kind, file: name, line: rejection.line, reason: rejection.reason, raw: rejection.raw))
                }
            }
            loaded.warnings += reader.warnings.map { "\(name): \($0)" }
            try tap.drain()
        } catch {
            throw PadanError(error)
        }
        report.sha256 = digest.hex
        onRows(kind, name, report.rows)
        onFile(kind, name, report.rows)
        return report
    }

    /// Rows read before the rest of a file's rows are estimated (its first 10 MB or so).
    static let sampleRows = 65_536

    /// Makes room for the rest of the kind's records at once (this file's and later files'), estimated from
    /// the bytes the first rows took, plus 5%: grown by doubling instead, a table ends up to twice the size
    /// it needs, which at national scale is hundreds of megabytes.
    static func reserve(_ kind: InputKind, rows: Int, of fileSize: Int, after bytes: Int, in batch: inout Batch) {
        guard bytes > 0, fileSize > bytes else { return }
        let more = Int(Double(rows) * Double(fileSize - bytes) / Double(bytes) * 1.05) + 1
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
    static func decode(_ record: TableRecord, kind: InputKind, decoder: RecordDecoder, into batch: inout Batch) -> RowReject? {
        func take<T>(_ result: Result<T, RowReject>, _ append: (T) -> Void) -> RowReject? {
            switch result {
            case .success(let value):
                append(value)
                return nil
            case .failure(let reject): return reject
            }
        }
        switch kind {
        case .dapodikPtk: return take(decoder.teacher(record)) { batch.teachers.append($0) }
        case .dapodikSekolah: return take(decoder.school(record)) { batch.schools.append($0) }
        case .siasnPns: return take(decoder.employee(record)) { batch.employees.append($0) }
        case .siasnUnor: return take(decoder.unor(record)) { batch.unors.append($0) }
        case .unorNpsn: return take(decoder.crosswalk(record)) { batch.crosswalk.append($0) }
        case .pmmSkp: return take(decoder.skp(record)) { batch.skp.append($0) }
        }
    }

    /// A second school with one NPSN, a second unit with one id, a second SIASN person with one PNS ID:
    /// the later row is rejected, naming the first, so every row stays accounted for.
    static func rejectDuplicates(_ loaded: inout LoadedInputs) {
        func dedupe<T, K: Hashable>(_ items: inout [T], kind: InputKind, key: (T) -> K, source: (T) -> SourceLocation, what: String) {
            var first = [K: SourceLocation]()
            var kept = [T]()
            kept.reserveCapacity(items.count)
            for item in items {
                if let earlier = first[key(item)] {
                    let at = source(item)
                    loaded.rejects.append(
                        RejectedRow(kind: kind, file: at.file, line: at.line, reason: "\(what) ganda (sudah ada di \(earlier))", raw: ""))
                    if var report = loaded.reports[kind], let f = report.files.firstIndex(where: { $0.path == at.file }) {
                        report.files[f].rejected += 1
                        loaded.reports[kind] = report
                    }
                } else {
                    first[key(item)] = source(item)
                    kept.append(item)
                }
            }
            items = kept
        }
        dedupe(&loaded.batch.schools, kind: .dapodikSekolah, key: \.npsn, source: \.source, what: "NPSN")
        dedupe(&loaded.batch.unors, kind: .siasnUnor, key: \.id, source: \.source, what: "Id UNOR")
        dedupe(&loaded.batch.employees, kind: .siasnPns, key: \.pnsId, source: \.source, what: "pns_id")
    }
}
