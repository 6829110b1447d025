/// A person's name normalized for comparison (`rules.md` §1); reports show names as given.
public struct PersonName: Hashable, Sendable {
    /// Upper-case tokens without titles.
    public let tokens: [String]
    /// The tokens joined by single spaces (kept: candidate search compares one name with many).
    public let text: String

    static let leadingTitles: Set<String> = ["DR", "DRS", "DRA", "IR", "H", "HJ", "KH", "PROF", "DRG", "DRH"]

    /// Normalizes `Drs. H. Ahmad Fauzi, S.Pd., M.M.` to `AHMAD FAUZI`.
    public init(_ raw: String) {
        var text = raw.uppercased()
        if let comma = text.firstIndex(of: ",") { text = String(text[..<comma]) }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).map(String.init)
        // Leading titles, with or without dots, also glued (`DRS.H.`).
        while let first = words.first, words.count > 1 {
            let parts = first.split(separator: ".").map(String.init)
            guard !parts.isEmpty, parts.allSatisfy({ Self.leadingTitles.contains($0) }) else { break }
            words.removeFirst()
        }
        // Trailing title tokens: abbreviations with dots (`S.PD`, `S.PD.I`, `M.M.`, `A.MA`).
        while let last = words.last, words.count > 1, Self.isDottedAbbreviation(last) {
            words.removeLast()
        }
        var tokens = [String]()
        var current = ""
        for scalar in words.joined(separator: " ").unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "'" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        self.tokens = tokens
        self.text = tokens.joined(separator: " ")
    }

    static func isDottedAbbreviation(_ word: String) -> Bool {
        let groups = word.split(separator: ".", omittingEmptySubsequences: false)
        let letters = groups.filter { !$0.isEmpty }
        guard letters.count >= 2, groups.count >= 2 else { return false }
        return letters.allSatisfy { group in group.count <= 4 && group.allSatisfy { $0.isLetter } }
    }

    /// True when equal, when one's tokens are all in the other's, or Jaro-Winkler ≥ `threshold`.
    public func isSamePerson(as other: PersonName, threshold: Double) -> Bool {
        if tokens == other.tokens { return true }
        if tokens.isEmpty || other.tokens.isEmpty { return false }
        let (small, large) = tokens.count <= other.tokens.count ? (tokens, other.tokens) : (other.tokens, tokens)
        var pool = large
        var contained = true
        for token in small {
            if let index = pool.firstIndex(of: token) { pool.remove(at: index) } else { contained = false; break }
        }
        if contained { return true }
        return JaroWinkler.similarity(text, other.text) >= threshold
    }
}
