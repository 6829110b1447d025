import PadanCore
import PadanReaders
import PadanTestSupport
import Testing

extension Decoding {
    @Suite("RecordDecoder: dapodik_ptk, dapodik_sekolah")
    struct RecordDecoderDapodikTests {
        static let ptkHeader = [
            "ptk_id", "nama", "nip", "nuptk", "nik", "jenis_kelamin", "tanggal_lahir", "status_kepegawaian",
            "jenis_ptk",
            "tugas_tambahan", "pangkat_golongan", "npsn", "status_tugas",
        ]
        /// The same columns as the ministry's GTK export spells them, in another order, with an unknown column.
        static let ptkAliasHeader = [
            "NPSN", "Nama", "NIP", "L/P", "Tanggal Lahir", "Status_Kepegawaian_Id_Str", "jenis_ptk_id_str",
            "JABATAN_PTK_ID_STR", "Pangkat/Gol", "PTK_Induk", "Agama", "PTK ID",
        ]

        static let good: [String: String] = [
            "ptk_id": "52F6F1E7-0b75-408b-a9b7-7fac9fefdc6d", "nama": "  Drs. H. Ahmad Fauzi, S.Pd. ",
            "nip": "'19850101 201001 1 001", "nuptk": "5244211527454461", "nik": "NULL", "jenis_kelamin": "L",
            "tanggal_lahir": "01/01/1985", "status_kepegawaian": "PNS", "jenis_ptk": "Guru Kelas",
            "tugas_tambahan": "-",
            "pangkat_golongan": "III/a", "npsn": "'20505185", "status_tugas": "Induk",
        ]

        @Test func aTeacherRow() throws {
            let d = try DecodingFixture(.dapodikPtk, Self.ptkHeader, file: "dapodik/ptk-1.csv")
            let t = try #require(d.decoder.teacher(d.record(Self.good, line: 7)).value())
            #expect(t.ptkId == "52F6F1E7-0b75-408b-a9b7-7fac9fefdc6d")
            #expect(t.nama == "Drs. H. Ahmad Fauzi, S.Pd.")
            #expect(t.nipText == "19850101 201001 1 001")
            #expect(t.nip.nip?.digits == "198501012010011001")
            #expect(t.gender == .male)
            #expect(t.birthDate == Fixture.date("1985-01-01"))
            #expect(t.employment == .pns)
            #expect(t.jenisPtk == "Guru Kelas")
            #expect(t.tugasTambahan == nil)
            #expect(t.golongan?.canonical == "III/a")
            #expect(t.npsn.text == "20505185")
            #expect(t.isInduk)
            #expect(t.source == PadanCore.SourceLocation(file: "dapodik/ptk-1.csv", line: 7))
        }

        @Test func aliasesAndCaseInTheHeader() throws {
            let d = try DecodingFixture(.dapodikPtk, Self.ptkAliasHeader)
            let record = d.record([
                "NPSN": "20505185", "Nama": "Siti", "NIP": "", "L/P": "P", "Tanggal Lahir": "1990-02-03",
                "Status_Kepegawaian_Id_Str": "PPPK", "jenis_ptk_id_str": "Kepala Sekolah",
                "JABATAN_PTK_ID_STR": "Plt. Kepala Sekolah",
                "Pangkat/Gol": "ix", "PTK_Induk": "0", "Agama": "Islam", "PTK ID": "abc",
            ])
            let t = try #require(d.decoder.teacher(record).value())
            #expect(t.ptkId == "abc")
            #expect(t.gender == .female)
            #expect(t.nip == .empty)
            #expect(t.nipText == nil)
            #expect(t.employment == .pppk)
            #expect(t.tugasTambahan == "Plt. Kepala Sekolah")
            #expect(t.golongan?.canonical == "IX")
            #expect(!t.isInduk)
        }

        @Test(arguments: [
            ("Induk", true), ("induk", true), ("1", true), ("Non Induk", false), ("NON-INDUK", false),
            ("non_induk", false),
            ("0", false), ("", true), ("-", true), ("null", true),
        ])
        func statusTugas(_ text: String, _ induk: Bool) throws {
            let d = try DecodingFixture(.dapodikPtk, Self.ptkHeader)
            var values = Self.good
            values["status_tugas"] = text
            #expect(d.decoder.teacher(d.record(values)).value()?.isInduk == induk)
        }

