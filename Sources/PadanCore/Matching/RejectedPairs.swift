/// NPSN ↔ unit pairs the BKD rejected (`TOLAK` in `padan pemadanan`, kept in the store): a rejected pair is
/// not proposed again (`usulan_pemadanan.csv`) nor suggested (`NPSN_BELUM_PADAN`).
public struct RejectedPairs: Sendable {
    private var pairs: Set<[String]> = []

    public init() {}

    /// - Parameter pairs: (NPSN, unit id) as stored; ids compare case-insensitively, dashed or not.
    public init(_ pairs: some Sequence<(npsn: String, unitID: String)>) {
        for pair in pairs { self.pairs.insert([pair.npsn, SiasnID(pair.unitID)?.key ?? pair.unitID.lowercased()]) }
    }

    public var isEmpty: Bool { pairs.isEmpty }

    /// True when the BKD rejected pairing school `npsn` with unit `unit`.
    public func contains(_ npsn: NPSN, _ unit: SiasnID) -> Bool {
        !pairs.isEmpty && pairs.contains([npsn.text, unit.key])
    }
}
