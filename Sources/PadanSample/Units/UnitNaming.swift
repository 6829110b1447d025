/// How SIASN writes a school's unit: prefixes, abbreviations, number styles, the region at the end
/// (once or twice), case, punctuation. Every form normalizes (`rules.md` section 1) to the school's
/// own name once the school's region is dropped; a form that would not is replaced by the plain name.
enum UnitNaming {
    private static let prefixes = [
        "UPT SATUAN PENDIDIKAN ", "UPTD SATUAN PENDIDIKAN ", "UPT ", "UPTD ", "UPT Satuan Pendidikan ",
        "UPTD Satuan Pendidikan ",
    ]
    private static let longLevels = ["SDLB", "SMPLB", "SMLB", "SD", "SMP", "SMA", "SMK", "SLB"]

    /// A unit name for a school named `name` in `region`; `suffix` forces the region at the end.
    static func name(
        for name: String, region: DapodikRegion, suffix: SuffixNeed, random: inout SampleRandom
    ) -> String {
        var text = name
        if random.chance(0.15) { text = restyleNumber(text, &random) }
        if random.chance(0.3) { text = restyleLevel(text, &random) }
        if random.chance(0.55) { text = random.pick(prefixes) + text }
        let wantsSuffix = suffix != .none || random.chance(0.22)
        if wantsSuffix {
            text += " " + regionSuffix(region, unambiguous: suffix == .unambiguous, &random)
        }
        if random.chance(0.12) { text = titleCased(text) }
        if random.chance(0.04) { text = text.replacingFirstSpace(with: " - ") }
        let ending = region.endings
        let want = SchoolName.droppingRegion(SchoolName.tokens(name), ending)
        let got = SchoolName.droppingRegion(SchoolName.tokens(text), ending)
        return got == want ? text : name
    }

    /// Whether the region must be written at the end of a unit name.
    enum SuffixNeed { case none, any, unambiguous }

    /// `JEMBER`, `KABUPATEN JEMBER`, `Kab. Jember`, or the region twice (`JEMBER KABUPATEN JEMBER`).
    static func regionSuffix(_ region: DapodikRegion, unambiguous: Bool, _ random: inout SampleRandom) -> String {
        let bare = region.bareName.uppercased()
        if region.isKota {
            return unambiguous || random.chance(0.5) ? "KOTA " + bare : bare
        }
        let forms =
            unambiguous
            ? ["KABUPATEN " + bare, "KAB. " + bare, "Kabupaten " + region.bareName, bare + " KABUPATEN " + bare]
            : [
                bare, bare, "KABUPATEN " + bare, "KAB " + bare, "Kabupaten " + region.bareName,
                bare + " KABUPATEN " + bare,
            ]
        return random.pick(forms)
    }

    /// `01` ↔ `1`, a number ↔ its Roman numeral.
    private static func restyleNumber(_ text: String, _ random: inout SampleRandom) -> String {
        var words = text.split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() {
            if word.allSatisfy(\.isASCIIDigit), let value = Int(word), value > 0 {
                if word.hasPrefix("0") {
                    words[index] = String(value)
                } else if value <= 20 && random.chance(0.4) {
                    words[index] = Golongan.romans[value - 1]
                } else if value < 10 {
                    words[index] = "0" + word
                }
                return words.joined(separator: " ")
            }
            if index > 0, let roman = Golongan.romans.firstIndex(of: word), roman > 0 || words.count > 2 {
                words[index] = String(roman + 1)
                return words.joined(separator: " ")
            }
        }
        return text
    }

    /// `SD NEGERI` ↔ `SDN` ↔ `SD N`.
    private static func restyleLevel(_ text: String, _ random: inout SampleRandom) -> String {
        for level in longLevels {
            if text.hasPrefix(level + " NEGERI ") {
                let rest = text.dropFirst(level.count + 8)
                return (random.chance(0.5) ? level + "N " : level + " N ") + rest
            }
            if text.hasPrefix(level + "N ") {
                return level + " NEGERI " + text.dropFirst(level.count + 2)
            }
        }
        return text
    }

    /// `Upt Sd Negeri Lojejer 01`: every word capitalized, the rest lower case.
    private static func titleCased(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard let first = word.first else { return "" }
            return String(first).uppercased() + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}

extension String {
    /// The first space replaced by `replacement` (punctuation inside a unit name).
    func replacingFirstSpace(with replacement: String) -> String {
        guard let space = firstIndex(of: " ") else { return self }
        return String(self[..<space]) + replacement + String(self[index(after: space)...])
    }
}
