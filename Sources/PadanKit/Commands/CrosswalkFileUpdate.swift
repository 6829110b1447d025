import Foundation
import PadanCore
import PadanReaders

/// Appends approved pairs to a crosswalk CSV atomically, keeping the previous file as a dated backup
/// (`unor_npsn.csv.20261123T021354.bak`, then `…T021354-2.bak` within the same second); no backup is overwritten.
///
/// The file's bytes are kept as they are and the new rows appended as bytes: nothing is decoded and encoded
/// again, so a Windows-1252 file stays Windows-1252 (the new rows are ASCII, the same bytes in both). Each
/// new row follows the file's own header order (columns are matched by name, as the reader matches them),
/// delimiter, quoting and line ends.
struct CrosswalkFileUpdate {
    let path: String
    let now: Date

    /// The new file written and synced beside the old one, and the backup made; ``replace()`` puts it in place.
    struct Prepared {
        let path: String
        let temporary: String
        /// The dated copy of the old file (nil when the crosswalk did not exist yet).
        let backup: String?

        /// Renames the new file over the old one (atomic).
        func replace() throws(PadanError) {
            RunCrashPoint.reached("pemadanan-replace")
            guard rename(temporary, path) == 0 else {
                let reason = SystemErrorText.reason(errno: errno)
                unlink(temporary)
                throw PadanError(.cannotCreate, "\(path): tabel pemadanan tidak dapat diganti: \(reason)")
            }
        }

        /// Nothing is applied: the new file and the backup are removed.
        func discard() {
            unlink(temporary)
            if let backup { unlink(backup) }
        }

        /// After ``replace()``, when what had to go with it failed: the old file back in its place.
        func restore() {
            if let backup {
                rename(backup, path)
            } else {
                unlink(path)
            }
        }
    }

    /// How the file writes its rows.
    struct Layout: Equatable {
        var delimiter: UInt8 = 0x2C
        /// The header's names, matched to the crosswalk's columns (`unor_id`, `npsn`, `keterangan`) by position.
        var columns: [String?] = ["unor_id", "npsn", "keterangan"]
        /// Every field quoted (the header is written so).
        var quoteAll = false
        var newline: [UInt8] = [0x0A]
    }

    /// Writes the old file's bytes with `pairs` appended under a temporary name, synced, and makes the backup.
    func prepare(_ pairs: [(npsn: String, unorId: String)]) throws(PadanError) -> Prepared {
        let fm = FileManager.default
        var original = [UInt8]()
        if fm.fileExists(atPath: path) {
            guard let data = fm.contents(atPath: path) else { throw PadanError(.data, "\(path): tidak dapat dibaca") }
            original = Array(data)
        }
        var out = original
        let layout: Layout
        if original.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            layout = Layout()
            out = Array(["unor_id", "npsn", "keterangan"].joined(separator: ",").utf8) + layout.newline
        } else {
            layout = try Self.layout(of: original, path: path)
            if let last = original.last, last != 0x0A && last != 0x0D { out += layout.newline }
        }
        let date = ISO8601DateFormatter.string(
            from: now, timeZone: TimeZone(identifier: "UTC") ?? .current, formatOptions: [.withFullDate])
        for pair in pairs {
            out += Self.row(
                [
                    "unor_id": pair.unorId.uppercased(), "npsn": pair.npsn,
                    "keterangan": "Disetujui BKD melalui usulan pemadanan Padan \(date)",
                ],
                layout: layout)
        }

        var backup: String?
        let stamp = ISO8601DateFormatter.string(
            from: now, timeZone: TimeZone(identifier: "UTC") ?? .current,
            formatOptions: [.withYear, .withMonth, .withDay, .withTime]
        ).replacingOccurrences(of: ":", with: "")
        if fm.fileExists(atPath: path) {
            // Named to the second: a second decision within it gets `-2`, `-3`, …, never the first one's backup.
            var target = "\(path).\(stamp).bak"
            var n = 2
            while fm.fileExists(atPath: target) {
                target = "\(path).\(stamp)-\(n).bak"
                n += 1
            }
            do {
                try fm.copyItem(atPath: path, toPath: target)
            } catch {
                throw PadanError(
                    .cannotCreate, "\(target): cadangan tidak dapat ditulis: \(SystemErrorText.reason(error))")
            }
            backup = target
        }
        let temporary = "\(path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o640)
        guard fd >= 0 else {
            if let backup { unlink(backup) }
            throw PadanError(
                .cannotCreate, "\(temporary): tidak dapat ditulis: \(SystemErrorText.reason(errno: errno))")
        }
        let written = out.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == out.count, synced == 0 else {
            unlink(temporary)
            if let backup { unlink(backup) }
            throw PadanError(.cannotCreate, "\(temporary): tidak dapat ditulis")
        }
        return Prepared(path: path, temporary: temporary, backup: backup)
    }

    /// The layout of an existing crosswalk file: its header read as the run reads it.
    static func layout(of bytes: [UInt8], path: String) throws(PadanError) -> Layout {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard bytes.first != 0x1F, !InputFile.isMarkup(path: path) else {
            throw PadanError(
                .data,
                "\(path): tabel pemadanan berbentuk XML atau .gz tidak dapat diperbarui otomatis; ubah menjadi CSV")
        }
        let reader: CSVTableReader
        do {
            reader = try CSVTableReader(source: FileByteSource(path: path), file: path)
        } catch {
            throw PadanError(error)
        }
        var layout = Layout()
        layout.delimiter = reader.delimiter
        var taken = Set<String>()
        let columns = InputKind.unorNpsn.columns
        layout.columns = reader.header.map { name in
            let key = ColumnSpec.key(name)
            // The first occurrence of a name is the one read (a repeated header name is left empty).
            guard let column = columns.first(where: { ([$0.name] + $0.aliases).map(ColumnSpec.key).contains(key) }),
                taken.insert(column.name).inserted
            else { return nil }
            return column.name
        }
        let firstLine = body.drop { [0x0A, 0x0D].contains($0) }
        layout.quoteAll = firstLine.first == 0x22
        if let lf = body.firstIndex(of: 0x0A) {
            layout.newline = lf > body.startIndex && body[lf - 1] == 0x0D ? [0x0D, 0x0A] : [0x0A]
        } else if body.contains(0x0D) {
            layout.newline = [0x0D]
        }
        return layout
    }

    /// One row in `layout`: each column's value by name, other columns empty, RFC 4180 quoting where needed
    /// (or everywhere, if the file quotes everything).
    static func row(_ values: [String: String], layout: Layout) -> [UInt8] {
        var out = [UInt8]()
        for (i, column) in layout.columns.enumerated() {
            if i > 0 { out.append(layout.delimiter) }
            let value = Array((column.flatMap { values[$0] } ?? "").utf8)
            let needsQuotes =
                layout.quoteAll || value.contains { $0 == layout.delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else {
                out += value
                continue
            }
            out.append(0x22)
            for byte in value {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        }
        return out + layout.newline
    }
}
