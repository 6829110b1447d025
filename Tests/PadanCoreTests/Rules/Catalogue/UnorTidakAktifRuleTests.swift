import PadanCore
import PadanTestSupport
import Testing

@Suite("UNOR_TIDAK_AKTIF")
struct UnorTidakAktifRuleTests {
    @Test(arguments: [
        RuleCase("an active unit", flagged: false),
        RuleCase("an inactive sub-unit of the school's unit", flagged: true) { $0.unit = SmallRegion().unit1Inactive },
        RuleCase("a Swasta school", flagged: false) {
            $0.npsn = SmallRegion.swasta
            $0.unit = SmallRegion().unit1Inactive
        },
        RuleCase("not linked", flagged: false) {
            $0.unit = SmallRegion().unit1Inactive
            $0.siasnNip = Fixture.pnsNIP(serial: 999)
        },
    ])
    func flagged(_ c: RuleCase) {
        c.check(.unorTidakAktif)
    }

    @Test func anInactiveSubUnitOfTheSchoolIsStillTheSchool() throws {
        let run = SmallRegion.with(.with { $0.unit = SmallRegion().unit1Inactive })
        #expect(run.findings(.unorSatpenBerbeda).isEmpty)
        let d = try #require(run.findings(.unorTidakAktif).first)
        #expect(d.siasnValue == "PERPUSTAKAAN SD NEGERI 1 LOJEJER")
    }

    @Test func onlyTheUnitsOwnMarkCounts() {
        var region = SmallRegion()
        let closed = region.b.unit("KORWIL LAMA", under: region.tuban, active: false)
        let open = region.b.unit("SEKSI KURIKULUM", under: closed)
        region.add(.with { $0.unit = open })
        let run = region.b.reconcile()
        #expect(run.findings(.unorTidakAktif).isEmpty)
        #expect(run.findings(.unorSatpenBerbeda).count == 1)
    }
}
