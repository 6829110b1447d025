import PadanCore
import PadanTestSupport
import Testing

@Suite("PEMADANAN_GANDA")
struct PemadananGandaRuleTests {
    @Test func aSchoolWithTwoUnits() throws {
        var region = SmallRegion()
        region.b.crosswalk(region.unit1, SmallRegion.school1)
        region.b.crosswalk(region.unit2, SmallRegion.school1)
        let run = region.b.reconcile()
        let d = try #require(run.findings(.pemadananGanda).first)
        #expect(run.findings(.pemadananGanda).count == 1)
        #expect(d.subject == .school)
        #expect(d.subjectKey == "npsn:" + SmallRegion.school1)
        #expect(d.npsn == SmallRegion.school1)
        #expect(d.namaSekolah == "SD NEGERI 1 LOJEJER")
        #expect(d.siasnValue == [region.unit1.text, region.unit2.text].sorted().joined(separator: "; "))
        #expect(d.source.split(separator: ";").count == 2)
        #expect(d.code.owner == "BKD")
        #expect(d.priority == 3)
        // Neither row is used; the name step still finds school 1's unit.
        #expect(run.assignment(SmallRegion.school1)?.method == .name)
    }

    @Test func aUnitWithTwoSchools() throws {
        var region = SmallRegion()
        region.b.crosswalk(region.unit2, SmallRegion.school2)
        region.b.crosswalk(region.unit2, SmallRegion.school3)
        let run = region.b.reconcile()
        let d = try #require(run.findings(.pemadananGanda).first)
        #expect(run.findings(.pemadananGanda).count == 1)
        #expect(d.subject == .unor)
        #expect(d.subjectKey == "unor:" + region.unit2.text)
        #expect(d.unorId == region.unit2.text)
        #expect(d.siasnValue == "SD NEGERI 2 LOJEJER")
        #expect(d.dapodikValue == "\(SmallRegion.school2); \(SmallRegion.school3)")
        #expect(d.kabupatenKota == "Kab. Tuban")
        #expect(run.assignment(SmallRegion.school3)?.method == UnitMethod.none)
    }

    @Test func aUnitGoesToTheUptOfItsPartnerSchools() throws {
        var region = SmallRegion()
        region.b.crosswalk(region.unit2, SmallRegion.school2)
        region.b.crosswalk(region.unit2, SmallRegion.school3)
        let d = try #require(region.b.reconcile().findings(.pemadananGanda).first)
        // Both schools are in Kab. Tuban (`0523…`): BGP Tuban, not the `*` UPT.
        #expect(d.upt == "BGP Tuban")
        #expect(d.escalationUpts == ["BGP Tuban"])
    }

    @Test func aUnitWithSchoolsOfTwoUptsGoesToBoth() throws {
        var region = SmallRegion()
        region.b.crosswalk(region.unit2, SmallRegion.school2)
        region.b.crosswalk(region.unit2, SmallRegion.genteng)
        let d = try #require(region.b.reconcile().findings(.pemadananGanda).first)
        #expect(d.escalationUpts == ["BGP Tuban", "BGP Jawa Timur"])
        #expect(d.upt == "BGP Tuban; BGP Jawa Timur")
    }

    @Test func aUnitWhosePartnersDapodikDoesNotListGoesToTheUptOfItsGovernment() throws {
        var region = SmallRegion()
        region.b.crosswalk(region.unit2, "20599998")
        region.b.crosswalk(region.unit2, "20599999")
        let d = try #require(region.b.reconcile().findings(.pemadananGanda).first)
        // Unit 2 is Kab. Tuban's, whose schools' codes all start `0523`: BGP Tuban, not the `*` UPT.
        #expect(d.upt == "BGP Tuban")
        #expect(d.kabupatenKota == "Kab. Tuban")
    }

    @Test func aUnitWithoutAUptTableGoesToTheProvince() throws {
        var region = SmallRegion()
        region.b.settings.upts = []
        region.b.crosswalk(region.unit2, SmallRegion.school2)
        region.b.crosswalk(region.unit2, SmallRegion.school3)
        let d = try #require(region.b.reconcile().findings(.pemadananGanda).first)
        #expect(d.escalationUpts == ["Prov. Jawa Timur"])
    }

    @Test func aConsistentCrosswalkIsNoConflict() {
        var region = SmallRegion()
        region.b.crosswalk(region.unit1, SmallRegion.school1)
        region.b.crosswalk(region.unit1, SmallRegion.school1)
        region.b.crosswalk(region.unit2, SmallRegion.school3)
        let run = region.b.reconcile()
        #expect(run.findings(.pemadananGanda).isEmpty)
        #expect(run.assignment(SmallRegion.school3)?.unitId == region.unit2)
        // The crosswalk took unit 2, so school 2 has none.
        #expect(run.assignment(SmallRegion.school2)?.method == UnitMethod.none)
    }
}
