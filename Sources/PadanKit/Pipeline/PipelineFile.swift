import Foundation
import PadanCore
import PadanReaders
import PadanWriters
import TOMLKit

/// A pipeline file (`pipelines/*.toml`, `pipeline.md`): paths resolved against the file's folder.
package struct PipelineFile: Sendable {
    /// The newest `version` this program reads.
    package static let supportedVersion = 1

    package var path: String
    package var name: String
    /// Absolute path of the SQLite store.
    package var store: String
    /// Absolute path of the output folder.
    package var outputDir: String
    /// The patterns of each named input, as written (relative to `baseDirectory`).
    package var inputs: [InputKind: [String]]
    package var baseDirectory: String
    package var periodeAktif: Periode
    package var nameThreshold = 0.90
    package var unorThreshold = 0.85
    package var unorMargin = 0.05
    package var heads: [ReconciliationSettings.HeadOfOffice] = []
    package var upts: [ReconciliationSettings.Upt] = []
    /// What the file says that a run can go on with but an operator should fix, in Bahasa Indonesia (carried
    /// with the inputs' warnings: stderr, `padan check`, `summary.json` `warnings`).
    package var warnings: [String] = []

    /// Reads and validates a pipeline file; every problem is a `.data` error naming the file and the key.
    /// `today` bounds the birth date in a `[[penilai]]` NIP, as a run's date bounds those of the inputs.
    package static func load(_ path: String, today: CalendarDate = NightlyRun.today(Date())) throws(PadanError)
        -> PipelineFile
    {
        let url = URL(fileURLWithPath: path)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PadanError(.data, "\(path): berkas pipeline tidak dapat dibaca")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw PadanError(.data, "\(path):\(error.source.begin.line): TOML tidak sah: \(error.description)")
        } catch {
            throw PadanError(.data, "\(path): TOML tidak sah")
        }
        return try PipelineFileParser(
            path: path, base: url.deletingLastPathComponent().path, today: today, keyLines: PipelineKeyLines(text: text)
        ).parse(table)
    }

    /// The rule settings of this pipeline for a run on `runDate`.
    package func settings(runDate: CalendarDate) -> ReconciliationSettings {
        ReconciliationSettings(
            periodeAktif: periodeAktif, nameThreshold: nameThreshold, unorThreshold: unorThreshold,
            unorMargin: unorMargin, heads: heads, upts: upts, runDate: runDate)
    }

    /// The absolute path of a pattern written relative to the pipeline file.
    package func resolve(_ pattern: String) -> String {
        pattern.hasPrefix("/") ? pattern : (baseDirectory as NSString).appendingPathComponent(pattern)
    }
}

/// Turns a TOML table into a `PipelineFile`, rejecting unknown keys by name.
struct PipelineFileParser {
    let path: String
    let base: String
    let today: CalendarDate
    var keyLines = PipelineKeyLines(text: "")

    func fail(_ message: String) -> PadanError { PadanError(.data, "\(path): \(message)") }

    /// A problem with `key` (its dotted name), at the line that writes it when the file writes it.
    func fail(_ message: String, at key: String) -> PadanError {
        guard let line = keyLines.line(of: key) else { return fail(message) }
        return PadanError(.data, "\(path):\(line): \(message)")
    }

