/// A person's name normalized for comparison (`rules.md` §1); reports show names as given.
public struct PersonName: Hashable, Sendable {
    /// Upper-case tokens without titles.
    public let tokens: [String]
    /// The tokens joined by single spaces (kept: candidate search compares one name with many).
    public let text: String

    static let leadingTitles: Set<String> = ["DR", "DRS", "DRA", "IR", "H", "HJ", "KH", "PROF", "DRG", "DRH"]
    /// Trailing titles of one abbreviation and a dot (`Gr.`, the certified teacher's, as in `S.Pd., Gr.`; `Lc.`;
    /// `Amd.`). Any other one-letter-group word with a dot is an initial (`Ahmad S.`) and stays.
    static let singleTitles: Set<String> = ["GR", "LC", "AMD"]

    /// Normalizes `Drs. H. Ahmad Fauzi, S.Pd., M.M.` to `AHMAD FAUZI`.
    public init(_ raw: String) {
        let tokens = Self.asciiTokens(raw) ?? Self.tokens(raw)
        self.tokens = tokens
        self.text = tokens.joined(separator: " ")
    }

    /// True when `a` and `b` are the same words in ASCII, letter case and runs of spaces or tabs aside, up to
    /// a first comma: then their tokens are equal whatever titles they hold (``asciiTokens(_:)`` reads only
    /// the upper-cased words before the comma), without building them. False proves nothing.
    ///
    /// Most linked pairs whose names differ as texts differ only so (`IRFAN PURNOMO`, `Irfan Purnomo`):
    /// building both names' tokens for them was half of `NAMA_BERBEDA`'s time nationally.
    public static func haveSameASCIIWords(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in b.withUTF8 { b in haveSameASCIIWords(a, b) } }
    }

    static func haveSameASCIIWords(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func isEnd(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool { k == p.count || p[k] == UInt8(ascii: ",") }
        func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
        var i = 0, j = 0
        while true {
            while i < a.count, isSpace(a[i]) { i += 1 }
            while j < b.count, isSpace(b[j]) { j += 1 }
            if isEnd(a, i) || isEnd(b, j) { return isEnd(a, i) && isEnd(b, j) }
            // One word of each, byte by byte, to the first space, comma or end of either.
            while !isEnd(a, i), !isSpace(a[i]), !isEnd(b, j), !isSpace(b[j]) {
                guard a[i] < 0x80, b[j] < 0x80, upper(a[i]) == upper(b[j]) else { return false }
                i += 1
                j += 1
            }
            let aWordEnds = isEnd(a, i) || isSpace(a[i]), bWordEnds = isEnd(b, j) || isSpace(b[j])
            guard aWordEnds, bWordEnds else { return false }
        }
    }

    /// Whether a word's parts between dots are leading titles: each one (`DRS.H.`), or all together (`K.H.`, the
    /// title `KH` with dots).
    static func isLeadingTitle(_ parts: [String]) -> Bool {
        parts.allSatisfy { leadingTitles.contains($0) } || leadingTitles.contains(parts.joined())
    }

    /// The steps of `rules.md` §1 on any text.
    static func tokens(_ raw: String) -> [String] {
        var text = raw.uppercased()
        if let comma = text.firstIndex(of: ",") { text = String(text[..<comma]) }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).map(String.init)
        // Leading titles, with or without dots, also glued (`DRS.H.`) or dotted letter by letter (`K.H.`).
        while let first = words.first, words.count > 1 {
            let parts = first.split(separator: ".").map(String.init)
            guard !parts.isEmpty, isLeadingTitle(parts) else { break }
            words.removeFirst()
        }
        // Trailing title tokens: abbreviations with dots (`S.PD`, `S.PD.I`, `M.M.`, `A.MA`).
        while let last = words.last, words.count > 1, isDottedAbbreviation(last) {
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
        return tokens
    }

    /// The same steps on bytes, for a name that is all ASCII (where every character is one byte and
    /// letters are `A`–`Z`): the rules compare 1.6 million linked pairs nationally, and the general path
    /// spent a quarter of the judging time looking up Unicode properties.
    static func asciiTokens(_ raw: String) -> [String]? {
        withASCIITokens(raw) { bytes, tokens in
            tokens.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// True when `a` and `b` are both ASCII names with the same tokens (``asciiTokens(_:)``), found without
    /// building them. False proves nothing.
    ///
    /// Linked pairs whose names differ only by titles (`Drs. Ahmad Fauzi, M.M.` in Dapodik, `AHMAD FAUZI` in
    /// SIASN, which keeps titles apart) built both names' tokens, a third of `NAMA_BERBEDA`'s time nationally.
    public static func haveSameASCIITokens(_ a: String, _ b: String) -> Bool {
        withASCIITokens(a) { aBytes, aTokens in
            withASCIITokens(b) { bBytes, bTokens in
                aTokens.count == bTokens.count
                    && zip(aTokens, bTokens).allSatisfy { aBytes[$0].elementsEqual(bBytes[$1]) }
            } ?? false
        } ?? false
    }

    /// `body` of the name's upper-cased bytes (up to a first comma) and its tokens' ranges in them, in stack
    /// memory; nil when a byte before the comma is not ASCII. The steps of ``tokens(_:)``: words split at spaces
    /// and tabs, leading titles and trailing dotted abbreviations dropped, then the runs of letters, digits and
    /// apostrophes of each word.
    static func withASCIITokens<R>(
        _ raw: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Range<Int>>) -> R
    ) -> R? {
        var raw = raw
        return raw.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { upper -> R? in
                var count = 0
                for byte in utf8 {
                    guard byte < 0x80 else { return nil }
                    if byte == UInt8(ascii: ",") { break }
                    upper[count] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                    count += 1
                }
                let bytes = UnsafeBufferPointer(rebasing: upper[..<count])
                // The words in the first half, the tokens in the second: either are at most one per two bytes.
                return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 2 * (count / 2 + 1)) { ranges in
                    withASCIITokens(
                        bytes, words: UnsafeMutableBufferPointer(rebasing: ranges[..<(count / 2 + 1)]),
                        tokens: UnsafeMutableBufferPointer(rebasing: ranges[(count / 2 + 1)...]), body)
                }
            }
        }
    }

    /// ``withASCIITokens(_:_:)`` on upper-cased ASCII `bytes`, with room for a range per two bytes in `words`
    /// and in `tokens`.
    private static func withASCIITokens<R>(
        _ bytes: UnsafeBufferPointer<UInt8>, words ranges: UnsafeMutableBufferPointer<Range<Int>>,
        tokens found: UnsafeMutableBufferPointer<Range<Int>>,
        _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Range<Int>>) -> R
    ) -> R {
        var words = 0
        var start: Int?
        for (i, byte) in bytes.enumerated() {
            if byte == 0x20 || byte == 0x09 {
                if let s = start {
                    ranges[words] = s..<i
                    words += 1
                }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let s = start {
            ranges[words] = s..<bytes.count
            words += 1
        }
        var first = 0, last = words - 1
        while last > first, isLeadingTitle(bytes, ranges[first]) { first += 1 }
        while last > first, isTrailingTitle(bytes, ranges[last]) { last -= 1 }
        var tokens = 0
        func isTokenByte(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "'")
        }
        if words > 0 {
            for w in first...last {
                let word = ranges[w]
                var from: Int?
                for i in word {
                    if isTokenByte(bytes[i]) {
                        if from == nil { from = i }
                    } else if let f = from {
                        found[tokens] = f..<i
                        tokens += 1
                        from = nil
                    }
                }
                if let f = from {
                    found[tokens] = f..<word.upperBound
                    tokens += 1
                }
            }
        }
        return body(bytes, UnsafeBufferPointer(rebasing: found[..<tokens]))
    }

    /// `body` of each of the word's parts between dots, empty ones included (`S.PD.` is `S`, `PD`, ``).
    private static func forEachDotPart(
        _ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, _ body: (Range<Int>) -> Void
    ) {
        var from = word.lowerBound
        for i in word where bytes[i] == UInt8(ascii: ".") {
            body(from..<i)
            from = i + 1
        }
        body(from..<word.upperBound)
    }

    /// ``isLeadingTitle(_:)`` of the word's non-empty parts between dots (false when there are none).
    private static func isLeadingTitle(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        var any = false, each = true
        forEachDotPart(bytes, word) { part in
            guard !part.isEmpty else { return }
            any = true
            if !leadingTitleBytes.contains(where: { $0.elementsEqual(bytes[part]) }) { each = false }
        }
        guard any else { return false }
        if each { return true }
        let joined = bytes[word].lazy.filter { $0 != UInt8(ascii: ".") }
        return leadingTitleBytes.contains { $0.elementsEqual(joined) }
    }

    /// ``isDottedAbbreviation(_:)`` of an upper-cased ASCII word.
    private static func isTrailingTitle(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        var groups = 0, letters = 0, short = true
        var firstGroup = word.lowerBound..<word.lowerBound, lastEmpty = false
        forEachDotPart(bytes, word) { group in
            if groups == 0 { firstGroup = group }
            groups += 1
            lastEmpty = group.isEmpty
            guard !group.isEmpty else { return }
            letters += 1
            if group.count > 4 || !bytes[group].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { short = false }
        }
        if groups == 2, letters == 1, lastEmpty {
            return singleTitleBytes.contains { $0.elementsEqual(bytes[firstGroup]) }
        }
        return letters >= 2 && groups >= 2 && short
    }

    private static let leadingTitleBytes = leadingTitles.map { Array($0.utf8) }
    private static let singleTitleBytes = singleTitles.map { Array($0.utf8) }

    static func isDottedAbbreviation(_ word: String) -> Bool {
        let groups = word.split(separator: ".", omittingEmptySubsequences: false)
        let letters = groups.filter { !$0.isEmpty }
        if groups.count == 2, letters.count == 1, groups[1].isEmpty { return singleTitles.contains(String(groups[0])) }
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
        return Threshold.reaches(JaroWinkler.similarity(text, other.text), threshold)
    }
}
