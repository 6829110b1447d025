/// School and unit names as `rules.md` section 1 normalizes them for matching.
package enum SchoolName {
    /// The levels a school-like name starts with.
    package static let levels: Set<String> = ["SD", "SMP", "SMA", "SMK", "SLB", "SDLB", "SMPLB", "SMLB"]
    private static let prefixes: [[String]] = [
        ["UPT", "SATUAN", "PENDIDIKAN"], ["UPTD", "SATUAN", "PENDIDIKAN"], ["SATUAN", "PENDIDIKAN"], ["UPT"], ["UPTD"],
    ]
    private static let negeriForms: [String: String] = [
        "SDN": "SD", "SMPN": "SMP", "SMAN": "SMA", "SMKN": "SMK", "SLBN": "SLB", "SDLBN": "SDLB", "SMPLBN": "SMPLB",
        "SMLBN": "SMLB",
    ]
    private static let swastaForms: [String: String] = [
        "SDS": "SD", "SMPS": "SMP", "SMAS": "SMA", "SMKS": "SMK", "SLBS": "SLB",
    ]

    /// Tokens of a name before any region is dropped: upper-case, depth marks and punctuation gone,
    /// prefixes dropped, abbreviations expanded, numbers without leading zeros, Roman numerals as numbers.
    package static func tokens(_ name: String) -> [String] {
        var raw = rawTokens(name)
        var dropped = true
        while dropped {
            dropped = false
            for prefix in prefixes where raw.starts(with: prefix) {
                raw.removeFirst(prefix.count)
                dropped = true
                break
            }
        }
        var result: [String] = []
        var index = 0
        while index < raw.count {
            let token = raw[index]
            if let level = negeriForms[token] {
                result += [level, "NEGERI"]
            } else if let level = swastaForms[token] {
                result += [level, "SWASTA"]
            } else if levels.contains(token), index + 1 < raw.count, raw[index + 1] == "N" || raw[index + 1] == "S" {
                result += [token, raw[index + 1] == "N" ? "NEGERI" : "SWASTA"]
                index += 1
            } else if token.allSatisfy(\.isASCIIDigit), let value = Int(token) {
                result.append(String(value))
            } else if let roman = Golongan.romans.firstIndex(of: token) {
                result.append(String(roman + 1))
            } else {
                result.append(token)
            }
            index += 1
        }
        return result
    }

    /// Upper-case runs of letters and digits (the leading `-` depth marks go with the punctuation).
    private static func rawTokens(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 128 }) {
            // ASCII, by far the usual case: bytes, no Unicode property lookups.
            var tokens: [String] = []
            var current: [UInt8] = []
            for var byte in name.utf8 {
                if byte >= 97 && byte <= 122 { byte -= 32 }
                if (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) {
                    current.append(byte)
                } else if !current.isEmpty {
                    tokens.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            return tokens
        }
        var cleaned = ""
        for character in name.uppercased() {
            cleaned.append(character.isLetter || character.isNumber ? character : " ")
        }
        return cleaned.split(separator: " ").map(String.init)
    }

    /// Plain upper-case tokens of a region's own name (`Jember`, `Kepulauan Seribu`).
    package static func plainTokens(_ text: String) -> [String] {
        var cleaned = ""
        for character in text.uppercased() {
            cleaned.append(character.isLetter || character.isNumber ? character : " ")
        }
        return cleaned.split(separator: " ").map(String.init)
    }

    /// `tokens` with the region's endings removed from the end, repeatedly, longest first.
    package static func droppingRegion(_ tokens: [String], _ endings: [[String]]) -> [String] {
        var result = tokens
        var dropped = true
        while dropped {
            dropped = false
            for ending in endings where result.count > ending.count && result.suffix(ending.count).elementsEqual(ending)
            {
                result.removeLast(ending.count)
                dropped = true
                break
            }
        }
        return result
    }

    /// Whether `tokens` ends with one of `endings`.
    package static func endsWithAny(_ tokens: [String], _ endings: [[String]]) -> Bool {
        endings.contains { tokens.count >= $0.count && tokens.suffix($0.count).elementsEqual($0) }
    }

    /// The parts of a school-like name; `nil` when it does not start with a level.
    package static func parse(_ tokens: [String]) -> Parsed? {
        guard let level = tokens.first, levels.contains(level) else { return nil }
        var rest = tokens.dropFirst()
        var status: String?
        if let first = rest.first, first == "NEGERI" || first == "SWASTA" {
            status = first
            rest = rest.dropFirst()
        }
        let numbers = rest.filter { $0.allSatisfy(\.isASCIIDigit) }
        let places = rest.filter { !$0.allSatisfy(\.isASCIIDigit) }
        return Parsed(level: level, status: status, numbers: Array(numbers), places: Array(places))
    }

    /// Level, status, numbers and place tokens of a school-like name.
    package struct Parsed: Equatable, Sendable {
        package var level: String
        package var status: String?
        package var numbers: [String]
        package var places: [String]

        /// Whether two names may match at all: same level and numbers, and status where both write one.
        package func isCompatible(with other: Parsed) -> Bool {
            level == other.level && numbers == other.numbers
                && (status == nil || other.status == nil || status == other.status)
        }
    }
}
