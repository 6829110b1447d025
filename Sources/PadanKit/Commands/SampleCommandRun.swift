import Foundation
import PadanCore
import PadanSample

/// `padan sample`: writes a synthetic region (every input kind, every disparity code) for demos and
/// benchmarks, through PadanSample.
///
/// Schools are real: the generator reads `sekolah-2019.csv.gz`. It is looked for, in order, at
/// `--schools`, at `$PADAN_SCHOOLS`, and at `shared/data/` or `../shared/data/` beside the working
/// folder, the executable or any folder above them (a clone next to the shared data finds it).
///
/// A folder that exists and is not empty is refused (73) unless `force`: a mistyped folder may hold a BKD's
/// real exports and pipeline file. With `force`, the old region's store and run folders (`state/`, `out/`) are
/// removed too, so the new region's runs do not continue the old one's history.
package struct SampleCommandRun {
    /// The region folder (created if missing).
    package var directory: String
    package var teachers: Int
    package var seed: UInt64
    /// The real school list; located as the type's doc says when nil.
    package var schoolsPath: String?
    /// Write into a folder that is not empty, removing its `state/` and `out/`.
    package var force: Bool

    package init(directory: String, teachers: Int, seed: UInt64, schoolsPath: String? = nil, force: Bool = false) {
        self.directory = directory
        self.teachers = teachers
        self.seed = seed
        self.schoolsPath = schoolsPath
        self.force = force
    }

    /// The folders of a region's own pipeline file (its `store` and `output_dir`) that `force` removes.
    package static let historyFolders = ["state", "out"]

    /// The file name of the real school list.
    package static let schoolsFile = "sekolah-2019.csv.gz"

    /// Writes the region. A school list that is missing or unreadable is an unusable input (65).
    package func execute() throws(PadanError) -> SampleReport {
        guard teachers > 0 else { throw PadanError(.usage, "--teachers harus lebih dari 0, bukan \(teachers)") }
        let overwrite = try mayWrite()
        let schools: String
        if let schoolsPath { schools = schoolsPath } else { schools = try Self.locateSchools() }
        // Only once the region can be made: a missing school list leaves the old store as it was.
        if overwrite { try removeHistory() }
        do {
            return try SampleRegion.write(
                to: directory, options: SampleRegion.Options(teachers: teachers, seed: seed, schoolsPath: schools))
        } catch {
            switch error {
            case .schools: throw PadanError(.data, error.description)
            case .output: throw PadanError(.cannotCreate, error.description)
            case .options: throw PadanError(.usage, error.description)
            }
        }
    }

    /// Whether the region may be written into `directory`, and whether that overwrites one (`force` given and
    /// the folder not empty); a folder that is not empty without `force`, or a file, is refused (73).
    func mayWrite() throws(PadanError) -> Bool {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isFolder) else { return false }
        guard isFolder.boolValue else { throw PadanError(.cannotCreate, "\(directory): sudah ada dan bukan folder") }
        let entries: [String]
        do {
            entries = try fm.contentsOfDirectory(atPath: directory)
        } catch {
            throw PadanError(.cannotCreate, "\(directory): folder tidak dapat dibaca: \(SystemErrorText.reason(error))")
        }
        guard !entries.isEmpty else { return false }
        guard force else {
            throw PadanError(
                .cannotCreate,
                "\(directory): folder sudah ada dan tidak kosong; padan sample tidak menimpa isinya. Pilih folder baru "
                    + "atau kosong, atau tambahkan --force untuk menimpa berkas wilayah sintetis di dalamnya "
                    + "(state/ dan out/ di dalamnya ikut dihapus)")
        }
        return true
    }

    /// Removes the old region's store and run folders (``historyFolders``).
    func removeHistory() throws(PadanError) {
        for folder in Self.historyFolders {
            let path = (directory as NSString).appendingPathComponent(folder)
            guard (try? FileManager.default.attributesOfItem(atPath: path)) != nil else { continue }
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                throw PadanError(.cannotCreate, "\(path): tidak dapat dihapus: \(SystemErrorText.reason(error))")
            }
        }
    }

    /// The school list found by the search order of the type's doc.
    static func locateSchools(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String? = Bundle.main.executablePath
    ) throws(PadanError) -> String {
        if let path = environment["PADAN_SCHOOLS"], !path.isEmpty { return path }
        var starts = [URL(fileURLWithPath: workingDirectory)]
        if let executable { starts.append(URL(fileURLWithPath: executable).deletingLastPathComponent()) }
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                for relative in ["shared/data/", "../shared/data/"] {
                    let candidate = folder.appendingPathComponent(relative + schoolsFile).standardizedFileURL.path
                    if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
                }
                let up = folder.deletingLastPathComponent()
                if up.path == folder.path { break }
                folder = up
            }
        }
        throw PadanError(
            .data,
            "daftar sekolah \(schoolsFile) tidak ditemukan; sebutkan dengan --schools BERKAS atau PADAN_SCHOOLS")
    }

    /// What the operator reads after a region was written.
    package static func render(_ report: SampleReport) -> String {
        var out = "Wilayah sintetis ditulis ke \(report.directory) "
        out += "(benih \(report.options.seed), \(report.options.teachers) guru, "
        out += String(format: "%.1f", report.seconds) + " detik)\n"
        out += "  \(report.schools) sekolah (\(report.negeriSchools) negeri), \(report.units) UNOR; "
        out += "wilayah: \(report.regions.prefix(5).joined(separator: ", "))"
        out += report.regions.count > 5 ? ", … (\(report.regions.count))\n" : "\n"
        for file in report.files {
            out += "  \(file.path): \(file.kind), \(file.rows) baris, \(file.bytes) bita\n"
        }
        out += "  jumlah: \(report.bytes) bita\n"
        if report.truthWritten { out += "  truth.json ditulis (kunci jawaban untuk score.py)\n" }
        for problem in report.problems.prefix(10) { out += "  catatan: \(problem)\n" }
        out += "Jalankan: padan run \(report.directory)/pipeline.toml\n"
        return out
    }
}
