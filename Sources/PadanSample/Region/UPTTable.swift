/// The region's `[[upt]]` table: a UPT for the primary kabupaten, then one per province (the
/// ministry's Balai Guru Penggerak), each by the prefix of the Dapodik region code.
package struct UPTEntry: Sendable {
    package var name: String
    package var prefixes: [String]

    /// `outputs.md`: lower-cased, non-alphanumerics as `-`.
    package var slug: String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// The table for a plan.
    static func table(for plan: RegionPlan) -> [UPTEntry] {
        var entries: [UPTEntry] = []
        if let primary = plan.regionIndices.first, plan.regionIndices.count <= 4 {
            let region = plan.catalogRegions[primary]
            entries.append(UPTEntry(name: "BGP " + region.bareName, prefixes: [String(region.code.prefix(4))]))
        }
        var seen = Set<String>()
        for index in plan.regionIndices {
            let region = plan.catalogRegions[index]
            guard seen.insert(region.provinceCode).inserted else { continue }
            let province = Government.province(of: region).bareName.filter { $0 != "." }
            entries.append(UPTEntry(name: "BGP " + province, prefixes: [String(region.provinceCode.prefix(2))]))
        }
        return entries
    }
}
