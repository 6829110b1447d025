import PadanCore
import PadanReaders
import PadanTestSupport
import Testing

extension Decoding {
    @Suite("RecordDecoder: siasn_pns, siasn_unor, unor_npsn")
    struct RecordDecoderSiasnTests {
        static let snakeHeader = [
            "pns_id", "nip_baru", "nip_lama", "nama", "gelar_depan", "gelar_belakang", "tempat_lahir_nama",
            "tanggal_lahir",
            "jenis_kelamin", "kedudukan_hukum_nama", "status_cpns_pns", "gol_akhir_nama", "jabatan_nama", "unor_id",
            "unor_nama",
            "instansi_kerja_nama",
        ]
        /// The web service's camelCase names.
        static let camelHeader = [
            "id", "nipBaru", "nipLama", "nama", "gelarDepan", "gelarBelakang", "tglLahir", "jenisKelamin",
            "kedudukanPnsNama",
            "golRuangAkhir", "jabatanNama", "unorId", "unorNama", "instansiKerjaNama",
        ]

        static let snake: [String: String] = [
            "pns_id": "632CDA9FB0B6D00D402FCD41FABD926F", "nip_baru": "199705282024032294", "nip_lama": "-",
            "nama": "SULASTRI SURYANI", "gelar_depan": "", "gelar_belakang": "S.Pd.", "tanggal_lahir": "28-05-1997",
            "jenis_kelamin": "F", "kedudukan_hukum_nama": "Aktif", "status_cpns_pns": "C", "gol_akhir_nama": "III/a",
            "jabatan_nama": "Guru Ahli Pertama", "unor_id": "A1886BF4-C05E-6078-ECF6-BF9E0FDBB7BE",
            "unor_nama": "SMA NEGERI 1 BANGOREJO BANYUWANGI", "instansi_kerja_nama": "Pemerintah Provinsi Jawa Timur",
        ]

        @Test func anEmployeeRow() throws {
            let d = try DecodingFixture(.siasnPns, Self.snakeHeader, file: "siasn/pns.csv")
            let e = try #require(d.decoder.employee(d.record(Self.snake, line: 3)).value())
            #expect(e.pnsId.text == "632cda9fb0b6d00d402fcd41fabd926f")
            #expect(e.nipBaru == "199705282024032294")
            #expect(e.nipLama == nil)
            #expect(e.gelarDepan == nil && e.gelarBelakang == "S.Pd.")
            #expect(e.birthDate == Fixture.date("1997-05-28"))
            #expect(e.gender == .female)
            #expect(e.statusCpnsPns == "C")
            #expect(e.golongan?.canonical == "III/a")
            #expect(e.unorId == Fixture.id("a1886bf4c05e6078ecf6bf9e0fdbb7be"))
            #expect(e.unorId.text == "a1886bf4-c05e-6078-ecf6-bf9e0fdbb7be")
            #expect(e.government?.kind == .provinsi)
            #expect(e.source == PadanCore.SourceLocation(file: "siasn/pns.csv", line: 3))
        }

        @Test func camelCaseHeader() throws {
            let d = try DecodingFixture(.siasnPns, Self.camelHeader)
            let e = try #require(
                d.decoder.employee(
                    d.record([
                        "id": "632cda9fb0b6d00d402fcd41fabd926f", "nipBaru": "'19970528 202403 2 294",
                        "nama": "Sulastri",
                        "tglLahir": "1997-05-28 00:00:00", "jenisKelamin": "M", "kedudukanPnsNama": "PPPK Aktif",
                        "golRuangAkhir": "IX",
                        "jabatanNama": "Guru Ahli Pertama", "unorId": "a1886bf4c05e6078ecf6bf9e0fdbb7be",
                        "unorNama": "NULL",
                        "instansiKerjaNama": "Pemerintah Kab. Tuban",
                    ])
                ).value())
            #expect(e.nipBaru == "199705282024032294")
            #expect(e.birthDate == Fixture.date("1997-05-28"))
            #expect(e.gender == .male)
            #expect(e.golongan?.canonical == "IX")
            #expect(e.unorNama == nil)
            #expect(e.kedudukan == "PPPK Aktif")
        }

        @Test func siasnsEmptyDateMarkerIsNoValue() throws {
            let d = try DecodingFixture(.siasnPns, Self.snakeHeader)
            var values = Self.snake
            values["tanggal_lahir"] = "01-01-0001"
            #expect(d.decoder.employee(d.record(values)).value()?.birthDate == nil)
        }

        @Test(arguments: [
            ("pns_id", "632cda9fb0b6d00d402fcd41fabd926", "pns_id bukan id SIASN yang sah"),
            ("pns_id", "", "kolom wajib 'pns_id' kosong"),
            ("nip_baru", "1.99705E+17", "nip_baru bukan 18 angka: 1.99705E+17"),
            ("nip_baru", "19970528202403229", "nip_baru bukan 18 angka"),
            ("nip_baru", "19970528202403229X", "nip_baru bukan 18 angka"),
            ("jenis_kelamin", "W", "jenis_kelamin tidak dikenal: W"),
            ("tanggal_lahir", "1997-13-01", "tanggal_lahir bukan tanggal yang sah"),
            ("unor_id", "-", "kolom wajib 'unor_id' kosong"),
            ("unor_id", "bukan-id", "unor_id bukan id SIASN yang sah"),
            ("instansi_kerja_nama", "", "kolom wajib 'instansi_kerja_nama' kosong"),
            ("kedudukan_hukum_nama", "null", "kolom wajib 'kedudukan_hukum_nama' kosong"),
        ])
        func aBadEmployeeRow(_ column: String, _ value: String, _ reason: String) throws {
            let d = try DecodingFixture(.siasnPns, Self.snakeHeader)
            var values = Self.snake
            values[column] = value
            let reject = try #require(d.decoder.employee(d.record(values)).reject())
            #expect(reject.reason.hasPrefix(reason), "\(reject.reason)")
        }

