import Foundation
import PadanReaders
import PadanSample
import Testing

/// The generated files read back through the project's own readers (`InputFile.open`): every row
/// the truth counts is there, the planted rejects are rejects, and the file variants are read.
@Suite(.enabled(if: SampleFixture.schoolsAvailable, Comment(rawValue: SampleFixture.missingMessage)))
struct SampleReadBackTests {
    struct FileRead {
        var header: [String]
        var records: [TableRecord] = []
        var rejects: [RowReject] = []
        var warnings: [String] = []
    }

    static func read(_ path: String) throws -> FileRead {
        let reader = try InputFile.open(path: path, displayName: path)
        var result = FileRead(header: reader.header)
        while let event = try reader.next() {
            switch event {
            case .record(let record): result.records.append(record)
            case .reject(let reject): result.rejects.append(reject)
            }
        }
        result.warnings = reader.warnings
        return result
    }

    @Test func rowCountsOfTheTruthAreTheRowsWritten() throws {
        let report = try SampleFixture.standard.get()
        let truth = try SampleFixture.truth(of: report)
        let inputs = try #require(truth["inputs"] as? [String: [String: Any]])
        for (kind, entry) in inputs {
            let files = try #require(entry["files"] as? [String])
            var rows = 0
            var rejected = 0
            for file in files {
                let read = try Self.read(report.directory + "/" + file)
                rows += read.records.count + read.rejects.count
                rejected += read.rejects.count
            }
            #expect(rows == entry["rows"] as? Int, "\(kind): read \(rows) rows")
            #expect(rows == report.rows(of: kind), "\(kind): report says \(report.rows(of: kind))")
            // The reader rejects what is wrong in the file itself; bad values (an impossible date, an
            // unknown predikat) are rejected when the rows are typed, after reading.
            let lines = entry["reject_lines"] as? [[Any]] ?? []
            let inFile = lines.filter { ["field count", "unterminated quote"].contains($0.last as? String ?? "") }.count
            #expect(rejected == inFile, "\(kind): \(rejected) rejects read, \(inFile) planted in the file")
        }
    }

    @Test func fileVariantsAreReadAsPlanted() throws {
        let report = try SampleFixture.standard.get()
        let windows = try Self.read(report.directory + "/dapodik/ptk-2.csv")
        #expect(!windows.warnings.isEmpty, "ptk-2.csv should be read as Windows-1252")
        #expect(windows.header.contains("L/P"))
        let gzip = try Self.read(report.directory + "/dapodik/ptk-3.csv.gz")
        #expect(gzip.header.first == "NPSN" && gzip.records.count > 0)
        let units = try Self.read(report.directory + "/siasn/unor.xml")
        #expect(units.header.contains("NamaUnor") && units.header.contains("Aktif"))
        let schools = try Self.read(report.directory + "/dapodik/sekolah.xml")
        #expect(schools.header.contains("nama_sekolah"))
        let crosswalk = try Self.read(report.directory + "/pemadanan/unor_npsn.csv")
        #expect(crosswalk.header == ["UNOR_ID", "NPSN", "KETERANGAN"])
        let people = try Self.read(report.directory + "/siasn/pns.txt")
        #expect(people.header.contains("nipBaru"))
    }

    @Test func plantedNamesSurviveTheReaders() throws {
        let report = try SampleFixture.standard.get()
        let truth = try SampleFixture.truth(of: report)
        var names = Set<String>()
        for path in RegionFiles.Path.ptk {
            let read = try Self.read(report.directory + "/" + path)
            let column = try #require(read.header.firstIndex { $0.lowercased() == "nama" })
            for record in read.records { names.insert(record.fields[column].trimmingCharacters(in: .whitespaces)) }
        }
        let planted = ["csv_injection", "html_injection", "encoding"].flatMap { truth[$0] as? [[String: Any]] ?? [] }
        #expect(planted.count >= 5)
        for entry in planted {
            let name = try #require(entry["nama"] as? String)
            #expect(names.contains(name), "\(name) not read back")
        }
    }

    @Test func theSchoolListIsRead() throws {
        let catalog = try SchoolCatalog.load(path: SampleFixture.schoolsPath)
        #expect(catalog.schools.count > 200_000)
        #expect(catalog.regions.contains { $0.code == "052400" && $0.name == "Kab. Jember" })
        #expect(Set(catalog.schools.map(\.npsn)).count == catalog.schools.count)
    }
}
