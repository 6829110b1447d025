import Foundation
import PadanCore

/// Appends approved pairs to a crosswalk CSV atomically, keeping the previous file as a dated backup.
struct CrosswalkFileUpdate {
    let path: String
    let now: Date

    /// Returns the backup's path (nil when the crosswalk did not exist yet).
    func append(_ pairs: [(npsn: String, unorId: String)]) throws(PadanError) -> String? {
        let fm = FileManager.default
        var original = Data()
        if fm.fileExists(atPath: path) {
            guard let data = fm.contents(atPath: path) else { throw PadanError(.data, "\(path): tidak dapat dibaca") }
            original = data
        }
        guard original.first != 0x1f, !original.drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A }).starts(with: [0x3C]) else {
            throw PadanError(.data, "\(path): tabel pemadanan berbentuk XML atau .gz tidak dapat diperbarui otomatis; ubah menjadi CSV")
        }
        let text = String(decoding: original, as: UTF8.self)
        let firstLine = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let usedDelimiter = [";", "|", "\t", ","].max { a, b in
            firstLine.components(separatedBy: a).count < firstLine.components(separatedBy: b).count
        }.flatMap { firstLine.contains($0) ? $0 : nil } ?? ","
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var out = text
        if out.isEmpty { out = ["unor_id", "npsn", "keterangan"].joined(separator: usedDelimiter) + newline }
        if !out.hasSuffix("\n") { out += newline }
        let date = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(identifier: "UTC") ?? .current, formatOptions: [.withFullDate])
        for pair in pairs {
            let note = "Disetujui BKD melalui usulan pemadanan Padan \(date)"
            out += [pair.unorId.uppercased(), pair.npsn, note].joined(separator: usedDelimiter) + newline
        }
        var backup: String?
        let stamp = ISO8601DateFormatter.string(from: now, timeZone: TimeZone(identifier: "UTC") ?? .current, formatOptions: [.withYear, .withMonth, .withDay, .withTime])
            .replacingOccurrences(of: ":", with: "")
        if !original.isEmpty {
            let target = "\(path).\(stamp).bak"
            do {
                try? fm.removeItem(atPath: target)
                try fm.copyItem(atPath: path, toPath: target)
            } catch {
                throw PadanError(.cannotCreate, "\(target): cadangan tidak dapat ditulis: \(SystemErrorText.reason(error))")
            }
            backup = target
        }
        let temporary = "\(path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o640)
        guard fd >= 0 else { throw PadanError(.cannotCreate, "\(temporary): tidak dapat ditulis") }
        let bytes = Array(out.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        RunCrashPoint.reached("pemadanan-replace")
        guard written == bytes.count, synced == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw PadanError(.cannotCreate, "\(path): tabel pemadanan tidak dapat diganti")
        }
        return backup
    }
}
