import PadanCore
import PadanTestSupport
import Testing

@Suite("Disparity and the catalogue")
struct DisparityTests {
    @Test(arguments: [
        (DisparityCode.nipKosong, 1, "Operator Sekolah"), (.nipRusak, 1, "Operator Sekolah"),
        (.nipTidakValid, 1, "Operator Sekolah"), (.nipGanda, 1, "Operator Sekolah"),
        (.nipTidakDitemukan, 1, "Operator Sekolah / Dinas Pendidikan"), (.asnTidakAdaDiDapodik, 1, "Dinas Pendidikan"),
        (.unorWilayahBerbeda, 2, "BKD"), (.npsnBelumPadan, 3, "BKD / Dinas Pendidikan"), (.pemadananGanda, 3, "BKD"),
        (.unorSatpenBerbeda, 3, "BKD"), (.unorTidakAktif, 3, "BKD"), (.namaBerbeda, 4, "Operator Sekolah"),
        (.tglLahirBerbeda, 4, "Operator Sekolah"), (.jenisKelaminBerbeda, 4, "Operator Sekolah"),
        (.golonganBerbeda, 4, "BKD"), (.jabatanBerbeda, 4, "BKD"), (.statusBerbeda, 4, "BKD"),
    ])
    func catalogue(_ code: DisparityCode, _ priority: Int, _ owner: String) {
        #expect(code.priority == priority)
        #expect(code.owner == owner)
        #expect(!code.uraian.isEmpty && !code.tindakan.isEmpty)
    }