        @Test(arguments: [nil, "", "-", "null", "NULL", " "] as [String?])
        func noValueMarkers(_ marker: String?) throws {
            let d = try DecodingFixture(.dapodikPtk, Self.ptkHeader)
            var values = Self.good
            for column in ["ptk_id", "nip", "nuptk", "nik", "tugas_tambahan", "pangkat_golongan"] {
                values[column] = marker
            }
            let t = try #require(d.decoder.teacher(d.record(values)).value())
            #expect(t.ptkId == nil && t.nipText == nil)
            #expect(t.tugasTambahan == nil && t.golonganText == nil && t.golongan == nil)
            #expect(t.nip == .empty)
        }

        /// Four-byte values that only look like the marker stay values.
        @Test(arguments: ["Null", "nulL", "nul1", "NULLs", " null x"])
        func nearlyNoValueMarkersAreValues(_ text: String) throws {
            let d = try DecodingFixture(.dapodikPtk, Self.ptkHeader)
            var values = Self.good
            values["tugas_tambahan"] = text
            let t = try #require(d.decoder.teacher(d.record(values)).value())
            #expect(t.tugasTambahan == text.trimmingCharacters(in: .whitespaces))
        }

        @Test func aBrokenNIPIsKeptForTheRulesNotRejected() throws {
            let d = try DecodingFixture(.dapodikPtk, Self.ptkHeader)
            var values = Self.good
            values["nip"] = "1.98501E+17"
            let t = try #require(d.decoder.teacher(d.record(values)).value())
            #expect(t.nip == .corrupted("1.98501E+17"))
            values["nip"] = "19850101201001100"
            guard case .invalid = try #require(d.decoder.teacher(d.record(values)).value()).nip else {
                Issue.record("17 digits read as valid")
                return
            }
        }

        @Test(arguments: [
            ("nama", "", "kolom wajib 'nama' kosong"),
            ("status_kepegawaian", "-", "kolom wajib 'status_kepegawaian' kosong"),
            ("jenis_ptk", "NULL", "kolom wajib 'jenis_ptk' kosong"),
            ("npsn", "", "kolom wajib 'npsn' kosong"),
            ("npsn", "2050518", "npsn tidak sah (harus 8 angka): 2050518"),
            ("jenis_kelamin", "X", "jenis_kelamin tidak dikenal: X"),
            ("tanggal_lahir", "31-02-1980", "tanggal_lahir bukan tanggal yang sah: 31-02-1980"),
            ("tanggal_lahir", "1980/01/01", "tanggal_lahir bukan tanggal yang sah"),
        ])
        func rejectsWithAReasonInBahasa(_ column: String, _ value: String, _ reason: String) throws {
            let d = try DecodingFixture(.dapodikPtk, Self.ptkHeader)
            var values = Self.good
            values[column] = value
            let record = d.record(values, line: 41)
            let reject = try #require(d.decoder.teacher(record).reject())
            #expect(reject.reason.hasPrefix(reason), "\(reject.reason)")
            #expect(reject.line == 41)
            #expect(reject.raw == record.raw)
        }

