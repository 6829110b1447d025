/// A civil servant's grade: a PNS golongan (`III/a`) or a PPPK grade (`IX`).
package enum Golongan: Hashable, Sendable {
    /// `rank` 1…4 (I…IV), `step` 1…5 (a…e).
    case pns(rank: Int, step: Int)
    /// A PPPK grade 1…17 (I…XVII).
    case pppk(Int)

    static let romans = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
        "XVIII", "XIX", "XX",
    ]
    private static let letters = ["a", "b", "c", "d", "e"]

    /// The canonical text (`III/a`, `IX`), which is also what `rules.md` compares.
    package var canonical: String { written(.slashLower) }

    /// One notation of the grade, as the registers write it.
    package func written(_ notation: Notation) -> String {
        switch self {
        case .pppk(let grade):
            let roman = Golongan.romans[grade - 1]
            return notation == .lowerCase ? roman.lowercased() : roman
        case .pns(let rank, let step):
            let roman = Golongan.romans[rank - 1]
            let letter = Golongan.letters[step - 1]
            switch notation {
            case .slashLower, .lowerCase: return roman + "/" + letter
            case .slashUpper: return roman + "/" + letter.uppercased()
            case .joined: return roman + letter
            case .arabic: return String(rank) + letter
            case .arabicSlash: return String(rank) + "/" + letter
            case .siasnID: return String(rank) + String(step)
            }
        }
    }

    /// The next grade up (for planted disagreements): `III/c` → `III/d`, `IX` → `X`.
    package var oneUp: Golongan {
        switch self {
        case .pppk(let grade): return .pppk(grade < 17 ? grade + 1 : grade - 1)
        case .pns(let rank, let step):
            if step < 4 { return .pns(rank: rank, step: step + 1) }
            return rank < 4 ? .pns(rank: rank + 1, step: 1) : .pns(rank: rank, step: step - 1)
        }
    }

    /// Ways of writing a grade; `rules.md` treats them all as the same grade.
    package enum Notation: CaseIterable, Sendable {
        /// `III/a`
        case slashLower
        /// `III/A`
        case slashUpper
        /// `IIIa`
        case joined
        /// `3a`
        case arabic
        /// `3/a`
        case arabicSlash
        /// SIASN's id, `31`
        case siasnID
        /// PPPK grade in lower case, `ix`
        case lowerCase
    }
}
