import Foundation
import PadanCore
import Testing

@testable import PadanKit

/// `padan explain` on a copy of the conformance region, after one recorded run (so ages come from the store).
@Suite(.serialized, .enabled(if: RegionCopy.available, "needs ../shared/conformance/region-a"))
struct ExplanationTests {
    static let shared: Result<RegionCopy, any Error> = Result {
        let region = try RegionCopy()
        try region.run(asOf: "2025-01-06")
        return region
    }

    func explain(_ target: Explanation.Target) throws -> Explanation {
        let region = try Self.shared.get()
        return try Explanation.explain(target, pipeline: region.pipeline(), asOf: CalendarDate(iso: "2025-01-10"))
    }

    @Test func linkedPerson() throws {
        let e = try explain(.nip("199205222019221887"))
        #expect(e.linkMethods == [.nip])
        let text = e.render()
        #expect(text.contains("Tertaut ke: PNS ID fa40a8335cfc6e5b577f6dd34e0a1e4e"))
        #expect(text.contains("SDN BANJAR WIDANG"))
        #expect(text.contains("NAMA — nama sekolah sama"))
        #expect(text.contains("SIAP DIKIRIM"))
        #expect(text.contains("dapat mengalir ke e-Kinerja"))
    }

    @Test func suggestedPerson() throws {
        let e = try explain(.nip("19920223202202213"))
        #expect(e.linkMethods == [.suggested])
        #expect(e.codes.contains("NIP_TIDAK_VALID"))
        let text = e.render()
        #expect(text.contains("Kandidat yang disarankan: PNS ID 8eccd8b3b69fd1607bef56b41761ac3b"))
        #expect(text.contains("skor nama 1,00, tanggal lahir sama, jenis kelamin sama → kandidat"))
        // First seen on the recorded run of 6 January, explained on the 10th.
        #expect(text.contains("terbuka sejak 6 Januari 2025 (4 hari"))
        #expect(text.contains("TERTAHAN: NIP_TIDAK_VALID"))
        #expect(text.contains("Operator sekolah memperbaiki NIP di Dapodik"))
    }

    @Test func unlinkedPersonShowsNearCandidates() throws {
        let e = try explain(.nip("197902072003011240"))
        #expect(e.linkMethods == [.none])
        #expect(e.codes == ["NIP_TIDAK_DITEMUKAN"])
        let text = e.render()
        #expect(text.contains("DIMAS NUGROHO, S.Kom."))
        #expect(text.contains("skor nama 1,00, tanggal lahir beda, jenis kelamin sama"))
        #expect(!text.contains("→ kandidat"))
    }

    @Test func unmappedSchool() throws {
        let e = try explain(.npsn("20525856"))
        #expect(e.unitMethod == UnitMethod.none)
        #expect(e.codes.contains("NPSN_BELUM_PADAN"))
        let text = e.render()
        #expect(text.contains("SMAN 1 GLAGAH"))
        #expect(text.contains("Mengapa belum: skor terbaik 0,67 di bawah ambang 0,85"))
        #expect(text.contains("UPT SATUAN PENDIDIKAN SMA 1 GLAGAH FILIAL"))
        #expect(text.contains("Guru ASN yang SKP-nya dapat mengalir: 0 dari 16"))
        #expect(text.contains("BKD menetapkan pemadanan NPSN–UNOR"))
    }

    @Test func noNoticeWhileTheInputsAreTheRunsOwn() throws {
        #expect(try explain(.nip("199205222019221887")).notice == nil)
        #expect(try explain(.npsn("20525856")).notice == nil)
    }

    /// An input changed after the run (a NIP fixed in the morning): the explanation says so first.
    @Test func inputsChangedSinceTheRunAreNamedAtTheTop() throws {
        let region = try RegionCopy()
        defer { try? FileManager.default.removeItem(at: region.root.deletingLastPathComponent()) }
        let run = try region.run(asOf: "2025-01-06")
        try region.replace("Edi Effendi, M.Pd.", with: "Edi Efendi, M.Pd.", in: "dapodik/ptk-1.csv")
        let e = try Explanation.explain(.nip("199205222019221887"), pipeline: region.pipeline(), asOf: nil)
        let notice = try #require(e.notice)
        #expect(notice.title == "PERHATIAN: input berubah sejak run \(run.runId)")
        #expect(notice.lines.contains("berubah sejak run itu: dapodik/ptk-1.csv"))
        #expect(!notice.lines.contains { $0.contains("ptk-2.csv") || $0.contains("siasn/") })
        #expect(e.render().hasPrefix("!! PERHATIAN: input berubah sejak run \(run.runId)\n"))
        let school = try Explanation.explain(.npsn("20525856"), pipeline: region.pipeline(), asOf: nil)
        #expect(school.notice == notice)
    }

    /// Not in the data is an answer (exit 0), not an unusable input (65): said plainly, with the SKP rows that
    /// still name the NIP.
    @Test func targetsNotInTheDataAreAnswered() throws {
        let unknown = try explain(.nip("199001012020011999")).render()
        #expect(unknown.contains("NIP 199001012020011999 tidak ada di data PTK Dapodik maupun data ASN SIASN"))
        #expect(unknown.contains("Tidak ada baris SKP dengan NIP ini."))
        // Only PMM holds this one: its blocked row is shown.
        let pmmOnly = try explain(.nip("197806172001121992")).render()
        #expect(pmmOnly.contains("tidak ada di data PTK Dapodik maupun data ASN SIASN"))
        #expect(pmmOnly.contains("(pmm/skp.csv:8): TERTAHAN: NIP_TIDAK_DITEMUKAN"))
        let school = try explain(.npsn("99999999"))
        #expect(school.unitMethod == nil)
        #expect(school.render().contains("NPSN 99999999 tidak ada di data sekolah Dapodik"))
    }

    @Test func malformedTargetsAreUsageErrors() throws {
        for target in [Explanation.Target.npsn("1234"), .nip("19900101-abc")] {
            do {
                _ = try explain(target)
                Issue.record("\(target) was explained")
            } catch let error as PadanError {
                #expect(error.exitCode == 64)
            }
        }
    }

    /// The command exits 0 and prints the answer on stdout.
    @Test func explainingANIPNotInTheDataExitsZero() throws {
        let region = try Self.shared.get()
        let run = try PadanProcess.run(["explain", region.pipelinePath, "--nip", "199999999999999999"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("NIP 199999999999999999 tidak ada di data"), "\(run.stdout)")
    }
}
