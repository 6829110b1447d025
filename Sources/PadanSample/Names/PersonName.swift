/// Person names compared as `rules.md` section 1 compares them.
package enum PersonName {
    private static let leadingTitles: Set<String> = ["DR", "DRS", "DRA", "IR", "H", "HJ", "KH", "PROF", "DRG", "DRH"]

    /// Upper-case, without trailing titles (after the first comma, or dotted abbreviations at the end)
    /// and leading titles, letters, digits and apostrophes only, single spaces.
    package static func normalize(_ name: String) -> String {
        let beforeComma = name.uppercased().split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        var tokens = (beforeComma.first.map(String.init) ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        while tokens.count > 1, leadingTitles.contains(tokens[0].replacingDots()) {
            tokens.removeFirst()
        }
        while tokens.count > 1, let last = tokens.last, isDottedTitle(last) {
            tokens.removeLast()
        }
        var cleaned = ""
        for character in tokens.joined(separator: " ") {
            cleaned.append(character.isLetter || character.isNumber || character == "'" ? character : " ")
        }
        return cleaned.split(separator: " ").joined(separator: " ")
    }

    /// Whether two normalized names are the same person's name: equal, one's tokens all in the
    /// other's, or Jaro–Winkler at least `threshold`.
    package static func samePerson(_ a: String, _ b: String, threshold: Double = 0.90) -> Bool {
        if a == b { return true }
        let tokensA = Set(a.split(separator: " "))
        let tokensB = Set(b.split(separator: " "))
        if tokensA.isSubset(of: tokensB) || tokensB.isSubset(of: tokensA) { return true }
        return JaroWinkler.similarity(a, b) >= threshold - 1e-9  // float error forgiven, as Padan does
    }

    /// A token like `S.PD.`, `M.M`, `A.MA.`: letter groups joined by dots.
    private static func isDottedTitle(_ token: String) -> Bool {
        guard token.contains(".") else { return false }
        let groups = token.split(separator: ".", omittingEmptySubsequences: false)
        for (index, group) in groups.enumerated() {
            let isLast = index == groups.count - 1
            if group.isEmpty { return isLast && index > 0 }
            if group.count > 5 || !group.allSatisfy({ $0.isASCII && $0.isLetter }) { return false }
        }
        return true
    }
}

extension String {
    func replacingDots() -> String { String(filter { $0 != "." }) }
}