    @Test func catalogueOrderAndRegistry() {
        #expect(
            DisparityCode.allCases.map(\.rawValue) == [
                "NIP_KOSONG", "NIP_RUSAK", "NIP_TIDAK_VALID", "NIP_GANDA", "NIP_TIDAK_DITEMUKAN",
                "ASN_TIDAK_ADA_DI_DAPODIK",
                "UNOR_WILAYAH_BERBEDA", "NPSN_BELUM_PADAN", "PEMADANAN_GANDA", "UNOR_SATPEN_BERBEDA",
                "UNOR_TIDAK_AKTIF",
                "NAMA_BERBEDA", "TGL_LAHIR_BERBEDA", "JENIS_KELAMIN_BERBEDA", "GOLONGAN_BERBEDA", "JABATAN_BERBEDA",
                "STATUS_BERBEDA",
            ])
        #expect(RuleRegistry.rules.map(\.code) == DisparityCode.allCases)
        #expect(DisparityCode.nipKosong < .statusBerbeda)
        #expect(DisparityCode.allCases.map(\.order) == Array(0..<17))
    }

    @Test func idIsAFunctionOfCodeAndSubject() {
        var a = Disparity(code: .namaBerbeda, subject: .ptk, subjectKey: "ptk:abc")
        var b = Disparity(code: .namaBerbeda, subject: .ptk, subjectKey: "ptk:abc")
        a.nama = "Ahmad"
        b.nama = "Budi"
        b.dapodikValue = "x"
        b.npsn = "20500001"
        #expect(a.id == b.id)
        #expect(a.id.count == 16)
        #expect(a.id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        let others = [
            Disparity(code: .tglLahirBerbeda, subject: .ptk, subjectKey: "ptk:abc"),
            Disparity(code: .namaBerbeda, subject: .asn, subjectKey: "ptk:abc"),
            Disparity(code: .namaBerbeda, subject: .ptk, subjectKey: "ptk:abd"),
        ]
        #expect(Set(others.map(\.id) + [a.id]).count == 4)
    }

    @Test func joinedMovesThePartsInOrder() {
        func finding(_ n: Int) -> Disparity {
            var d = Disparity(code: .namaBerbeda, subject: .ptk, subjectKey: "ptk:\(n)")
            d.nama = "Nama yang cukup panjang untuk disimpan di heap \(n)"
            return d
        }
        var parts = [[finding(1), finding(2)], [], [finding(3)]]
        let shared = parts[2]
        let joined = Disparity.joined(&parts)
        #expect(joined.map(\.subjectKey) == ["ptk:1", "ptk:2", "ptk:3"])
        #expect(joined[0].nama == "Nama yang cukup panjang untuk disimpan di heap 1")
        // Each part is left holding as many empty findings; a part shared elsewhere is left whole there.
        #expect(parts.map(\.count) == [2, 0, 1])
        #expect(parts.joined().allSatisfy { $0.subjectKey.isEmpty && $0.nama.isEmpty })
        #expect(shared.map(\.subjectKey) == ["ptk:3"])
    }

    @Test func idIsStableAcrossProcesses() {
        // FNV-1a 64 of "NIP_KOSONG|PTK|ptk:p": a fixed value, not a per-process hash.
        let d = Disparity(code: .nipKosong, subject: .ptk, subjectKey: "ptk:p")
        #expect(d.id == Self.fnv1a("NIP_KOSONG|PTK|ptk:p"))
    }

    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test func idsAreStableBetweenRuns() {
        let pair = SmallRegion.Pair.with { $0.siasnNama = "BAMBANG" }
        #expect(SmallRegion.with(pair).disparities.map(\.id) == SmallRegion.with(pair).disparities.map(\.id))
    }

    @Test func outputOrder() {
        func d(_ code: DisparityCode, kab: String, npsn: String, nip: String, key: String = "k") -> Disparity {
            var d = Disparity(code: code, subject: .ptk, subjectKey: key)
            d.kabupatenKota = kab
            d.npsn = npsn
            d.nip = nip
            return d
        }
        let expected = [
            d(.nipKosong, kab: "Kab. Tuban", npsn: "2", nip: ""),
            d(.asnTidakAdaDiDapodik, kab: "Kab. Banyuwangi", npsn: "9", nip: "3"),
            d(.nipRusak, kab: "Kab. Tuban", npsn: "1", nip: "9"),
            d(.nipKosong, kab: "Kab. Tuban", npsn: "2", nip: "", key: "z"),
            d(.unorWilayahBerbeda, kab: "Kab. Banyuwangi", npsn: "1", nip: "1"),
            d(.npsnBelumPadan, kab: "Kab. Tuban", npsn: "1", nip: ""),
            d(.unorSatpenBerbeda, kab: "Kab. Tuban", npsn: "1", nip: "1"),
            // Codes by their text: GOLONGAN before NAMA before TGL_LAHIR (not the catalogue's order).
            d(.golonganBerbeda, kab: "Kab. Tuban", npsn: "1", nip: "1"),
            d(.golonganBerbeda, kab: "Kab. Tuban", npsn: "1", nip: "2"),
            d(.namaBerbeda, kab: "Kab. Tuban", npsn: "1", nip: "2"),
            d(.tglLahirBerbeda, kab: "Kab. Tuban", npsn: "1", nip: "1"),
        ]
        // Expected order, as the sort must find it from any start.
        let sortedOnce = expected.reversed().sorted(by: Disparity.outputOrder)
        #expect(
            sortedOnce.map(\.code) == [
                .asnTidakAdaDiDapodik, .nipRusak, .nipKosong, .nipKosong, .unorWilayahBerbeda, .npsnBelumPadan,
                .unorSatpenBerbeda, .golonganBerbeda, .golonganBerbeda, .namaBerbeda, .tglLahirBerbeda,
            ])
        #expect(sortedOnce.map(\.nip)[7...8] == ["1", "2"])
        #expect(sortedOnce[2].subjectKey == "k" && sortedOnce[3].subjectKey == "z")
        #expect(expected.shuffled().sorted(by: Disparity.outputOrder).map(\.id) == sortedOnce.map(\.id))
        #expect(Disparity.inOutputOrder(expected.shuffled()).map(\.id) == sortedOnce.map(\.id))
    }

    /// The keyed sort is the comparison's stable sort, equal findings (same id) included, on texts whose
    /// `String` order differs from their bytes' (`é` composed and decomposed are one value).
    @Test func keyedSortIsTheStableSort() {
        var generator = SystemRandomNumberGenerator()
        let kabs = ["Kab. Tuban", "Kota Batu", "Kab. Bima", "Kab. Sélatan", "Kab. Se\u{301}latan", ""]
        let codes = Array(DisparityCode.allCases.prefix(6))
        for _ in 0..<20 {
            let findings = (0..<300).map { i -> Disparity in
                var d = Disparity(
                    code: codes.randomElement(using: &generator)!, subject: .ptk,
                    subjectKey: "ptk:\(Int.random(in: 0..<4, using: &generator))")
                d.kabupatenKota = kabs.randomElement(using: &generator)!
                d.npsn = ["", "20500001", "20500002"].randomElement(using: &generator)!
                d.nip = ["", "1", "2", "10"].randomElement(using: &generator)!
                d.source = "row \(i)"
                return d
            }
            #expect(
                Disparity.inOutputOrder(findings).map(\.source)
                    == findings.sorted(by: Disparity.outputOrder).map(\.source))
        }
    }

    @Test func judgeSortsInOutputOrder() {
        var region = SmallRegion()
        region.add(
            .with {
                $0.siasnNama = "BAMBANG"; $0.instansi = "Pemerintah Kabupaten Banyuwangi"
            })
        region.add(
            .with {
                $0.ptkId = "q"; $0.nip = nil
            }, siasn: false)
        let run = region.b.reconcile()
        #expect(run.disparities.map(\.priority) == run.disparities.map(\.priority).sorted())
        #expect(run.disparities.map(\.code) == [.nipKosong, .unorWilayahBerbeda, .npsnBelumPadan, .namaBerbeda])
    }
}

@Suite("Disparity ids of SIASN subjects")
struct SiasnSubjectIdTests {
    /// The same SIASN person or unit, written undashed one night and dashed (upper-case) the next.
    static let undashed = "632cda9fb0b6d00d402fcd41fabd926f"
    static let dashed = "632CDA9F-B0B6-D00D-402F-CD41FABD926F"

    @Test func anAsnKeepsItsIdWhateverTheSpellingOfItsPnsId() throws {
        func id(_ pnsId: String) throws -> String {
            var region = SmallRegion()
            region.b.employee("RINA", nip: Fixture.pnsNIP(sex: 2, serial: 77), unit: region.unit1, pnsId: pnsId)
            return try #require(region.b.reconcile().findings(.asnTidakAdaDiDapodik).first).id
        }
        #expect(try id(Self.undashed) == id(Self.dashed))
    }

    @Test func aUnitKeepsItsIdWhateverTheSpellingOfItsId() throws {
        func id(_ unorId: String) throws -> String {
            var region = SmallRegion()
            region.b.crosswalk(Fixture.id(unorId), SmallRegion.school1)
            region.b.crosswalk(Fixture.id(unorId), SmallRegion.school2)
            return try #require(region.b.reconcile().findings(.pemadananGanda).first).id
        }
        #expect(try id(Self.undashed) == id(Self.dashed))
    }
}
