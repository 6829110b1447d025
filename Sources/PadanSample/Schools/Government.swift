/// A government whose SIASN tree holds schools: a kabupaten, a kota or a province.
struct Government: Sendable {
    enum Kind: Sendable { case kabupaten, kota, provinsi }

    var kind: Kind
    /// `Jember`, `Malang`, `Jawa Timur`.
    var bareName: String
    /// Dapodik's region code (`052400`, `050000`).
    var code: String
    /// For a kabupaten/kota: its index among the catalog's regions.
    var regionIndex: Int?

    /// The root unit's name, the form the pipeline file's `[[penilai]]` uses.
    var rootName: String {
        switch kind {
        case .kabupaten: return "Pemerintah Kab. " + bareName
        case .kota: return "Pemerintah Kota " + bareName
        case .provinsi: return "Pemerintah Provinsi " + bareName
        }
    }

    /// The other spelling SIASN uses for the same government (`Pemerintah Kabupaten Jember`).
    var alternateName: String {
        kind == .kabupaten ? "Pemerintah Kabupaten " + bareName : rootName
    }

    /// A government for a Dapodik region.
    static func of(_ region: DapodikRegion, index: Int) -> Government {
        Government(
            kind: region.isKota ? .kota : .kabupaten, bareName: region.bareName, code: region.code,
            regionIndex: index)
    }

    /// The province of a Dapodik region.
    static func province(of region: DapodikRegion) -> Government {
        var bare = region.provinceName
        for prefix in ["Prov. ", "PROV. ", "Provinsi "] where bare.hasPrefix(prefix) {
            bare = String(bare.dropFirst(prefix.count))
        }
        return Government(kind: .provinsi, bareName: bare, code: region.provinceCode, regionIndex: nil)
    }
}
