import Foundation
import PadanStore

/// Which input files differ from those the store's last run read, by their sha256 in that run's
/// `summary.json`: `padan explain` recomputes from the current inputs, and says so at the top when they
/// are no longer the ones the run's files (`disparities.csv`, escalation lists, `report.html`) came from.
struct InputChanges: Sendable, Equatable {
    var runId: String
    var asOf: String
    /// Files read by both whose content differs.
    var changed: [String] = []
    /// Files read now that the run did not read.
    var added: [String] = []
    /// Files the run read that are not read now.
    var removed: [String] = []

    /// Compares the current files (`path` → sha256) with the run's; nil when nothing changed, or without a
    /// run (or a summary that cannot be read) to compare with.
    init?(lastRun: StoredRun?, current: [String: String]) {
        guard let lastRun, let before = Self.files(summaryJSON: lastRun.summaryJSON) else { return nil }
        runId = lastRun.runID
        asOf = lastRun.asOf
        changed = current.keys.filter { before[$0] != nil && before[$0] != current[$0] }.sorted()
        added = current.keys.filter { before[$0] == nil }.sorted()
        removed = before.keys.filter { current[$0] == nil }.sorted()
        if changed.isEmpty && added.isEmpty && removed.isEmpty { return nil }
    }

    /// `path` → sha256 of every input file in a run's `summary.json`.
    static func files(summaryJSON: String) -> [String: String]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(summaryJSON.utf8)) as? [String: Any],
            let inputs = object["inputs"] as? [String: Any]
        else { return nil }
        var files = [String: String]()
        for case let input as [String: Any] in inputs.values {
            for case let file as [String: Any] in input["files"] as? [Any] ?? [] {
                if let path = file["path"] as? String, let sha = file["sha256"] as? String { files[path] = sha }
            }
        }
        return files
    }

    /// The notice printed above the explanation, in Bahasa Indonesia.
    var section: Explanation.Section {
        var lines = [
            "Penjelasan ini dihitung ulang dari input saat ini, yang BERBEDA dari input run \(runId) "
                + "(tanggal \(asOf)).",
            "Isinya bisa tidak sama dengan disparities.csv, daftar eskalasi dan report.html run itu.",
        ]
        lines += changed.map { "berubah sejak run itu: \($0)" }
        lines += added.map { "baru (tidak dibaca run itu): \($0)" }
        lines += removed.map { "tidak ada lagi (dibaca run itu): \($0)" }
        lines.append("Jalankan `padan run` lagi agar hasil run dan penjelasan ini sama.")
        return Explanation.Section(title: "PERHATIAN: input berubah sejak run \(runId)", lines: lines)
    }
}
