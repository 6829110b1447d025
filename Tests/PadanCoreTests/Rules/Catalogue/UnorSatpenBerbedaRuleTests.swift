import PadanCore
import PadanTestSupport
import Testing

@Suite("UNOR_SATPEN_BERBEDA")
struct UnorSatpenBerbedaRuleTests {
    @Test(arguments: [
        RuleCase("in the school's unit", flagged: false),
        RuleCase("in a sub-unit of the school's unit", flagged: false) { $0.unit = SmallRegion().unit1Sub },
        RuleCase("in another school's unit", flagged: true) { $0.unit = SmallRegion().unit2 },
        RuleCase("at the office", flagged: true) { $0.unit = SmallRegion().office },
        RuleCase("in a unit SIASN's tree lacks", flagged: true) { $0.unit = Fixture.id(number: 4_343, prefix: "c") },
        RuleCase("a school without a unit", flagged: false) {
            $0.npsn = SmallRegion.school3
            $0.unit = SmallRegion().unit2
        },
        RuleCase("a Swasta school", flagged: false) {
            $0.npsn = SmallRegion.swasta
            $0.unit = SmallRegion().unit2
        },
        RuleCase("another government: UNOR_WILAYAH_BERBEDA instead", flagged: false) {
            $0.instansi = "Pemerintah Kabupaten Banyuwangi"
            $0.unit = SmallRegion().gentengUnit
        },
        RuleCase("an SMA in its province unit", flagged: false) {
            $0.npsn = SmallRegion.sma
            $0.instansi = "Pemerintah Provinsi Jawa Timur"
        },
        RuleCase("not linked", flagged: false) {
            $0.unit = SmallRegion().unit2
            $0.siasnNip = Fixture.pnsNIP(serial: 999)
        },
    ])
    func flagged(_ c: RuleCase) {
        c.check(.unorSatpenBerbeda)
    }

    @Test func theNonIndukRowDoesNotDecide() {
        var region = SmallRegion()
        region.add(.with { $0.unit = region.unit1 })
        // The same person listed at school 2 too, Non Induk: school 1 stays theirs.
        region.b.teacher(
            "Ahmad Fauzi", nip: SmallRegion.Pair().nip, npsn: SmallRegion.school2, ptkId: "p", induk: false)
        let run = region.b.reconcile()
        #expect(run.findings(.unorSatpenBerbeda).isEmpty)
        #expect(run.findings(.nipGanda).isEmpty)
    }

    @Test func suggestionIsTheSchoolsUnit() throws {
        var region = SmallRegion()
        region.add(.with { $0.unit = region.unit2 })
        let run = region.b.reconcile()
        let d = try #require(run.findings(.unorSatpenBerbeda).first)
        #expect(d.suggestion == region.unit1.text)
        #expect(d.unorId == region.unit2.text)
        #expect(d.dapodikValue == "SD NEGERI 1 LOJEJER")
        #expect(d.siasnValue == "SD NEGERI 2 LOJEJER")
        #expect(d.priority == 3)
    }

    @Test func crosswalkToAUnitSiasnLacksComparesIds() {
        var region = SmallRegion()
        let ghost = Fixture.id(number: 5_000, prefix: "c")
        region.b.crosswalk(ghost, SmallRegion.school3)
        region.add(
            .with {
                $0.npsn = SmallRegion.school3; $0.unit = ghost; $0.ptkId = "in"
            })
        region.add(
            .with {
                $0.npsn = SmallRegion.school3; $0.ptkId = "out"; $0.nip = Fixture.pnsNIP(serial: 102)
            })
        let run = region.b.reconcile()
        #expect(run.findings(.unorSatpenBerbeda).map(\.ptkId) == ["out"])
    }
}
