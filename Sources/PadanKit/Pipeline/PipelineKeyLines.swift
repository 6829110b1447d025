/// The line of each key a pipeline file writes, by its dotted name as the parser's messages write it
/// (`matching.name_threshold`, `penilai[2].nip`): TOMLKit gives a line only for a syntax error, and a
/// diagnostic about a key names `file:line` (`outputs.md`).
///
/// Read from the file's text line by line: `[table]` and `[[table]]` headers (the n-th `[[penilai]]` is
/// `penilai[n]`), then `key = …` or `"key" = …` under them, dotted keys as written. The first line of a name
/// wins. A key the file does not write (a missing one) has no line.
struct PipelineKeyLines {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var prefix = ""
        var tablesSeen = [String: Int]()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[[") {
                guard let name = Self.name(in: line.dropFirst(2), closing: "]") else { continue }
                tablesSeen[name, default: 0] += 1
                prefix = "\(name)[\(tablesSeen[name] ?? 1)]."
                note(name, index + 1)
            } else if line.hasPrefix("[") {
                guard let name = Self.name(in: line.dropFirst(), closing: "]") else { continue }
                prefix = name + "."
                note(name, index + 1)
            } else if let equals = line.firstIndex(of: "=") {
                var key = line[..<equals].trimmingCharacters(in: [" ", "\t"])
                if key.count >= 2, key.first == "\"", key.last == "\"" { key = String(key.dropFirst().dropLast()) }
                guard !key.isEmpty, !key.contains("#") else { continue }
                note(prefix + key, index + 1)
            }
        }
    }

    /// The line where `key` (its dotted name) is written, if the file writes it.
    func line(of key: String) -> Int? { lines[key] }

    private mutating func note(_ key: String, _ line: Int) {
        if lines[key] == nil { lines[key] = line }
    }

    /// The table name before `closing`, spaces around it dropped.
    private static func name(in text: Substring, closing: Character) -> String? {
        guard let end = text.firstIndex(of: closing) else { return nil }
        let name = text[..<end].trimmingCharacters(in: [" ", "\t"])
        return name.isEmpty ? nil : name
    }
}
