/// The UPT of a disparity that has a government but no school of its own: a SIASN teacher missing from Dapodik
/// who sits in a Dinas unit, a unit the crosswalk pairs with schools Dapodik does not list.
///
/// A UPT's area is a set of Dapodik region-code prefixes (pipeline.md), so a government's area is read off its
/// schools: the prefix their region codes share (`0506` for the schools of Kab. Tuban), routed as a school with
/// that code would be. Without a `[[upt]]` table, the province of its schools. A government Dapodik lists no
/// school of, or whose schools share no prefix a UPT lists, gets no UPT here (the `"*"` UPT, if any, takes it).
package struct AreaUpts: Sendable {
    private struct Area: Sendable {
        /// The region code prefix every school of the area shares (nil: none has a code yet).
        var prefix: String?
        /// The province, as its schools write it.
        var provinsi: String
    }

    private var areas: [Government: Area] = [:]
    private let settings: ReconciliationSettings

    /// The areas of every kabupaten/kota and province that `schools` lie in.
    init(schools: [School], settings: ReconciliationSettings) {
        self.settings = settings
        var provinces = [String: Government?]()
        // By index: a copy of each school retained all its texts.
        for i in schools.indices {
            let code = schools[i].kodeWilayah, provinsi = schools[i].provinsi
            if let local = schools[i].localGovernment { note(local, code: code, provinsi: provinsi) }
            let province: Government?
            if let known = provinces[provinsi] {
                province = known
            } else {
                province = Government(reading: provinsi)
                provinces[provinsi] = province
            }
            if let province { note(province, code: code, provinsi: provinsi) }
        }
    }

    private mutating func note(_ government: Government, code: String, provinsi: String) {
        guard var area = areas[government] else {
            areas[government] = Area(prefix: code.isEmpty ? nil : code, provinsi: provinsi)
            return
        }
        guard !code.isEmpty else { return }
        if let prefix = area.prefix {
            let shared = zip(prefix.utf8, code.utf8).prefix { $0 == $1 }.count
            if shared == prefix.utf8.count { return }
            area.prefix = String(decoding: prefix.utf8.prefix(shared), as: UTF8.self)
        } else {
            area.prefix = code
        }
        areas[government] = area
    }

    /// The UPT whose escalation list receives a disparity in `government`'s area; empty when none is known.
    func upt(of government: Government) -> String {
        guard let area = areas[government] else { return "" }
        if settings.upts.isEmpty { return area.provinsi }
        guard let prefix = area.prefix, !prefix.isEmpty else { return "" }
        return settings.upt(kodeWilayah: prefix, provinsi: area.provinsi)
    }
}
