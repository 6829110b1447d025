import Foundation
import PadanCore
import PadanReaders

/// `padan check`: reads every input and says what it would reject and why, writing nothing.
package struct PipelineCheck {
    package let pipeline: PipelineFile

    package init(pipeline: PipelineFile) { self.pipeline = pipeline }

    /// Reads everything; a fatal input problem throws (exit 65).
    package func run(asOf: CalendarDate) throws(PadanError) -> LoadedInputs {
        try InputLoader(pipeline: pipeline, runDate: asOf).load()
    }

    /// The report a BKD operator reads: per input its files, rows read, rows rejected, each reject.
    package static func render(_ loaded: LoadedInputs, pipeline: PipelineFile) -> String {
        var out = "Pemeriksaan pipeline \(pipeline.name) (\(pipeline.path))\n"
        for kind in InputKind.allCases {
            guard let report = loaded.reports[kind] else {
                out += "\n\(kind.rawValue): tidak dipakai\n"
                continue
            }
            out +=
                "\n\(kind.rawValue): \(report.files.count) berkas, \(report.rows) baris dibaca, \(report.rejected) ditolak\n"
            for file in report.files {
                out += "  \(file.path): \(file.rows) baris, \(file.rejected) ditolak\n"
            }
            for reject in loaded.rejects where reject.kind == kind {
                out += "    \(reject.file):\(reject.line): \(reject.reason)\n"
            }
        }
        for warning in loaded.warnings { out += "\nperingatan: \(warning)\n" }
        let total = loaded.rejects.count
        out +=
            "\n"
            + (total == 0
                ? "Semua baris terbaca.\n"
                : "\(total) baris akan ditolak (masuk rejects.csv); proses tetap berjalan.\n")
        return out
    }
}
