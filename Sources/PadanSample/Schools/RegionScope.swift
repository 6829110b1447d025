/// Which kabupaten/kota a generated region covers, and how many of their schools.
///
/// Small regions take part of one kabupaten (Kab. Jember) and a slice of its neighbour
/// (Kab. Lumajang: a second kabupaten of `dapodik_sekolah` is what gives "another region" its
/// meaning); from about 20,000 teachers on, whole kabupaten are taken in order (the rest of the
/// primary province, then the other provinces), up to the whole country.
package struct RegionScope: Sendable {
    /// Catalog region indices, primary first.
    package var regionIndices: [Int]
    /// How many schools to take from each region; `nil` means all of them.
    package var quota: [Int: Int]
    /// Schools wanted in all.
    package var targetSchools: Int

    static let primaryCode = "052400"
    static let secondaryCode = "052100"
    /// Dapodik rows per school, on average (about 3.0 million rows over 215,000 schools is 14; small
    /// regions are denser in planted cases and so carry fewer background rows per school).
    static let rowsPerSchool = 12

    /// The scope for a region of about `teachers` PTK rows.
    package static func choose(catalog: SchoolCatalog, teachers: Int) -> RegionScope {
        let order = orderedRegions(catalog)
        var counts = [Int](repeating: 0, count: catalog.regions.count)
        for school in catalog.schools { counts[school.regionIndex] += 1 }
        let target = max(48, teachers / rowsPerSchool)
        guard let primary = order.first else { return RegionScope(regionIndices: [], quota: [:], targetSchools: 0) }
        if target < counts[primary] {
            let secondary = order.count > 1 ? order[1] : primary
            let secondShare = max(6, target / 12)
            return RegionScope(
                regionIndices: secondary == primary ? [primary] : [primary, secondary],
                quota: [primary: target - secondShare, secondary: secondShare], targetSchools: target)
        }
        var chosen: [Int] = []
        var total = 0
        for index in order where total < target {
            chosen.append(index)
            total += counts[index]
        }
        return RegionScope(regionIndices: chosen, quota: [:], targetSchools: total)
    }

    /// Primary, secondary, the rest of the primary province by code, then the other provinces.
    private static func orderedRegions(_ catalog: SchoolCatalog) -> [Int] {
        let regions = catalog.regions
        let primary = regions.firstIndex { $0.code == primaryCode } ?? 0
        let secondary = regions.firstIndex { $0.code == secondaryCode }
        let province = regions.isEmpty ? "" : regions[primary].provinceCode
        let rest = regions.indices.filter { $0 != primary && $0 != secondary }.sorted {
            let a = regions[$0]
            let b = regions[$1]
            return (a.provinceCode == province ? 0 : 1, a.provinceCode, a.code)
                < (b.provinceCode == province ? 0 : 1, b.provinceCode, b.code)
        }
        return regions.isEmpty ? [] : [primary] + (secondary.map { [$0] } ?? []) + rest
    }
}
