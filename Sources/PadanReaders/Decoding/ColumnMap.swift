import PadanCore

/// Where each column of an input kind stands in one file's header.
package struct ColumnMap: Sendable {
    private var positions: [String: Int]

    /// Matches the header against the kind's columns; a missing required column throws (exit 65).
    /// When a header repeats a name, the first occurrence is read.
    package init(header: [String], kind: InputKind, file: String) throws(InputError) {
        var byKey = [String: Int]()
        for (i, name) in header.enumerated() where byKey[ColumnSpec.key(name)] == nil { byKey[ColumnSpec.key(name)] = i }
        var positions = [String: Int]()
        for column in kind.columns {
            let found = ([column.name] + column.aliases).lazy.compactMap { byKey[ColumnSpec.key($0)] }.first
            if let found {
                positions[column.name] = found
            } else if column.required {
                throw InputError(
                    .missingColumn, file: file, line: 1,
                    message: "kolom wajib '\(column.name)' tidak ada di baris judul (\(kind.rawValue))")
            }
        }
        self.positions = positions
    }

    /// The value of a column after the common reading rules: trimmed, a leading `'` dropped, and
    /// `null`, `NULL`, `-` and empty meaning no value.
    package func value(_ column: String, in fields: [String]) -> String? {
        guard let i = positions[column], i < fields.count else { return nil }
        return Self.clean(fields[i])
    }

    /// The first column this kind reads whose value in `fields` is longer than `limit` UTF-8 bytes, and its length.
    func overlong(in fields: [String], limit: Int) -> (column: String, bytes: Int)? {
        guard fields.contains(where: { $0.utf8.count > limit }) else { return nil }
        var found: (column: String, index: Int)?
        for (column, i) in positions where i < fields.count && fields[i].utf8.count > limit && i < (found?.index ?? .max) {
            found = (column, i)
        }
        return found.map { ($0.column, fields[$0.index].utf8.count) }
    }

    package static func clean(_ raw: String) -> String? {
        var text = raw.trimmingSpaces
        if text.hasPrefix("'") { text = String(text.dropFirst()).trimmingSpaces }
        if text.isEmpty || text == "-" || text == "null" || text == "NULL" { return nil }
        return text
    }
}
