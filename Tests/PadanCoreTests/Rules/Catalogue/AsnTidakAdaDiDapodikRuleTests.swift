import PadanCore
import PadanTestSupport
import Testing

@Suite("ASN_TIDAK_ADA_DI_DAPODIK")
struct AsnTidakAdaDiDapodikRuleTests {
    enum Where: Sendable { case schoolUnit, schoolSubUnit, office, unknownUnit }

    @Test(arguments: [
        ("a teacher in a school's unit", "Guru Ahli Muda", Where.schoolUnit, "Aktif", true),
        ("staff in a school's sub-unit", "Pengelola Keuangan", .schoolSubUnit, "Aktif", true),
        ("a teacher at the office", "Guru Ahli Pertama", .office, "Aktif", true),
        ("a teacher in a unit SIASN's tree lacks", "Guru Ahli Pertama", .unknownUnit, "Aktif", true),
        ("staff at the office", "Pengelola Keuangan", .office, "Aktif", false),
        ("retired", "Guru Ahli Madya", .schoolUnit, "Pensiun", false),
        ("deceased", "Guru Ahli Madya", .schoolUnit, "Meninggal", false),
        ("dismissed", "Guru Ahli Madya", .schoolUnit, "Diberhentikan", false),
    ])
    func flaggedWhenNoDapodikRowCarriesTheNIP(
        _ name: String, _ jabatan: String, _ place: Where, _ kedudukan: String, _ flagged: Bool
    ) throws {
        var region = SmallRegion()
        let unit: SiasnID
        switch place {
        case .schoolUnit: unit = region.unit1
        case .schoolSubUnit: unit = region.unit1Sub
        case .office: unit = region.office
        case .unknownUnit: unit = Fixture.id(number: 4_242, prefix: "c")
        }
        let pnsId = region.b.employee(
            "RINA", nip: Fixture.pnsNIP(sex: 2, serial: 77), unit: unit, gender: .female, kedudukan: kedudukan,
            jabatan: jabatan)
        let run = region.b.reconcile()
        let found = run.findings(.asnTidakAdaDiDapodik)
        #expect(found.count == (flagged ? 1 : 0), "\(name)")
        guard flagged else { return }
        let d = try #require(found.first)
        #expect(d.subject == .asn)
        #expect(d.subjectKey == "pns:" + pnsId.text)
        #expect(d.pnsId == pnsId.text)
        #expect(d.nip == Fixture.pnsNIP(sex: 2, serial: 77))
        #expect(d.siasnValue == d.nip)
        #expect(d.dapodikValue == "")
        #expect(d.code.owner == "Dinas Pendidikan")
        switch place {
        case .schoolUnit, .schoolSubUnit:
            // Placed at the school its unit belongs to.
            #expect(d.npsn == SmallRegion.school1)
            #expect(d.namaSekolah == "SD NEGERI 1 LOJEJER")
            #expect(d.upt == "BGP Tuban")
        default:
            #expect(d.npsn == "")
            #expect(d.kabupatenKota == "Kab. Tuban")
            // Routed by the region code Kab. Tuban's schools share (`0523…`), not to the `*` UPT.
            #expect(d.upt == "BGP Tuban")
        }
    }

    /// Without a school, a finding goes to the UPT whose prefix covers every school of the person's government,
    /// to the province's list without a `[[upt]]` table, and to the `*` UPT when no prefix covers them all.
    @Test(arguments: [
        ("Pemerintah Kab. Tuban", true, "BGP Tuban"),
        ("Pemerintah Kab. Tuban", false, "Prov. Jawa Timur"),
        // Tuban (`0523…`) and Banyuwangi (`0525…`) share `052`, which BGP Tuban's `0523` does not cover.
        ("Pemerintah Provinsi Jawa Timur", true, "BGP Jawa Timur"),
        ("Pemerintah Provinsi Jawa Timur", false, "Prov. Jawa Timur"),
        ("Pemerintah Kabupaten Banyuwangi", true, "BGP Jawa Timur"),
        // A government Dapodik lists no school of: the `*` UPT, as any finding of no known area.
        ("Pemerintah Kab. Lamongan", true, "BGP Jawa Timur"),
        ("Pemerintah Kab. Lamongan", false, ""),
    ])
    func aTeacherAtAnOfficeGoesToTheUptOfTheirGovernment(_ instansi: String, _ table: Bool, _ upt: String) throws {
        var region = SmallRegion()
        if !table { region.b.settings.upts = [] }
        region.b.employee(
            "RINA", nip: Fixture.pnsNIP(sex: 2, serial: 77), unit: region.office, gender: .female,
            jabatan: "Guru Ahli Pertama", instansi: instansi)
        let d = try #require(region.b.reconcile().findings(.asnTidakAdaDiDapodik).first)
        #expect(d.upt == upt)
    }

    @Test func carriedNIPsAndTheSingleSuggestionAreNotMissing() {
        var region = SmallRegion()
        // Carried by an ASN row (linked), by a PNS Depag row, and the single candidate of a row.
        region.add(.with { $0.ptkId = "asn" })
        region.b.teacher("Depag", nip: Fixture.pnsNIP(serial: 201), npsn: SmallRegion.school1, status: "PNS Depag")
        region.b.employee("DEPAG", nip: Fixture.pnsNIP(serial: 201), unit: region.unit1)
        region.b.teacher("Siti", nip: nil, npsn: SmallRegion.school1, gender: .female, born: "1990-02-03")
        region.b.employee(
            "SITI", nip: Fixture.pnsNIP(sex: 2, serial: 202), unit: region.unit1, gender: .female, born: "1990-02-03")
        let run = region.b.reconcile()
        #expect(run.findings(.asnTidakAdaDiDapodik).isEmpty)
    }
}
