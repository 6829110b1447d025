import PadanCore
import PadanReaders
import Testing

extension Decoding {
    @Suite("ColumnMap")
    struct ColumnMapTests {
        @Test(arguments: [
            ("Tanggal Lahir", "tanggal_lahir"), ("TANGGAL_LAHIR", "tanggal_lahir"), ("tanggal-lahir", "tanggal_lahir"),
            ("L/P", "l/p"), ("lp", "L/P"), ("nipBaru", "nip_baru"), ("Pangkat/Gol.", "pangkat/gol"),
            ("\u{FEFF}npsn", "npsn"),
            ("\tNama ", "nama"),
        ])
        func headerNamesMatchIgnoringCaseAndSeparators(_ a: String, _ b: String) {
            #expect(ColumnSpec.key(a) == ColumnSpec.key(b))
        }

        @Test(
            arguments: [
                ("  x  ", "x"), ("'x", "x"), ("' x ", "x"), ("''x", "'x"), ("-", nil), ("null", nil), ("NULL", nil),
                ("", nil), ("   ", nil),
                ("'", nil), ("'-", nil), ("Null", "Null"), ("--", "--"), ("-5", "-5"),
            ] as [(String, String?)])
        func commonReadingRules(_ raw: String, _ value: String?) {
            #expect(ColumnMap.clean(raw) == value)
        }

        @Test(arguments: InputKind.allCases)
        func everyRequiredColumnMissingIsFatalAndNamed(_ kind: InputKind) throws {
            let all = kind.columns.map(\.name)
            for column in kind.columns where column.required {
                let header = all.filter { $0 != column.name }
                #expect {
                    _ = try ColumnMap(header: header, kind: kind, file: "data/in.csv")
                } throws: { error in
                    guard let error = error as? InputError else { return false }
                    return error.kind == .missingColumn && error.file == "data/in.csv" && error.line == 1
                        && error.message.contains("'\(column.name)'") && error.description.hasPrefix("data/in.csv:1: ")
                }
            }
            // With every column there, nothing throws; optional ones may be missing.
            _ = try ColumnMap(header: all, kind: kind, file: "x")
            _ = try ColumnMap(header: kind.columns.filter(\.required).map(\.name), kind: kind, file: "x")
        }

        @Test func aliasesStandForTheColumn() throws {
            let map = try ColumnMap(
                header: [
                    "NPSN", "Nama Sekolah", "bentuk", "status", "Kode Kabupaten Kota", "Kabupaten/Kota", "Provinsi",
                ],
                kind: .dapodikSekolah, file: "x")
            let fields = ["20500001", "SDN 1", "SD", "N", "052400  ", "Kab. Tuban", "Prov. Jawa Timur"]
            #expect(map.value("nama", in: fields) == "SDN 1")
            #expect(map.value("kode_wilayah", in: fields) == "052400")
            #expect(map.value("kabupaten_kota", in: fields) == "Kab. Tuban")
            #expect(map.value("kecamatan", in: fields) == nil)
        }

        @Test func theFirstOfARepeatedColumnIsRead() throws {
            let map = try ColumnMap(header: ["unor_id", "npsn", "NPSN"], kind: .unorNpsn, file: "x")
            #expect(map.value("npsn", in: ["a", "20500001", "20500002"]) == "20500001")
        }

        @Test func theCanonicalNameWinsOverAnAlias() throws {
            let map = try ColumnMap(
                header: ["sekolah", "nama", "npsn", "bentuk", "status", "kode_wilayah", "kabupaten_kota", "provinsi"],
                kind: .dapodikSekolah, file: "x")
            #expect(map.value("nama", in: ["alias", "canonical", "", "", "", "", "", ""]) == "canonical")
        }

        @Test func aShortRecordHasNoValueForTheMissingFields() throws {
            let map = try ColumnMap(header: ["unor_id", "npsn", "keterangan"], kind: .unorNpsn, file: "x")
            #expect(map.value("keterangan", in: ["a", "b"]) == nil)
        }
    }
}