        @Test func anUnknownStatusTugasIsReadAsIndukWithOneWarningPerFile() throws {
            let d = try DecodingFixture(.dapodikPtk, Self.ptkHeader)
            #expect(d.decoder.warnings.isEmpty)
            var values = Self.good
            for text in ["Ya (Induk)", "Kadang", "Ya (Induk)"] {
                values["status_tugas"] = text
                #expect(d.decoder.teacher(d.record(values)).value()?.isInduk == true)
            }
            values["status_tugas"] = "Non Induk"
            #expect(d.decoder.teacher(d.record(values)).value()?.isInduk == false)
            // A row rejected for another reason is not read, so it is not counted.
            values["status_tugas"] = "Kadang"
            values["npsn"] = ""
            _ = d.decoder.teacher(d.record(values)).reject()
            #expect(
                d.decoder.warnings == [
                    "status_tugas tidak dikenal pada 3 baris (mis. 'Ya (Induk)'): dibaca sebagai Induk"
                ])
        }

        @Test func theFirstProblemIsTheReason() throws {
            let d = try DecodingFixture(.dapodikPtk, Self.ptkHeader)
            var values = Self.good
            values["jenis_kelamin"] = "X"
            values["tanggal_lahir"] = "kemarin"
            #expect(try #require(d.decoder.teacher(d.record(values)).reject()).reason.hasPrefix("jenis_kelamin"))
        }

        @Test func emptyBirthDateAndSexAreNoValueNotAReject() throws {
            let d = try DecodingFixture(.dapodikPtk, Self.ptkHeader)
            var values = Self.good
            values["jenis_kelamin"] = ""
            values["tanggal_lahir"] = "01-01-0001"
            let t = try #require(d.decoder.teacher(d.record(values)).value())
            #expect(t.gender == nil)
            #expect(t.birthDate == nil)
        }

        // MARK: dapodik_sekolah

        static let schoolHeader = [
            "NPSN", "Nama Sekolah", "Bentuk_Pendidikan_Id_Str", "Status_Sekolah_Str", "kode_wilayah", "Kabupaten_Kota",
            "Provinsi",
            "Kecamatan",
        ]

        @Test(arguments: [
            ("Negeri", true), ("NEGERI", true), ("N", true), ("1", true), ("Swasta", false), ("s", false), ("2", false),
        ])
        func aSchoolRow(_ status: String, _ negeri: Bool) throws {
            let d = try DecodingFixture(.dapodikSekolah, Self.schoolHeader, file: "sekolah.xml")
            let record = d.record([
                "NPSN": "20505185", "Nama Sekolah": "SDN LOJEJER 01", "Bentuk_Pendidikan_Id_Str": "sd",
                "Status_Sekolah_Str": status,
                "kode_wilayah": "052400  ", "Kabupaten_Kota": "Kab. Jember", "Provinsi": "Prov. Jawa Timur",
                "Kecamatan": "-",
            ])
            let s = try #require(d.decoder.school(record).value())
            #expect(s.npsn.text == "20505185")
            #expect(s.nama == "SDN LOJEJER 01")
            #expect(s.bentuk == "SD")
            #expect(s.isNegeri == negeri)
            #expect(s.kodeWilayah == "052400")
            #expect(s.kabupatenKota == "Kab. Jember")
            #expect(s.kecamatan == nil)
            #expect(s.source.file == "sekolah.xml")
        }

        @Test(arguments: [
            ("Status_Sekolah_Str", "Negri", "status_sekolah tidak dikenal: Negri"),
            ("NPSN", "ABCDEFGH", "npsn tidak sah"),
            ("Provinsi", "", "kolom wajib 'provinsi' kosong"),
            ("kode_wilayah", "null", "kolom wajib 'kode_wilayah' kosong"),
        ])
        func aBadSchoolRow(_ column: String, _ value: String, _ reason: String) throws {
            let d = try DecodingFixture(.dapodikSekolah, Self.schoolHeader)
            var values = [
                "NPSN": "20505185", "Nama Sekolah": "SDN 1", "Bentuk_Pendidikan_Id_Str": "SD",
                "Status_Sekolah_Str": "N",
                "kode_wilayah": "052400", "Kabupaten_Kota": "Kab. Jember", "Provinsi": "Prov. Jawa Timur",
            ]
            values[column] = value
            let reject = try #require(d.decoder.school(d.record(values)).reject())
            #expect(reject.reason.hasPrefix(reason), "\(reject.reason)")
        }

        @Test func aMissingRequiredColumnNamesIt() {
            #expect {
                _ = try DecodingFixture(
                    .dapodikPtk, Self.ptkHeader.filter { $0 != "jenis_ptk" }, file: "dapodik/ptk-2.csv")
            } throws: { error in
                guard let error = error as? InputError else { return false }
                return error.kind == .missingColumn && error.description.contains("dapodik/ptk-2.csv")
                    && error.message.contains("'jenis_ptk'")
            }
        }
    }
}
