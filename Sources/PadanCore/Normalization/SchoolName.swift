/// A school or unit name normalized for matching (`rules.md` §1).
///
/// `UPT SMK Negeri 01 Sepuluh Bangkalan` → tokens `SMK NEGERI 1 SEPULUH BANGKALAN`; with the school's
/// region dropped from the end, its parts are level `SMK`, status `NEGERI`, numbers `[1]`, places `[SEPULUH]`.
public struct SchoolName: Hashable, Sendable {
    public static let levels: Set<String> = ["SD", "SMP", "SMA", "SMK", "SLB", "SDLB", "SMPLB", "SMLB"]
    static let prefixes: [[String]] = [
        ["UPTD", "SATUAN", "PENDIDIKAN"], ["UPT", "SATUAN", "PENDIDIKAN"], ["SATUAN", "PENDIDIKAN"], ["UPTD"], ["UPT"],
    ]
    static let romanNumbers: [String: String] = {
        let romans = [
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
            "XVI", "XVII", "XVIII", "XIX", "XX",
        ]
        return Dictionary(uniqueKeysWithValues: romans.enumerated().map { ($1, String($0 + 1)) })
    }()

    /// All tokens after prefix removal, expansion and number normalization.
    public let tokens: [String]

    public init(_ raw: String) {
        var text = Substring(raw)
        while let first = text.first, first == "-" || first == " " || first == "\t" { text = text.dropFirst() }
        var words = NameTokens.split(String(text))
        var stripped = true
        while stripped {
            stripped = false
            for prefix in Self.prefixes where words.starts(with: prefix) && words.count > prefix.count {
                words.removeFirst(prefix.count)
                stripped = true
                break
            }
        }
        var out = [String]()
        out.reserveCapacity(words.count + 1)
        var i = 0
        while i < words.count {
            let word = words[i]
            if let (level, status) = Self.abbreviation(word) {
                out.append(level)
                out.append(status)
            } else if i + 1 < words.count, words[i + 1] == "N" || words[i + 1] == "S", Self.levels.contains(word) {
                out.append(word)
                out.append(words[i + 1] == "N" ? "NEGERI" : "SWASTA")
                i += 1
            } else if Self.isDigits(word) {
                let trimmed = word.drop { $0 == "0" }
                out.append(trimmed.isEmpty ? "0" : String(trimmed))
            } else if Self.mayBeRoman(word), let number = Self.romanNumbers[word] {
                out.append(number)
            } else {
                out.append(word)
            }
            i += 1
        }
        tokens = out
    }

    init(tokens: [String]) { self.tokens = tokens }

    /// `SDN` → (`SD`, `NEGERI`), `SMKS` → (`SMK`, `SWASTA`), …
    static func abbreviation(_ word: String) -> (String, String)? {
        // Bytes first: every level starts with `S` and has at most five letters (most words are neither).
        let bytes = word.utf8
        guard bytes.count >= 3, bytes.count <= 6, bytes.first == UInt8(ascii: "S"), let last = bytes.last,
            last == UInt8(ascii: "N") || last == UInt8(ascii: "S")
        else { return nil }
        let level = String(word.dropLast())
        guard levels.contains(level) else { return nil }
        return (level, last == UInt8(ascii: "N") ? "NEGERI" : "SWASTA")
    }

