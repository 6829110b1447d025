import Foundation
import PadanSample
import Testing

/// The 300-teacher region plants everything the contract asks for, and its truth says so.
@Suite(.enabled(if: SampleFixture.schoolsAvailable, Comment(rawValue: SampleFixture.missingMessage)))
struct SampleCoverageTests {
    static let codes = [
        "NIP_KOSONG", "NIP_RUSAK", "NIP_TIDAK_VALID", "NIP_GANDA", "NIP_TIDAK_DITEMUKAN", "ASN_TIDAK_ADA_DI_DAPODIK",
        "UNOR_WILAYAH_BERBEDA", "NPSN_BELUM_PADAN", "PEMADANAN_GANDA", "UNOR_SATPEN_BERBEDA", "UNOR_TIDAK_AKTIF",
        "NAMA_BERBEDA", "TGL_LAHIR_BERBEDA", "JENIS_KELAMIN_BERBEDA", "GOLONGAN_BERBEDA", "JABATAN_BERBEDA",
        "STATUS_BERBEDA",
    ]

    @Test func everyInputKindIsWritten() throws {
        let report = try SampleFixture.standard.get()
        for kind in ["dapodik_ptk", "dapodik_sekolah", "siasn_pns", "siasn_unor", "unor_npsn", "pmm_skp"] {
            #expect(report.rows(of: kind) > 0, "\(kind) has no rows")
        }
        #expect(report.files.filter { $0.kind == "dapodik_ptk" }.count == 3)
        for name in ["truth.json", "pipeline.toml", "README.md"] {
            #expect(FileManager.default.fileExists(atPath: report.directory + "/" + name), "\(name) missing")
        }
    }

    @Test(arguments: codes)
    func everyDisparityCodeIsPlantedSeveralTimes(code: String) throws {
        let report = try SampleFixture.standard.get()
        #expect((report.disparities[code] ?? 0) >= 2, "\(code): \(report.disparities[code] ?? 0)")
    }

    @Test(arguments: [
        "eligible:GURU", "eligible:KEPALA_SEKOLAH", "eligible:PLT_KEPALA_SEKOLAH", "skipped:PERIODE_LAIN",
        "skipped:NON_ASN", "skipped:KEMENAG", "skipped:SWASTA", "skipped:CLTN", "skipped:TIDAK_AKTIF",
        "blocked:NIP_TIDAK_DITEMUKAN", "blocked:NIP_TIDAK_VALID", "blocked:NIP_GANDA", "blocked:UNOR_WILAYAH_BERBEDA",
        "blocked:UNOR_SATPEN_BERBEDA", "blocked:UNOR_TIDAK_AKTIF", "blocked:NPSN_BELUM_PADAN",
        "blocked:NPSN_SKP_BERBEDA", "blocked:PENILAI_TIDAK_DITEMUKAN", "blocked:PENILAI_BERBEDA", "blocked:several",
        "rejected",
    ])
    func everySkpOutcomeIsPlanted(outcome: String) throws {
        let report = try SampleFixture.standard.get()
        #expect((report.skpOutcomes[outcome] ?? 0) >= 1, "\(outcome) missing")
    }

    @Test func nothingPlantedNearAThresholdOrOffPlan() throws {
        let report = try SampleFixture.standard.get()
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    @Test func truthListsInjectionAndEncodingCases() throws {
        let truth = try SampleFixture.truth(of: try SampleFixture.standard.get())
        let csv = truth["csv_injection"] as? [[String: Any]] ?? []
        #expect(Set(csv.compactMap { ($0["nama"] as? String)?.first }) == ["=", "@"])
        let html = truth["html_injection"] as? [[String: Any]] ?? []
        #expect(html.contains { ($0["nama"] as? String)?.contains("<script>") ?? false })
        let encoding = truth["encoding"] as? [[String: Any]] ?? []
        #expect(encoding.contains { ($0["nama"] as? String)?.unicodeScalars.contains { $0.value > 127 } ?? false })
        #expect((truth["people"] as? [String: Any])?["kemenag"] as? Int == 3)
        #expect(truth["format"] as? String == "padan-eval-truth/1")
    }

    @Test func plantedSchoolRolesAllOccur() throws {
        let truth = try SampleFixture.truth(of: try SampleFixture.standard.get())
        let roles = Set((truth["unor_map"] as? [[String: Any]] ?? []).flatMap { $0["roles"] as? [String] ?? [] })
        for role in [
            "number_pair", "number_trap", "number_style", "stale_duplicate", "nested", "nested_host", "claimed_twice",
            "taken_trap", "taken_trap_twin", "fuzzy", "crosswalk", "crosswalk_confirm", "crosswalk_inactive",
            "crosswalk_npsn_twice", "crosswalk_npsn_partner", "crosswalk_unor_twice", "crosswalk_unor_partner",
            "unmapped", "unmapped_suggest", "other_region_trap", "penilai_none", "penilai_unlinked", "penilai_plt",
            "penilai_two_heads", "penilai_jenis_ptk",
        ] {
            #expect(roles.contains(role), "\(role) not planted")
        }
    }
}
