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
package struct InputLoader {
    package let pipeline: PipelineFile
    package let runDate: CalendarDate
    /// Called after each file with (kind, display path, rows so far of this file).
    package var onFile: (InputKind, String, Int) -> Void = { _, _, _ in }
    /// Called every few thousand rows and at the end of each file with (kind, display path, rows so far
    /// of this file), for progress.
    package var onRows: (InputKind, String, Int) -> Void = { _, _, _ in }

    package init(pipeline: PipelineFile, runDate: CalendarDate) {
        self.pipeline = pipeline
        self.runDate = runDate
    }

    package func load() throws(PadanError) -> LoadedInputs {
        var loaded = LoadedInputs()
        for kind in InputKind.allCases {
            guard let patterns = pipeline.inputs[kind] else { continue }
            let paths: [String]
            do {
                paths = try InputGlob.expand(patterns: patterns, relativeTo: pipeline.baseDirectory)
            } catch {
                throw PadanError(.data, "\(pipeline.path): input '\(kind.rawValue)': \(error.description)")
            }
            var report = InputReport(kind: kind)
            for path in paths {
                report.files.append(try read(kind: kind, path: path, into: &loaded))
            }
            loaded.reports[kind] = report
        }
        Self.rejectDuplicates(&loaded)
        return loaded
    }

    func display(_ path: String) -> String {
        let base = pipeline.baseDirectory.hasSuffix("/") ? pipeline.baseDirectory : pipeline.baseDirectory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    func read(kind: InputKind, path: String, into loaded: inout LoadedInputs) throws(PadanError) -> InputFileReport {
        let name = display(path)
        var report = InputFileReport(path: name, sha256: try Self.sha256(of: path, display: name))
        do {
            let reader = try InputFile.open(path: path, displayName: name)
            let decoder = try RecordDecoder(kind: kind, header: reader.header, file: name, runDate: runDate)
            while let event = try reader.next() {
                report.rows += 1
                if report.rows & 4095 == 0 { onRows(kind, name, report.rows) }
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
        } catch {
            throw PadanError(error)
        }
        onRows(kind, name, report.rows)
        onFile(kind, name, report.rows)
        return report
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

    static func sha256(of path: String, display: String) throws(PadanError) -> String {
        // Through FileByteSource, which refuses a folder, a missing file or a FIFO with its own reason
        // before anything waits on it (a FileHandle here blocked on a FIFO and said only "tidak dapat dibaca").
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        do {
            let source = try FileByteSource(path: path, displayName: display)
            while true {
                let count = try source.read(into: buffer)
                if count == 0 { break }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            }
        } catch {
            throw PadanError(error)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
