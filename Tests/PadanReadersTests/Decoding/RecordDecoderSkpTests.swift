import PadanCore
import PadanReaders
import PadanTestSupport
import Testing

extension Decoding {
    @Suite("RecordDecoder: pmm_skp")
    struct RecordDecoderSkpTests {
        static let header = [
            "nip", "npsn", "periode", "peran", "indikator_kinerja", "perilaku_fokus", "predikat", "nip_penilai",
            "tahap",
        ]
        static let good: [String: String] = [
            "nip": "19950920 201923 2 885", "npsn": "20505656", "periode": "Juli-Desember 2024", "peran": "Guru",
            "indikator_kinerja": "D.1.1 Memahami karakteristik peserta didik", "perilaku_fokus": "Akuntabel;Kompeten",
            "predikat": "Baik", "nip_penilai": "197506052005031058", "tahap": "PENILAIAN",
        ]

        func decode(_ change: (inout [String: String]) -> Void) throws -> Result<SkpRecord, RowReject> {
            let d = try DecodingFixture(.pmmSkp, Self.header, file: "pmm/skp.csv")
            var values = Self.good
            change(&values)
            return d.decoder.skp(d.record(values, line: 3))
        }

        @Test func anSkpRow() throws {
            let r = try #require(try decode { _ in }.value())
            #expect(r.nipText == "19950920 201923 2 885")
            #expect(r.nip.nip?.shape == .pppk)
            #expect(r.npsn.text == "20505656")
            #expect(r.periode == Periode(year: 2024, semester: 2))
            #expect(r.peran == .guru)
            #expect(r.indikatorKinerja == "D.1.1 Memahami karakteristik peserta didik")
            #expect(r.perilakuFokus == ["Akuntabel", "Kompeten"])
            #expect(r.predikat == "Baik")
            #expect(r.nipPenilaiText == "197506052005031058")
            #expect(r.tahap == .penilaian)
            #expect(r.source == PadanCore.SourceLocation(file: "pmm/skp.csv", line: 3))
        }

        @Test(arguments: ["2024-2", "2024-S2", "2024-s2", "Juli-Desember 2024", "juli-desember 2024"])
        func periodeSpellings(_ text: String) throws {
            #expect(try decode { $0["periode"] = text }.value()?.periode.description == "2024-S2")
        }

        @Test(arguments: [
            ("GURU", SkpRole.guru), ("guru", .guru), ("KEPALA_SEKOLAH", .kepalaSekolah),
            ("Kepala Sekolah", .kepalaSekolah),
            ("PLT_KEPALA_SEKOLAH", .pltKepalaSekolah), ("Plt. Kepala Sekolah", .pltKepalaSekolah),
        ])
        func peranSpellings(_ text: String, _ role: SkpRole) throws {
            #expect(try decode { $0["peran"] = text }.value()?.peran == role)
        }

        @Test(arguments: [
            ("sangat baik", "Sangat Baik"), ("BUTUH PERBAIKAN", "Butuh Perbaikan"), ("Sangat Kurang", "Sangat Kurang"),
        ])
        func predikatAnyCase(_ text: String, _ canonical: String) throws {
            #expect(try decode { $0["predikat"] = text }.value()?.predikat == canonical)
        }

        @Test func perilakuFokusItemsAreCanonicalAndUnique() throws {
            let r = try decode { $0["perilaku_fokus"] = " akuntabel ; KOLABORATIF;;Akuntabel;berorientasi pelayanan " }
                .value()
            #expect(r?.perilakuFokus == ["Akuntabel", "Kolaboratif", "Berorientasi Pelayanan"])
            #expect(try decode { $0["perilaku_fokus"] = "" }.value()?.perilakuFokus == [])
        }

        @Test(arguments: [
            ("PELAKSANAAN", "Baik", SkpStage.pelaksanaan), ("perencanaan", "Baik", .perencanaan),
            ("", "Baik", .penilaian),
            ("", "", .perencanaan), ("-", "-", .perencanaan),
        ])
        func tahap(_ text: String, _ predikat: String, _ stage: SkpStage) throws {
            let r = try decode {
                $0["tahap"] = text
                $0["predikat"] = predikat
            }
            #expect(r.value()?.tahap == stage)
        }

        @Test(arguments: [("SELESAI", "Baik", SkpStage.penilaian), ("Pelaksanaan SKP", "", .perencanaan)])
        func anUnknownTahapIsReadByPredikatWithOneWarning(_ text: String, _ predikat: String, _ stage: SkpStage) throws
        {
            let d = try DecodingFixture(.pmmSkp, Self.header, file: "pmm/skp.csv")
            var values = Self.good
            values["tahap"] = text
            values["predikat"] = predikat
            #expect(d.decoder.skp(d.record(values, line: 3)).value()?.tahap == stage)
            #expect(d.decoder.skp(d.record(values, line: 4)).value()?.tahap == stage)
            #expect(
                d.decoder.warnings == [
                    "tahap tidak dikenal pada 2 baris (mis. '\(text)'): dibaca menurut predikat (PENILAIAN bila predikat terisi, selain itu PERENCANAAN)"
                ])
        }

        @Test func noValueMarkers() throws {
            let r = try #require(
                try decode {
                    $0["indikator_kinerja"] = "NULL"
                    $0["predikat"] = "null"
                    $0["nip_penilai"] = "-"
                    $0["tahap"] = ""
                }.value())
            #expect(r.indikatorKinerja == nil && r.predikat == nil && r.nipPenilaiText == nil)
        }

        @Test func aBrokenNIPIsKeptForTheDecision() throws {
            let r = try #require(try decode { $0["nip"] = "'1.99509E+17" }.value())
            #expect(r.nip == .corrupted("1.99509E+17"))
        }

        @Test(arguments: [
            ("predikat", "Cukup", "predikat tidak dikenal: Cukup"),
            ("periode", "2024-S3", "periode tidak dikenal: 2024-S3"),
            ("periode", "Semester 2", "periode tidak dikenal: Semester 2"),
            ("peran", "Pengawas", "peran tidak dikenal: Pengawas"),
            ("perilaku_fokus", "Akuntabel;Disiplin", "perilaku_fokus tidak dikenal: Disiplin"),
            ("nip", "", "kolom wajib 'nip' kosong"),
            ("npsn", "205056", "npsn tidak sah"),
            ("periode", "-", "kolom wajib 'periode' kosong"),
        ])
        func rejects(_ column: String, _ value: String, _ reason: String) throws {
            let reject = try #require(try decode { $0[column] = value }.reject())
            #expect(reject.reason.hasPrefix(reason), "\(reject.reason)")
            #expect(reject.line == 3)
        }
    }
}
