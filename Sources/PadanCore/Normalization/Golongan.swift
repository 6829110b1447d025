/// A civil-servant rank: a PNS golongan (`III/a`) or a PPPK grade (`IX`), in canonical form.
public struct Golongan: Hashable, Sendable, CustomStringConvertible {
    /// `I/a` … `IV/e`, or an upper-case Roman PPPK grade, or the upper-cased text when unrecognized.
    public let canonical: String
    public var description: String { canonical }

    static let romans = ["I", "II", "III", "IV"]

    /// Reads `III/a`, `III/A`, `IIIa`, `3a`, `3/a`, SIASN ids `11`…`45`, PPPK grades (`ix`); nil for no value.
    public init?(reading text: String?) {
        guard let raw = text?.trimmingSpaces, !raw.isEmpty, raw != "-" else { return nil }
        let compact = raw.uppercased().filter { $0 != " " && $0 != "/" && $0 != "." && $0 != "-" }
        guard !compact.isEmpty else { return nil }
        if let last = compact.last, "ABCDE".contains(last) {
            let head = String(compact.dropLast())
            if let index = Self.romans.firstIndex(of: head) {
                canonical = "\(Self.romans[index])/\(last.lowercased())"
                return
            }
            if let n = Int(head), (1...4).contains(n) {
                canonical = "\(Self.romans[n - 1])/\(last.lowercased())"
                return
            }
        }
        if compact.count == 2, let n = Int(compact), (1...4).contains(n / 10), (1...5).contains(n % 10) {
            let letter = ["a", "b", "c", "d", "e"][n % 10 - 1]
            canonical = "\(Self.romans[n / 10 - 1])/\(letter)"
            return
        }
        canonical = compact
    }
}