    /// True when `word` is ASCII digits only (as `Character`s: a grapheme scan made a token's test a tenth of
    /// normalizing a national unit tree).
    static func isDigits(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// True when `word` may be a roman number of `romanNumbers` (letters I, V and X only), before hashing it.
    static func mayBeRoman(_ word: String) -> Bool {
        word.utf8.count <= 5
            && word.utf8.allSatisfy { $0 == UInt8(ascii: "I") || $0 == UInt8(ascii: "V") || $0 == UInt8(ascii: "X") }
    }

    /// The tokens joined by single spaces.
    public var text: String { tokens.joined(separator: " ") }

    /// True when the name begins with a school level.
    public var isSchoolLike: Bool { tokens.first.map(Self.levels.contains) ?? false }

    /// True when the tokens end with `ending`.
    public func ends(with ending: [String]) -> Bool {
        !ending.isEmpty && tokens.count > ending.count && tokens.suffix(ending.count).elementsEqual(ending)
    }

    /// The name with the region's endings dropped from the end, repeatedly, the longest first.
    public func droppingRegion(_ region: Government) -> SchoolName { droppingRegion(endings: region.nameEndings) }

    /// The name with `endings` (a region's ``Government/nameEndings``) dropped from the end, as above.
    func droppingRegion(endings: [[String]]) -> SchoolName {
        var tokens = self.tokens
        var dropped = true
        while dropped {
            dropped = false
            for ending in endings where tokens.count > ending.count && tokens.suffix(ending.count).elementsEqual(ending)
            {
                tokens.removeLast(ending.count)
                dropped = true
                break
            }
        }
        return SchoolName(tokens: tokens)
    }

    /// The name's parts: level, status (when written), numbers in order, place tokens in order.
    public var parts: Parts {
        var level: String?
        var rest = tokens[...]
        if let first = rest.first, Self.levels.contains(first) {
            level = first
            rest = rest.dropFirst()
        }
        var status: String?
        var numbers = [String]()
        var places = [String]()
        for token in rest {
            if token == "NEGERI" || token == "SWASTA" {
                if status == nil { status = token }
            } else if Self.isDigits(token) {
                numbers.append(token)
            } else {
                places.append(token)
            }
        }
        return Parts(level: level, status: status, numbers: numbers, places: places)
    }

    /// A normalized name split into what matching compares.
    public struct Parts: Hashable, Sendable {
        // `Optional<…>` spelled out, as in ``DapodikTeacher``: `T?` made the initializer copy the whole value.
        public var level: Optional<String>
        public var status: Optional<String>
        public var numbers: [String]
        public var places: [String]

        /// Level and number tokens equal, and status where both write one.
        public func isCompatible(with other: Parts) -> Bool {
            guard level != nil, level == other.level, numbers == other.numbers else { return false }
            if let a = status, let b = other.status, a != b { return false }
            return true
        }

        /// Soft Dice coefficient of the place tokens (token pairs with Jaro-Winkler ≥ 0.90, greedy).
        public func score(against other: Parts) -> Double {
            SoftDice.score(places, other.places)
        }
    }
}

/// Soft Dice coefficient of two token lists.
public enum SoftDice {
    /// 2 × pairs ÷ (|a| + |b|), pairing tokens with Jaro-Winkler ≥ `tokenThreshold`, most similar first.
    public static func score(_ a: [String], _ b: [String], tokenThreshold: Double = 0.90) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        return 2 * Double(pairCount(a, b, tokenThreshold: tokenThreshold)) / Double(a.count + b.count)
    }

    /// How many pairs ``pairs(_:_:tokenThreshold:)`` makes, without making their texts: a school's score against
    /// each candidate of its block asks for nothing else.
    package static func pairCount(_ a: [String], _ b: [String], tokenThreshold: Double) -> Int {
        matched(a, b, tokenThreshold: tokenThreshold).count
    }

    /// The token pairs matched (for explaining a proposal): (a token, b token, similarity).
    public static func pairs(_ a: [String], _ b: [String], tokenThreshold: Double = 0.90) -> [(String, String, Double)]
    {
        matched(a, b, tokenThreshold: tokenThreshold).map { s, i, j in (a[i], b[j], s) }
    }

    /// The pairs of positions matched, most similar first (ties by position), each token in one pair at most:
    /// (similarity, position in `a`, position in `b`).
    private static func matched(_ a: [String], _ b: [String], tokenThreshold: Double) -> [(Double, Int, Int)] {
        var candidates = [(Double, Int, Int)]()
        for (i, x) in a.enumerated() {
            for (j, y) in b.enumerated() {
                let s = JaroWinkler.similarity(x, y)
                if Threshold.reaches(s, tokenThreshold) { candidates.append((s, i, j)) }
            }
        }
        if candidates.count <= 1 { return candidates }
        candidates.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        var usedA = [Bool](repeating: false, count: a.count), usedB = [Bool](repeating: false, count: b.count)
        var pairs = [(Double, Int, Int)]()
        for (s, i, j) in candidates where !usedA[i] && !usedB[j] {
            usedA[i] = true
            usedB[j] = true
            pairs.append((s, i, j))
        }
        return pairs
    }
}
