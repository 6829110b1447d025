import PadanCore
import PadanTestSupport
import Testing

@Suite("ReconciliationSettings")
struct ReconciliationSettingsTests {
    @Test func defaultsAreTheRulesDefaults() {
        let settings = ReconciliationSettings(periodeAktif: Fixture.periode, runDate: Fixture.runDate)
        #expect(settings.nameThreshold == 0.90)
        #expect(settings.unorThreshold == 0.85)
        #expect(settings.unorMargin == 0.05)
    }

    @Test(arguments: [("050600", "BGP Tuban"), ("052400", "BGP Jawa Timur"), ("010100", "BGP Jawa Timur")])
    func uptByRegionPrefix(_ kode: String, _ expected: String) {
        let settings = ReconciliationSettings(
            periodeAktif: Fixture.periode,
            upts: [.init(nama: "BGP Tuban", wilayah: ["0506"]), .init(nama: "BGP Jawa Timur", wilayah: ["*"])],
            runDate: Fixture.runDate)
        #expect(settings.upt(kodeWilayah: kode, provinsi: "Prov. Jawa Timur") == expected)
    }

    /// `*` catches only what no prefix matched, wherever it is listed; among prefixes the first in file order wins.
    @Test(arguments: [("050600", "BGP Tuban"), ("050601", "BGP Tuban"), ("052400", "BGP Jawa Timur")])
    func catchAllListedFirstTakesOnlyTheRest(_ kode: String, _ expected: String) {
        let settings = ReconciliationSettings(
            periodeAktif: Fixture.periode,
            upts: [
                .init(nama: "BGP Jawa Timur", wilayah: ["*"]), .init(nama: "BGP Tuban", wilayah: ["0506"]),
                .init(nama: "BGP Tuban 2", wilayah: ["050601"]),
            ],
            runDate: Fixture.runDate)
        #expect(settings.upt(kodeWilayah: kode, provinsi: "Prov. Jawa Timur") == expected)
    }

    @Test func withoutATableOneUptPerProvince() {
        let settings = ReconciliationSettings(periodeAktif: Fixture.periode, runDate: Fixture.runDate)
        #expect(settings.upt(kodeWilayah: "050600", provinsi: "Prov. Jawa Timur") == "Prov. Jawa Timur")
    }

    @Test func noCatchAllLeavesTheRestWithoutUpt() {
        let settings = ReconciliationSettings(
            periodeAktif: Fixture.periode, upts: [.init(nama: "BGP Tuban", wilayah: ["0506"])], runDate: Fixture.runDate
        )
        #expect(settings.upt(kodeWilayah: "052400", provinsi: "Prov. Jawa Timur") == "")
    }
}