        // MARK: siasn_unor

        @Test(arguments: [
            ["Id", "NamaUnor", "DiatasanId", "InstansiId", "Aktif"],
            ["unor_id", "nama_unor", "diatasan_id", "instansi_id", "aktif"],
        ])
        func aUnitRow(_ header: [String]) throws {
            let d = try DecodingFixture(.siasnUnor, header)
            let record = TableRecord(
                line: 5,
                fields: [
                    "ABCDEF01-2345-6789-ABCD-EF0123456789", "--- SD NEGERI LOJEJER 01",
                    "fac341b3e610e5213b5743d79a3621ef", "x", "0",
                ],
                raw: "raw")
            let u = try #require(d.decoder.unor(record).value())
            #expect(u.id == Fixture.id("abcdef0123456789abcdef0123456789"))
            #expect(u.nama == "SD NEGERI LOJEJER 01")
            #expect(u.parentId == Fixture.id("FAC341B3E610E5213B5743D79A3621EF"))
            #expect(u.instansiId == "x")
            #expect(!u.isActive)
        }

        @Test(arguments: [
            ("1", true), ("true", true), ("TRUE", true), ("Y", true), ("", true), ("-", true), ("0", false),
            ("false", false),
            ("N", false), ("n", false),
        ])
        func activeMark(_ text: String, _ active: Bool) throws {
            let d = try DecodingFixture(.siasnUnor, ["Id", "NamaUnor", "Aktif"])
            let record = TableRecord(
                line: 2, fields: ["fac341b3e610e5213b5743d79a3621ef", "Pemerintah Kab. Tuban", text], raw: "")
            #expect(d.decoder.unor(record).value()?.isActive == active)
        }

        @Test func withoutAnAktifColumnEveryUnitIsActive() throws {
            let d = try DecodingFixture(.siasnUnor, ["Id", "NamaUnor", "DiatasanId"])
            let u = try #require(
                d.decoder.unor(
                    TableRecord(line: 2, fields: ["fac341b3e610e5213b5743d79a3621ef", "X", "NULL"], raw: "")
                ).value())
            #expect(u.isActive)
            #expect(u.parentId == nil)
        }

        @Test func unknownAktifAndDiatasanIdAreReadAsTheDefaultsWithOneWarningEach() throws {
            let d = try DecodingFixture(.siasnUnor, ["Id", "NamaUnor", "DiatasanId", "Aktif"])
            func unit(_ parent: String, _ aktif: String) -> Unor? {
                d.decoder.unor(
                    TableRecord(line: 2, fields: ["fac341b3e610e5213b5743d79a3621ef", "X", parent, aktif], raw: "")
                ).value()
            }
            let odd = try #require(unit("induk", "kadang"))
            #expect(odd.isActive && odd.parentId == nil)
            #expect(unit("", "aktif sebagian")?.isActive == true)
            #expect(unit("12345", "0")?.parentId == nil)
            #expect(
                d.decoder.warnings == [
                    "Aktif tidak dikenal pada 2 baris (mis. 'kadang'): unit dibaca sebagai aktif",
                    "DiatasanId bukan id SIASN yang sah pada 2 baris (mis. 'induk'): dibaca tanpa unit atasan",
                ])
        }

        @Test(arguments: [
            (["fac341b3e610e5213b5743d79a3621ef", "---", "", "1"], "kolom wajib 'NamaUnor' kosong"),
            (["123", "X", "", "1"], "Id bukan id SIASN yang sah"),
        ])
        func aBadUnitRow(_ fields: [String], _ reason: String) throws {
            let d = try DecodingFixture(.siasnUnor, ["Id", "NamaUnor", "DiatasanId", "Aktif"])
            let reject = try #require(d.decoder.unor(TableRecord(line: 9, fields: fields, raw: "r")).reject())
            #expect(reject.reason.hasPrefix(reason), "\(reject.reason)")
            #expect(reject.line == 9 && reject.raw == "r")
        }

        // MARK: unor_npsn

        @Test func aCrosswalkRow() throws {
            let d = try DecodingFixture(.unorNpsn, ["UNOR_ID", "NPSN", "Keterangan"], file: "pemadanan/unor_npsn.csv")
            let c = try #require(
                d.decoder.crosswalk(
                    TableRecord(
                        line: 4, fields: ["E9574B0B700D71EAE0DE4E85707C47CD", "'20505089", "Pemadanan awal"], raw: "")
                ).value())
            #expect(c.unorId.text == "e9574b0b700d71eae0de4e85707c47cd")
            #expect(c.npsn.text == "20505089")
            #expect(c.keterangan == "Pemadanan awal")
            #expect(c.source == PadanCore.SourceLocation(file: "pemadanan/unor_npsn.csv", line: 4))
            let bad = try #require(
                d.decoder.crosswalk(
                    TableRecord(line: 5, fields: ["E9574B0B700D71EAE0DE4E85707C47CD", "2050508", ""], raw: "")
                ).reject())
            #expect(bad.reason.hasPrefix("npsn tidak sah"))
        }
    }
}
