import Foundation
import PadanReaders

/// Every school of the real school list, grouped by kabupaten/kota.
package struct SchoolCatalog: Sendable {
    package var schools: [RealSchool]
    package var regions: [DapodikRegion]

    /// ``load(path:)``, read once per path and process (tests and benchmarks write many regions).
    package static func cached(path: String) throws(SampleError) -> SchoolCatalog {
        if let known = CatalogCache.shared.catalog(for: path) { return known }
        let catalog = try load(path: path)
        CatalogCache.shared.store(catalog, for: path)
        return catalog
    }

    /// Reads `sekolah-2019.csv.gz` (or any file of that shape) through ``InputFile``.
    package static func load(path: String) throws(SampleError) -> SchoolCatalog {
        let reader: any TableReader
        do {
            reader = try InputFile.open(path: path, displayName: path)
        } catch {
            throw SampleError.schools(path: path, message: error.description)
        }
        let header = reader.header.map { $0.lowercased().trimmingSpaces() }
        func column(_ name: String) throws(SampleError) -> Int {
            guard let index = header.firstIndex(of: name) else {
                throw SampleError.schools(path: path, message: "kolom \(name) tidak ada")
            }
            return index
        }
        let npsn = try column("npsn")
        let nama = try column("nama")
        let bentuk = try column("bentuk")
        let status = try column("status")
        let kecamatan = try column("kecamatan")
        let kabCode = try column("kode_kabupaten_kota")
        let kabName = try column("kabupaten_kota")
        let provCode = try column("kode_provinsi")
        let provName = try column("provinsi")

        var builder = RegionBuilder()
        var schools: [RealSchool] = []
        schools.reserveCapacity(220_000)
        while true {
            let event: TableEvent?
            do {
                event = try reader.next()
            } catch {
                throw SampleError.schools(path: path, message: error.description)
            }
            guard let event else { break }
            guard case .record(let record) = event else { continue }
            let fields = record.fields.map { $0.trimmingSpaces() }
            guard let level = SchoolLevel(rawValue: fields[bentuk].uppercased()), fields[npsn].count == 8 else {
                continue
            }
            let regionIndex = builder.index(
                code: fields[kabCode], name: fields[kabName], provinceCode: fields[provCode],
                provinceName: fields[provName])
            schools.append(
                RealSchool(
                    npsn: fields[npsn], name: fields[nama], level: level, negeri: fields[status].uppercased() == "N",
                    kecamatan: fields[kecamatan], kabupatenCode: fields[kabCode], provinceCode: fields[provCode],
                    regionIndex: regionIndex))
        }
        return SchoolCatalog(schools: schools, regions: builder.regions())
    }
}

/// The catalogs read so far in this process, by path.
private final class CatalogCache: @unchecked Sendable {
    static let shared = CatalogCache()
    private let lock = NSLock()
    private var catalogs: [String: SchoolCatalog] = [:]

    func catalog(for path: String) -> SchoolCatalog? {
        lock.lock()
        defer { lock.unlock() }
        return catalogs[path]
    }

    func store(_ catalog: SchoolCatalog, for path: String) {
        lock.lock()
        defer { lock.unlock() }
        catalogs[path] = catalog
    }
}

/// Collects the spellings of each region code and keeps the most common one.
private struct RegionBuilder {
    private var codes: [String] = []
    private var indexByCode: [String: Int] = [:]
    private var spellings: [[String: Int]] = []
    private var provinces: [(code: String, name: String)] = []

    mutating func index(code: String, name: String, provinceCode: String, provinceName: String) -> Int {
        let index: Int
        if let known = indexByCode[code] {
            index = known
        } else {
            index = codes.count
            indexByCode[code] = index
            codes.append(code)
            spellings.append([:])
            provinces.append((provinceCode, provinceName))
        }
        spellings[index][name, default: 0] += 1
        return index
    }

    func regions() -> [DapodikRegion] {
        codes.indices.map { index in
            let best = spellings[index].sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key ?? ""
            let (isKota, bare) = split(best)
            return DapodikRegion(
                code: codes[index], name: (isKota ? "Kota " : "Kab. ") + bare, isKota: isKota, bareName: bare,
                provinceCode: provinces[index].code, provinceName: provinces[index].name)
        }
    }

    /// `KAB. PANGANDARAN` → (false, `PANGANDARAN`); `Kota Malang` → (true, `Malang`).
    private func split(_ name: String) -> (Bool, String) {
        let lower = name.lowercased()
        for (prefix, isKota) in [("kabupaten ", false), ("kab. ", false), ("kab.", false), ("kota ", true)]
        where lower.hasPrefix(prefix) {
            return (isKota, String(name.dropFirst(prefix.count)).trimmingSpaces())
        }
        return (false, name)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
