/// The reading rules of `inputs.md` and `rules.md` that the truth applies to the rows as written:
/// an independent statement of what Padan must make of each value.
enum ValueReading {
    /// Trimmed, a leading `'` dropped; `null`, `NULL`, `-` and the empty string are no value.
    static func clean(_ value: String) -> String? {
        var text = value.trimmingSpaces()
        if text.hasPrefix("'") { text = String(text.dropFirst()).trimmingSpaces() }
        return ["", "null", "NULL", "-"].contains(text) ? nil : text
    }

    /// A date in one of the accepted formats; `.none` for `01-01-0001`, `.invalid` otherwise.
    enum DateReading: Equatable { case day(Day), none, invalid }

    static func date(_ value: String?) -> DateReading {
        guard let text = value else { return .none }
        let parts: [Int]
        var body = Substring(text)
        if body.count == 19, body.dropFirst(10).first == " " { body = body.prefix(10) }
        let dash = body.split(separator: "-", omittingEmptySubsequences: false)
        let slash = body.split(separator: "/", omittingEmptySubsequences: false)
        if dash.count == 3, dash[0].count == 4, dash[1].count == 2, dash[2].count == 2 {
            parts = dash.compactMap { Int($0) }
            guard parts.count == 3 else { return .invalid }
            return day(parts[0], parts[1], parts[2])
        }
        for pieces in [dash, slash]
        where pieces.count == 3 && pieces[0].count == 2 && pieces[1].count == 2 && pieces[2].count == 4 {
            let numbers = pieces.compactMap { Int($0) }
            guard numbers.count == 3 else { return .invalid }
            return day(numbers[2], numbers[1], numbers[0])
        }
        return .invalid
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> DateReading {
        if (year, month, day) == (1, 1, 1) { return .none }
        let result = Day(year, month, day)
        return result.isReal ? .day(result) : .invalid
    }

    /// `L`, `M`, `Laki-laki` → male; `P`, `F`, `Perempuan` → female.
    static func sex(_ value: String?) -> Sex? {
        switch value?.uppercased() {
        case "L", "M", "LAKI-LAKI": return .male
        case "P", "F", "PEREMPUAN": return .female
        default: return nil
        }
    }

    /// A grade in one canonical text (`III/A`, `PIX`), `nil` for none.
    static func golongan(_ value: String?) -> String? {
        guard let text = value?.uppercased().filter({ $0 != " " }) else { return nil }
        let romans = ["I", "II", "III", "IV"]
        let letters = ["A", "B", "C", "D", "E"]
        if text.count == 2, let rank = Int(String(text.prefix(1))), let step = Int(String(text.suffix(1))),
            (1...4).contains(rank), (1...5).contains(step)
        {
            return romans[rank - 1] + "/" + letters[step - 1]
        }
        let body = text.filter { $0 != "/" }
        if let letter = body.last.map(String.init), letters.contains(letter) {
            let rank = String(body.dropLast())
            if let index = romans.firstIndex(of: rank) { return romans[index] + "/" + letter }
            if let number = Int(rank), (1...4).contains(number) { return romans[number - 1] + "/" + letter }
        }
        if Golongan.romans.contains(text) { return "P" + text }
        return "?" + text
    }

    /// A government named as SIASN or the pipeline file names it (`Pemerintah Kabupaten X`).
    static func government(instansi: String?) -> String {
        let words = (instansi ?? "").split(separator: " ").map(String.init)
        guard words.count >= 3, words[0].lowercased() == "pemerintah" else { return "?" + (instansi ?? "") }
        return governmentKey(kind: words[1], name: words.dropFirst(2).joined(separator: " "))
    }

    /// A government named as Dapodik names a region (`Kab. X`, `Kota X`, `Prov. X`).
    static func government(region: String) -> String {
        let words = region.trimmingSpaces().split(separator: " ").map(String.init)
        guard words.count >= 2 else { return "?" + region }
        return governmentKey(kind: words[0], name: words.dropFirst().joined(separator: " "))
    }

    private static func governmentKey(kind: String, name: String) -> String {
        let lower = kind.lowercased()
        let prefix = lower.hasPrefix("kab") ? "KAB" : lower == "kota" ? "KOTA" : lower.hasPrefix("prov") ? "PROV" : "?"
        return prefix + ":" + SchoolName.plainTokens(name).joined(separator: " ")
    }

    /// `2024-S2` for every spelling of a period; `nil` when it is none.
    static func periode(_ value: String?) -> String? {
        guard let text = value?.trimmingSpaces() else { return nil }
        let upper = text.uppercased()
        for (prefix, semester) in [("JANUARI-JUNI ", 1), ("JULI-DESEMBER ", 2)] where upper.hasPrefix(prefix) {
            let year = upper.dropFirst(prefix.count)
            return year.count == 4 && year.allSatisfy(\.isASCIIDigit) ? "\(year)-S\(semester)" : nil
        }
        let parts = upper.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit) else { return nil }
        let semester = parts[1].hasPrefix("S") ? parts[1].dropFirst() : parts[1]
        return semester == "1" || semester == "2" ? "\(parts[0])-S\(semester)" : nil
    }

    /// `GURU`, `KEPALA_SEKOLAH`, `PLT_KEPALA_SEKOLAH` for their spellings; `nil` otherwise.
    static func peran(_ value: String?) -> String? {
        let text = (value ?? "").uppercased().filter { $0 != "." }.split(separator: " ").joined(separator: "_")
        return ["GURU", "KEPALA_SEKOLAH", "PLT_KEPALA_SEKOLAH"].contains(text) ? text : nil
    }

    /// Digits of a NIP as PMM or a key writes it (spaces, dots, dashes and `'` gone).
    static func nipDigits(_ value: String?) -> String? {
        guard let text = value else { return nil }
        var digits = text.filter { $0 != " " && $0 != "." && $0 != "-" }
        if digits.hasPrefix("'") { digits.removeFirst() }
        return digits.isEmpty ? nil : digits
    }
}
