import PadanCore
import PadanTestSupport
import Testing

@Suite("UNOR_WILAYAH_BERBEDA")
struct UnorWilayahBerbedaRuleTests {
    @Test(arguments: [
        RuleCase("same kabupaten", flagged: false),
        RuleCase("same kabupaten, other spelling", flagged: false) { $0.instansi = "Pemerintah Kabupaten Tuban" },
        RuleCase("another kabupaten", flagged: true) { $0.instansi = "Pemerintah Kabupaten Banyuwangi" },
        RuleCase("the province for an SD", flagged: true) { $0.instansi = "Pemerintah Provinsi Jawa Timur" },
        RuleCase("the province for an SMA", flagged: false) {
            $0.npsn = SmallRegion.sma
            $0.instansi = "Pemerintah Provinsi Jawa Timur"
        },
        RuleCase("the kabupaten for an SMA", flagged: true) { $0.npsn = SmallRegion.sma },
        RuleCase("no instansi: the unit's tree decides (same)", flagged: false) { $0.instansi = "" },
        RuleCase("a school without a unit still checks the government", flagged: true) {
            $0.npsn = SmallRegion.school3
            $0.instansi = "Pemerintah Kabupaten Banyuwangi"
        },
        RuleCase("a Swasta school: no UNOR_* at all", flagged: false) {
            $0.npsn = SmallRegion.swasta
            $0.instansi = "Pemerintah Kabupaten Banyuwangi"
        },
        RuleCase("not linked", flagged: false) {
            $0.instansi = "Pemerintah Kabupaten Banyuwangi"
            $0.siasnNip = Fixture.pnsNIP(serial: 999)
        },
    ])
    func flagged(_ c: RuleCase) {
        c.check(.unorWilayahBerbeda)
    }

    @Test func noInstansiUsesTheTreeOfTheUnit() throws {
        var region = SmallRegion()
        region.add(
            .with {
                $0.instansi = ""; $0.unit = region.gentengUnit
            })
        let run = region.b.reconcile()
        #expect(run.findings(.unorWilayahBerbeda).count == 1)
    }

    @Test func values() throws {
        let run = SmallRegion.with(.with { $0.instansi = "Pemerintah Kabupaten Banyuwangi" })
        let d = try #require(run.findings(.unorWilayahBerbeda).first)
        #expect(d.dapodikValue == "Kab. Tuban")
        #expect(d.siasnValue == "Pemerintah Kabupaten Banyuwangi")
        #expect(d.priority == 2)
        #expect(d.pnsId != "")
        // The wrong government is not also the wrong school unit.
        #expect(run.findings(.unorSatpenBerbeda).isEmpty)
    }
}
