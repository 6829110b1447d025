import Foundation
import PadanStore

/// `padan history`: the runs in the store, newest first, with their counts.
package struct RunHistory {
    package let pipeline: PipelineFile

    package init(pipeline: PipelineFile) { self.pipeline = pipeline }

    /// The last `count` committed runs (all when `nil`), newest first; empty when no run was recorded yet.
    /// Reads without taking the run's lock and never creates the store.
    package func runs(last count: Int?) throws(PadanError) -> [StoredRun] {
        guard FileManager.default.fileExists(atPath: pipeline.store) else { return [] }
        do {
            return try PadanDatabase(path: pipeline.store, access: .readOnly).runs(last: count)
        } catch {
            throw PadanError(.software, error.description)
        }
    }

    /// Column titles, in Bahasa Indonesia.
    static let header = [
        "Run", "Per tanggal", "Terbuka", "Baru", "Selesai", "Tertaut/ASN", "Siap kirim", "Delta", "Tertahan",
        "Dilewati",
    ]

    /// The table an operator reads; numbers right-aligned.
    package static func render(_ runs: [StoredRun], pipeline: PipelineFile) -> String {
        guard !runs.isEmpty else {
            return "Belum ada run tercatat untuk pipeline \(pipeline.name) (\(pipeline.store)).\n"
        }
        let rows = runs.map { run -> [String] in
            let c = run.counts
            return [
                run.runID, run.asOf, String(c.open), String(c.new), String(c.resolved), "\(c.linked)/\(c.dapodikASN)",
                String(c.eligible), String(c.delta), String(c.blocked), String(c.skipped),
            ]
        }
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i < 2 ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        var out = "Run tercatat untuk pipeline \(pipeline.name), terbaru di atas:\n\n"
        out += line(header) + "\n"
        out += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in rows { out += line(row) + "\n" }
        out += "\nTerbuka/Baru/Selesai: disparitas. Tertaut/ASN: guru ASN Dapodik tertaut lewat NIP dari seluruhnya. "
        out += "Siap kirim, Delta (baru dikirim), Tertahan, Dilewati: baris SKP.\n"
        return out
    }
}