    func parse(_ table: TOMLTable) throws(PadanError) -> PipelineFile {
        // The version before the keys: a newer file's new keys are not typos but a sign the program is too old.
        guard let version = table["version"]?.int else { throw fail("kunci 'version' wajib diisi (angka)") }
        guard version <= PipelineFile.supportedVersion else {
            throw fail(
                "version = \(version) lebih baru dari yang dikenal program ini (\(PipelineFile.supportedVersion))",
                at: "version")
        }
        guard version >= 1 else { throw fail("version = \(version) tidak sah", at: "version") }
        try check(
            table,
            allowed: ["version", "name", "store", "output_dir", "inputs", "periode", "matching", "penilai", "upt"],
            in: "")
        let name = try string(table, "name")
        let store = try string(table, "store")
        let output = try string(table, "output_dir")
        guard let inputTable = table["inputs"]?.table else { throw fail("tabel [inputs] wajib ada") }
        try check(inputTable, allowed: Set(InputKind.allCases.map(\.rawValue)), in: "inputs.")
        var inputs = [InputKind: [String]]()
        for kind in InputKind.allCases {
            guard let value = inputTable[kind.rawValue] else {
                if kind.isRequired { throw fail("input wajib 'inputs.\(kind.rawValue)' tidak ada") }
                continue
            }
            if let single = value.string {
                inputs[kind] = [single]
            } else if let array = value.array {
                var patterns = [String]()
                for item in array {
                    guard let text = item.string else { throw fail("'inputs.\(kind.rawValue)' harus berisi teks") }
                    patterns.append(text)
                }
                guard !patterns.isEmpty else { throw fail("'inputs.\(kind.rawValue)' kosong") }
                inputs[kind] = patterns
            } else {
                throw fail("'inputs.\(kind.rawValue)' harus teks atau daftar teks")
            }
        }
        guard let periode = table["periode"]?.table else { throw fail("tabel [periode] wajib ada") }
        try check(periode, allowed: ["aktif"], in: "periode.")
        let aktifText = try string(periode, "aktif", prefix: "periode.")
        guard let aktif = Periode(reading: aktifText) else {
            throw fail("periode.aktif tidak dikenal: \(aktifText)", at: "periode.aktif")
        }
        // Every payload carries the active period's year, and the payload schema takes only these years: out of
        // them, no payload of the run would be valid.
        guard Periode.payloadYears.contains(aktif.year) else {
            throw fail(
                "periode.aktif \"\(aktifText)\": tahun \(aktif.year) di luar rentang "
                    + "\(Periode.payloadYears.lowerBound)–\(Periode.payloadYears.upperBound) yang diterima e-Kinerja",
                at: "periode.aktif")
        }

        var file = PipelineFile(
            path: path, name: name, store: "", outputDir: "", inputs: inputs, baseDirectory: base, periodeAktif: aktif)
        file.store = file.resolve(store)
        file.outputDir = file.resolve(output)
        if let matching = table["matching"] {
            guard let matching = matching.table else { throw fail("[matching] harus tabel") }
            try check(matching, allowed: ["name_threshold", "unor_threshold", "unor_margin"], in: "matching.")
            file.nameThreshold = try fraction(matching, "name_threshold") ?? file.nameThreshold
            file.unorThreshold = try fraction(matching, "unor_threshold") ?? file.unorThreshold
            file.unorMargin = try fraction(matching, "unor_margin") ?? file.unorMargin
        }
        (file.heads, file.warnings) = try heads(table)
        for (i, item) in try tables(table, "upt").enumerated() {
            try check(item, allowed: ["nama", "wilayah"], in: "upt[\(i + 1)].")
            let nama = try string(item, "nama", prefix: "upt[\(i + 1)].")
            var wilayah = [String]()
            for value in item["wilayah"]?.array ?? TOMLArray() {
                guard let text = value.string else { throw fail("upt[\(i + 1)].wilayah harus daftar teks") }
                wilayah.append(text)
            }
            if let single = item["wilayah"]?.string { wilayah = [single] }
            guard !wilayah.isEmpty else { throw fail("upt[\(i + 1)].wilayah wajib diisi") }
            file.upts.append(.init(nama: nama, wilayah: wilayah))
        }
        try checkEscalationFileNames(file.upts)
        return file
    }

    /// Two UPTs whose names give one escalation file name (`BGP Tuban`, `BGP  Tuban!` → `bgp-tuban.csv`) would
    /// write one list over the other: refused, naming both entries.
    func checkEscalationFileNames(_ upts: [ReconciliationSettings.Upt]) throws(PadanError) {
        var first = [String: Int]()
        for (i, upt) in upts.enumerated() {
            let slug = EscalationList.slug(upt.nama)
            if let j = first[slug] {
                throw fail(
                    "upt[\(j + 1)] (\"\(upts[j].nama)\") dan upt[\(i + 1)] (\"\(upt.nama)\") memakai nama berkas eskalasi "
                        + "yang sama (escalation/\(slug).csv); bedakan nama UPT-nya")
            }
            first[slug] = i
        }
    }

    func check(_ table: TOMLTable, allowed: Set<String>, in prefix: String) throws(PadanError) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            throw fail("kunci tidak dikenal '\(prefix)\(key)'", at: prefix + key)
        }
    }

    func string(_ table: TOMLTable, _ key: String, prefix: String = "") throws(PadanError) -> String {
        guard let value = table[key]?.string, !value.isEmpty else {
            throw fail("kunci '\(prefix)\(key)' wajib diisi (teks)", at: prefix + key)
        }
        return value
    }

    /// A `[matching]` value: a number from 0 to 1 (a similarity, a score or a margin between two scores).
    func fraction(_ table: TOMLTable, _ key: String) throws(PadanError) -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init) else {
            throw fail("matching.\(key) harus angka", at: "matching.\(key)")
        }
        guard (0...1).contains(number) else {
            throw fail(
                "matching.\(key) harus angka dari 0 sampai 1, bukan \(String(format: "%g", number))",
                at: "matching.\(key)")
        }
        return number
    }

    func tables(_ table: TOMLTable, _ key: String) throws(PadanError) -> [TOMLTable] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw fail("[[\(key)]] harus daftar tabel") }
        var out = [TOMLTable]()
        for item in array {
            guard let t = item.table else { throw fail("[[\(key)]] harus daftar tabel") }
            out.append(t)
        }
        return out
    }
}
