import PadanCore
import PadanReaders

/// The raw text of a few records, read again from their files: for rows rejected after reading (a
/// duplicate key), whose records keep no raw text. Keeping it for every row would not fit a national run
/// (6.6 million rows); duplicates are rare, so their files are read a second time instead.
struct RawTextSource: Sendable {
    /// Each file's path by the name the run shows for it (a record's `source.file`).
    let paths: [String: String]
    let runDate: CalendarDate

    /// One record to find: its file and line, its key, and how many records with that key start on that
    /// line of that file before it (several XML records may share a line).
    struct Wanted<Key: Hashable>: Hashable {
        var file: String
        var line: Int
        var key: Key
        var ordinal: Int
    }

    /// What identifies `items[index]` in its file.
    static func wanted<T: HasSource, K: Hashable>(_ items: [T], at index: Int, key: (T) -> K) -> Wanted<K> {
        let at = items[index].source
        let own = key(items[index])
        var ordinal = 0
        // The records read before it from the same line of the same file stand right before it.
        var i = index - 1
        while i >= 0, items[i].source.line == at.line, items[i].source.file == at.file {
            if key(items[i]) == own { ordinal += 1 }
            i -= 1
        }
        return Wanted(file: at.file, line: at.line, key: own, ordinal: ordinal)
    }

    /// The raw text of each of `wanted`, read from files of `kind`; `key` decodes a record's key (a record
    /// that does not decode was a reject, never a duplicate). A file that can no longer be read, or no
    /// longer holds the record, leaves it out.
    func raw<K: Hashable>(
        of wanted: [Wanted<K>], kind: InputKind, key: (TableRecord, RecordDecoder) -> Result<K, RowReject>
    ) -> [Wanted<K>: String] {
        var found = [Wanted<K>: String]()
        for (file, rows) in Dictionary(grouping: wanted, by: \.file) {
            guard let path = paths[file] else { continue }
            let lines = Set(rows.map(\.line))
            let targets = Set(rows)
            var remaining = targets.count
            var seen = [Wanted<K>: Int]()
            do throws(InputError) {
                let reader = try InputFile.open(path: path, displayName: file, columns: kind.columnGroups)
                let decoder = try RecordDecoder(kind: kind, header: reader.header, file: file, runDate: runDate)
                while remaining > 0, let event = try reader.next() {
                    guard case .record(let record) = event, lines.contains(record.line),
                        case .success(let k) = key(record, decoder)
                    else { continue }
                    var target = Wanted(file: file, line: record.line, key: k, ordinal: 0)
                    target.ordinal = seen[target, default: 0]
                    seen[Wanted(file: file, line: record.line, key: k, ordinal: 0)] = target.ordinal + 1
                    if targets.contains(target), found[target] == nil {
                        found[target] = record.raw
                        remaining -= 1
                    }
                }
            } catch {
                continue  // changed or gone since it was read: those rows keep an empty raw text
            }
        }
        return found
    }
}
