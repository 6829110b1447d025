import PadanCore
import PadanReaders
import PadanTestSupport
import Testing

extension Decoding {
    /// A required column judged over a whole XML file: fatal only when no record holds it.
    @Suite("RecordDecoder: required columns of XML files")
    struct RequiredColumnTests {
        /// Reads `xml` as a `dapodik_sekolah` file: the decoder, each record's decoding, and the reader.
        func read(_ xml: String) throws -> (RecordDecoder, [Result<School, RowReject>], any TableReader) {
            let reader = try XMLTableReader(
                source: MemoryByteSource(xml), file: "sekolah.xml", columns: InputKind.dapodikSekolah.columnGroups)
            let decoder = try RecordDecoder(
                kind: .dapodikSekolah, header: reader.header, file: "sekolah.xml", runDate: Fixture.runDate)
            var results: [Result<School, RowReject>] = []
            while let event = try reader.next() {
                if case .record(let record) = event { results.append(decoder.school(record)) }
            }
            return (decoder, results, reader)
        }

        static func school(_ npsn: String, _ kecamatan: String?, nama: String? = "SD NEGERI 1") -> String {
            "<sekolah><npsn>\(npsn)</npsn>" + (nama.map { "<nama>\($0)</nama>" } ?? "")
                + "<bentuk_pendidikan>SD</bentuk_pendidikan><status_sekolah>Negeri</status_sekolah>"
                + "<kode_wilayah>050619</kode_wilayah><kabupaten_kota>Kab. Tuban</kabupaten_kota><provinsi>Prov. Jawa Timur</provinsi>"
                + (kecamatan.map { "<kecamatan>\($0)</kecamatan>" } ?? "") + "</sekolah>\n"
        }

        @Test func aRequiredFieldMissingFromSomeRecordsRejectsThoseRowsOnly() throws {
            let xml =
                "<d>\n" + Self.school("20504741", nil, nama: nil) + Self.school("20504744", "Kec. Bancar") + "</d>"
            let (decoder, results, reader) = try read(xml)
            #expect(try #require(results.first).reject()?.reason == "kolom wajib 'nama' kosong")
            #expect(try #require(results.last).value()?.kecamatan == "Kec. Bancar")
            #expect(throws: Never.self) { try decoder.checkRequiredColumns(heldBy: reader) }
        }

        @Test func aRequiredColumnNoRecordHoldsIsFatal() throws {
            let xml =
                "<d>\n" + Self.school("20504741", "Kec. Bancar", nama: nil) + Self.school("20504744", nil, nama: nil)
                + "</d>"
            let (decoder, _, reader) = try read(xml)
            #expect(
                throws: InputError(
                    .missingColumn, file: "sekolah.xml",
                    message: "kolom wajib 'nama' tidak ada di rekaman mana pun (dapodik_sekolah)")
            ) {
                try decoder.checkRequiredColumns(heldBy: reader)
            }
        }

        @Test func anOptionalColumnNoRecordHoldsIsNoValue() throws {
            let xml = "<d>\n" + Self.school("20504741", nil) + "</d>"
            let (decoder, results, reader) = try read(xml)
            #expect(try #require(results.first).value()?.kecamatan == nil)
            #expect(throws: Never.self) { try decoder.checkRequiredColumns(heldBy: reader) }
        }

        @Test func anEmptyTableHasNoMissingColumn() throws {
            let (decoder, results, reader) = try read("<?xml version=\"1.0\"?>\n<daftar_sekolah>\n</daftar_sekolah>\n")
            #expect(results.isEmpty)
            #expect(throws: Never.self) { try decoder.checkRequiredColumns(heldBy: reader) }
        }
    }
}
