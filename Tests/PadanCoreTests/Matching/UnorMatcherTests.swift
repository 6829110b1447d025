import Dispatch
import PadanCore
import PadanTestSupport
import Testing

/// A region with two kabupaten (Tuban, Banyuwangi) and their province, as the matcher sees it.
private struct Region {
    var b = BatchBuilder()
    let tuban: SiasnID
    let banyuwangi: SiasnID
    let jatim: SiasnID

    init() {
        tuban = b.government("Pemerintah Kab. Tuban")
        banyuwangi = b.government("Pemerintah Kabupaten Banyuwangi")
        jatim = b.government("Pemerintah Provinsi Jawa Timur")
        // A Banyuwangi school, so that Banyuwangi is one of the region's kabupaten.
        b.school("20599999", "SD NEGERI 9 GENTENG", kabupaten: "Kab. Banyuwangi", kodeWilayah: "052500")
    }

    func match(threshold: Double = 0.85, margin: Double = 0.05) -> (map: UnitMap, tree: UnorTree) {
        let tree = UnorTree(units: b.batch.unors, employees: b.batch.employees)
        let matcher = UnorMatcher(threshold: threshold, margin: margin)
        let map = matcher.match(schools: b.batch.schools, tree: tree, crosswalk: b.batch.crosswalk)
        // The schools' work spread, one school a range, the ranges on several threads at once: the same map.
        let spread = matcher.match(
            schools: b.batch.schools, tree: tree, crosswalk: b.batch.crosswalk,
            spread: Spread { count, body in
                DispatchQueue.concurrentPerform(iterations: count) { k in body(count - 1 - k..<count - k) }
            })
        #expect(spread.assignments == map.assignments)
        return (map, tree)
    }
}

extension UnitMap {
    fileprivate func of(_ npsn: String) -> UnitAssignment? { assignment(Fixture.npsn(npsn)) }
}

@Suite("UnorMatcher")
struct UnorMatcherTests {
    // MARK: Step 1, the crosswalk

    @Test func crosswalkWinsWhateverTheUnit() {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        r.b.unit("SD NEGERI 1 LOJEJER", under: r.tuban)
        // Not school-like, and with another name: the BKD confirmed it, so it is used as is.
        let confirmed = r.b.unit("KANTOR LAMA", under: r.tuban)
        r.b.crosswalk(confirmed, "20500001")
        let (map, _) = r.match()
        #expect(map.of("20500001")?.method == .crosswalk)
        #expect(map.of("20500001")?.unitId == confirmed)
        #expect(map.conflicts.isEmpty)
    }

    @Test func crosswalkUnitUnknownToSiasnKeepsItsId() {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        let missing = Fixture.id("ffffffffffffffffffffffffffffffff")
        r.b.crosswalk(missing, "20500001")
        let (map, _) = r.match()
        #expect(map.of("20500001")?.method == .crosswalk)
        #expect(map.of("20500001")?.unitId == missing)
        #expect(map.of("20500001")?.unit == nil)
    }

    @Test func aUnitTheCrosswalkTookIsNotTakenAgainByName() {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        r.b.school("20500002", "SD NEGERI 1 SEPULU")
        let unit = r.b.unit("SD NEGERI 1 SEPULU", under: r.tuban)
        r.b.crosswalk(unit, "20500001")
        let (map, _) = r.match()
        #expect(map.of("20500001")?.unitId == unit)
        #expect(map.of("20500002")?.method == UnitMethod.none)
    }

    @Test func repeatedCrosswalkRowsAreNoConflict() {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        let unit = r.b.unit("X", under: r.tuban)
        r.b.crosswalk(unit, "20500001")
        r.b.crosswalk(unit, "20500001")
        let (map, _) = r.match()
        #expect(map.conflicts.isEmpty)
        #expect(map.of("20500001")?.method == .crosswalk)
    }

    @Test func crosswalkConflictOfASchool() throws {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        let first = r.b.unit("SD NEGERI 1 LOJEJER", under: r.tuban)
        let second = r.b.unit("SD NEGERI 1 LAMA", under: r.tuban)
        r.b.crosswalk(second, "20500001")
        r.b.crosswalk(first, "20500001")
        let (map, _) = r.match()
        // Neither row is used: the school goes on to the name step.
        #expect(map.of("20500001")?.method == .name)
        #expect(map.of("20500001")?.unitId == first)
        let conflict = try #require(map.conflicts.first)
        #expect(map.conflicts.count == 1)
        guard case .school(let npsn) = conflict.side else {
            Issue.record("expected a school conflict, got \(conflict.side)")
            return
        }
        #expect(npsn == Fixture.npsn("20500001"))
        #expect(conflict.partners == [first.text, second.text].sorted())
        #expect(conflict.sources.count == 2)
    }

    @Test func crosswalkConflictOfAUnit() throws {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        r.b.school("20500002", "SD NEGERI 2 LOJEJER")
        let unit = r.b.unit("SD NEGERI 7 LAIN", under: r.tuban)
        r.b.crosswalk(unit, "20500001")
        r.b.crosswalk(unit, "20500002")
        let (map, _) = r.match()
        #expect(map.of("20500001")?.method == UnitMethod.none)
        #expect(map.of("20500002")?.method == UnitMethod.none)
        let conflict = try #require(map.conflicts.first)
        guard case .unit(let id) = conflict.side else {
            Issue.record("expected a unit conflict, got \(conflict.side)")
            return
        }
        #expect(id == unit)
        #expect(conflict.partners == ["20500001", "20500002"])
    }

    // MARK: Step 2, the exact name

    @Test func exactNormalizedName() {
        var r = Region()
        r.b.school("20500001", "SDN 1 Lojejer")
        let unit = r.b.unit("UPT SD Negeri 01 Lojejer Tuban", under: r.tuban)
        let (map, _) = r.match()
        #expect(map.of("20500001")?.method == .name)
        #expect(map.of("20500001")?.unitId == unit)
        #expect(map.of("20500001")?.score == nil)
    }

    @Test func ofTwoEqualNamesTheOnePeopleSitIn() {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        r.b.unit("SD NEGERI 1 LOJEJER", under: r.tuban)
        let used = r.b.unit("UPT SD NEGERI 1 LOJEJER", under: r.tuban)
        // Someone in a unit below it counts.
        let below = r.b.unit("TATA USAHA", under: used)
        r.b.employee("A", nip: Fixture.pnsNIP(), unit: below)
        r.b.unit("SD Negeri 01 Lojejer", under: r.tuban)
        let (map, _) = r.match()
        #expect(map.of("20500001")?.method == .name)
        #expect(map.of("20500001")?.unitId == used)
    }

    @Test(arguments: [0, 2])
    func ofTwoEqualNamesNoneWhenNotExactlyOneIsOccupied(_ occupied: Int) {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        let a = r.b.unit("SD NEGERI 1 LOJEJER", under: r.tuban)
        let b = r.b.unit("SD NEGERI 1 LOJEJER", under: r.tuban)
        for unit in [a, b].prefix(occupied) { r.b.employee("A", nip: Fixture.pnsNIP(), unit: unit) }
        let (map, _) = r.match()
        // The fuzzy step then scores both 1: no margin.
        #expect(map.of("20500001")?.method == UnitMethod.none)
        #expect(map.of("20500001")?.suggestion != nil)
    }

    @Test func aUnitTwoSchoolsClaimByNameGoesToNeither() throws {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        r.b.school("20500002", "SD Negeri 01 Lojejer")
        // Would take it by the fuzzy step if it were still free.
        r.b.school("20500003", "SDN Lojejer 1")
        let unit = r.b.unit("SD NEGERI 1 LOJEJER", under: r.tuban)
        let (map, tree) = r.match()
        for npsn in ["20500001", "20500002"] {
            let a = try #require(map.of(npsn))
            #expect(a.method == UnitMethod.none)
            #expect(a.contested)
            #expect(a.suggestion.map { tree.units[$0].id } == unit)
        }
        #expect(map.of("20500003")?.method == UnitMethod.none)
        #expect(map.of("20500003")?.contested == false)
        #expect(map.conflicts.isEmpty)
    }

    // MARK: Step 3, fuzzy

    @Test func fuzzyWhenOnlyTheWordOrderDiffers() throws {
        var r = Region()
        r.b.school("20500001", "SDN LOJEJER 01")
        let unit = r.b.unit("SD NEGERI 1 LOJEJER", under: r.tuban)
        let (map, _) = r.match()
        let a = try #require(map.of("20500001"))
        #expect(a.method == .fuzzy)
        #expect(a.unitId == unit)
        #expect(a.score == 1)
    }

    @Test func fuzzyAcceptsOneLetterSpellings() {
        var r = Region()
        r.b.school("20500001", "SMKN 1 Sepulu", bentuk: "SMK")
        let unit = r.b.unit("UPT SMK Negeri 1 Sepuluh  Tuban", under: r.jatim)
        let (map, _) = r.match()
        #expect(map.of("20500001")?.method == .fuzzy)
        #expect(map.of("20500001")?.unitId == unit)
    }

    struct Fuzzy: CustomTestStringConvertible, Sendable {
        var units: [String]
        var threshold = 0.85
        var margin = 0.05
        /// The index in `units` of the unit given, or nil.
        var chosen: Int?
        var testDescription: String { "\(units) t=\(threshold) m=\(margin)" }
    }

    // School: SD NEGERI 1 KALI MAS WETAN. 3 of 4 place tokens: 2·3/7 ≈ 0.857; 2 of 3: 0.667.
    @Test(arguments: [
        Fuzzy(units: ["SD NEGERI 1 KALI MAS WETAN JAYA"], chosen: 0),
        Fuzzy(units: ["SD NEGERI 1 KALI MAS WETAN JAYA"], threshold: 0.86, chosen: nil),
        Fuzzy(units: ["SD NEGERI 1 KALI MAS WETAN JAYA", "SD NEGERI 1 KALI MAS SARI"], chosen: 0),
        Fuzzy(units: ["SD NEGERI 1 KALI MAS WETAN JAYA", "SD NEGERI 1 KALI MAS WETAN SARI"], chosen: nil),
        Fuzzy(units: ["SD NEGERI 1 KALI MAS WETAN JAYA", "SD NEGERI 1 KALI MAS SARI"], margin: 0.20, chosen: nil),
        Fuzzy(units: ["SD NEGERI 1 KALI MAS"], chosen: nil),
        // Another number is no candidate, however similar.
        Fuzzy(units: ["SD NEGERI 2 KALI MAS WETAN"], chosen: nil),
        Fuzzy(units: ["SD NEGERI 2 KALI MAS WETAN", "SD NEGERI 1 KALI MAS WETAN JAYA"], chosen: 1),
        // Another status is no candidate; a name without one is.
        Fuzzy(units: ["SD SWASTA 1 KALI MAS WETAN JAYA"], chosen: nil),
        Fuzzy(units: ["SD 1 KALI MAS WETAN JAYA"], chosen: 0),
        // Another level is no candidate.
        Fuzzy(units: ["SDLB NEGERI 1 KALI MAS WETAN JAYA"], chosen: nil),
    ])
    func thresholdMarginAndNumbers(_ c: Fuzzy) {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 KALI MAS WETAN")
        let ids = c.units.map { r.b.unit($0, under: r.tuban) }
        let (map, _) = r.match(threshold: c.threshold, margin: c.margin)
        if let chosen = c.chosen {
            #expect(map.of("20500001")?.method == .fuzzy)
            #expect(map.of("20500001")?.unitId == ids[chosen])
        } else {
            #expect(map.of("20500001")?.method == UnitMethod.none)
            #expect(map.of("20500001")?.unitId == nil)
        }
    }

    @Test func anUnmappedSchoolIsSuggestedItsBestCandidate() throws {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 KALI MAS WETAN")
        r.b.unit("SD NEGERI 1 KALI", under: r.tuban)
        let best = r.b.unit("SD NEGERI 1 KALI MAS", under: r.tuban)
        r.b.unit("SD NEGERI 1 JAYA", under: r.tuban)
        r.b.unit("SD NEGERI 1 SARI", under: r.tuban)
        let (map, tree) = r.match()
        let a = try #require(map.of("20500001"))
        #expect(a.method == UnitMethod.none)
        #expect(a.suggestion.map { tree.units[$0].id } == best)
        // Proposals: up to three, best first; those scoring 0 are listed but never suggested.
        #expect(a.candidates.count == 3)
        #expect(a.candidates.map(\.score) == a.candidates.map(\.score).sorted(by: >))
        #expect(abs(a.candidates[0].score - 0.8) < 1e-9)
    }

    @Test func noSuggestionWhenNothingScoresAboveZero() {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 KALI MAS WETAN")
        r.b.unit("SD NEGERI 1 JAYA", under: r.tuban)
        let (map, _) = r.match()
        #expect(map.of("20500001")?.method == UnitMethod.none)
        #expect(map.of("20500001")?.suggestion == nil)
    }

    @Test func aUnitTwoSchoolsClaimByFuzzyGoesToNeither() throws {
        var r = Region()
        r.b.school("20500001", "SDN KALI MAS 1")
        r.b.school("20500002", "SD N 1 KALI MAS")
        let unit = r.b.unit("SD NEGERI 1 KALI MAS WETAN", under: r.tuban)
        let (map, tree) = r.match(threshold: 0.8)
        for npsn in ["20500001", "20500002"] {
            let a = try #require(map.of(npsn))
            #expect(a.method == UnitMethod.none)
            #expect(a.contested)
            #expect(a.suggestion.map { tree.units[$0].id } == unit)
        }
    }

    @Test func sdNegeri1AndSdNegeri2EachGetTheirOwn() {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        r.b.school("20500002", "SDN 2 LOJEJER")
        let two = r.b.unit("SD NEGERI LOJEJER 02", under: r.tuban)
        let one = r.b.unit("SD NEGERI LOJEJER 01", under: r.tuban)
        let (map, _) = r.match()
        #expect(map.of("20500001")?.unitId == one)
        #expect(map.of("20500002")?.unitId == two)
    }

    // MARK: Candidates

    @Test func subUnitsAreNeverChosen() {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        r.b.school("20500002", "SD NEGERI 2 LOJEJER")
        r.b.school("20500003", "SD NEGERI 3 LOJEJER")
        let other = r.b.unit("SMP NEGERI 1 WIDANG", under: r.tuban)
        // Filed under another school's unit, even two levels down.
        r.b.unit("SD NEGERI 1 LOJEJER", under: other)
        let office = r.b.unit("URUSAN SEKOLAH", under: other)
        r.b.unit("SD NEGERI 2 LOJEJER", under: office)
        for name in [
            "SUB BAGIAN TATA USAHA SD NEGERI 3 LOJEJER", "TATA USAHA SD NEGERI 3 LOJEJER",
            "KOORDINATOR SD NEGERI 3 LOJEJER", "KELOMPOK SD NEGERI 3 LOJEJER",
        ] {
            r.b.unit(name, under: r.tuban)
        }
        let (map, tree) = r.match()
        for npsn in ["20500001", "20500002", "20500003"] {
            #expect(map.of(npsn)?.method == UnitMethod.none, "\(npsn)")
            #expect(map.of(npsn)?.suggestion == nil, "\(npsn)")
        }
        #expect(tree.isSchoolCandidate(tree.index[other] ?? -1))
    }

    @Test func inactiveUnitsAreSkippedButNotTheirChildren() {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        r.b.school("20500002", "SD NEGERI 2 LOJEJER")
        r.b.unit("SD NEGERI 1 LOJEJER", under: r.tuban, active: false)
        let closedOffice = r.b.unit("KORWIL PENDIDIKAN", under: r.tuban, active: false)
        let two = r.b.unit("SD NEGERI 2 LOJEJER", under: closedOffice)
        let (map, _) = r.match()
        #expect(map.of("20500001")?.method == UnitMethod.none)
        #expect(map.of("20500002")?.unitId == two)
    }

    @Test func onlyUnitsOfTheSchoolsGovernment() {
        var r = Region()
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        r.b.school("20500002", "SMA NEGERI 1 LOJEJER", bentuk: "SMA")
        // An SD belongs to the kabupaten, an SMA to the province.
        r.b.unit("SD NEGERI 1 LOJEJER", under: r.banyuwangi)
        r.b.unit("SD NEGERI 1 LOJEJER", under: r.jatim)
        r.b.unit("SMA NEGERI 1 LOJEJER", under: r.tuban)
        let (map, _) = r.match()
        #expect(map.of("20500001")?.method == UnitMethod.none)
        #expect(map.of("20500002")?.method == UnitMethod.none)
    }

    @Test func aUnitEndingWithAnotherKabupatenIsNoCandidate() {
        var r = Region()
        r.b.school("20500001", "SMA NEGERI 1 BANGILAN", bentuk: "SMA")
        r.b.school("20500002", "SMA NEGERI 2 BANGILAN", bentuk: "SMA")
        r.b.unit("UPT SMA Negeri 1 Bangilan Banyuwangi", under: r.jatim)
        let own = r.b.unit("UPT SMA Negeri 2 Bangilan Tuban Kabupaten Tuban", under: r.jatim)
        let (map, _) = r.match()
        #expect(map.of("20500001")?.method == UnitMethod.none)
        #expect(map.of("20500001")?.suggestion == nil)
        #expect(map.of("20500002")?.method == .name)
        #expect(map.of("20500002")?.unitId == own)
    }

    @Test func madiunIsTheOwnRegionOfBothMadiuns() {
        var b = BatchBuilder()
        let jatim = b.government("Pemerintah Provinsi Jawa Timur")
        b.school("20500001", "SMA NEGERI 5 TAMAN", bentuk: "SMA", kabupaten: "Kota Madiun")
        b.school("20500002", "SMA NEGERI 6 TAMAN", bentuk: "SMA", kabupaten: "Kota Madiun")
        b.school("20500003", "SMA NEGERI 7 MEJAYAN", bentuk: "SMA", kabupaten: "Kab. Madiun")
        b.school("20500004", "SMA NEGERI 8 MEJAYAN", bentuk: "SMA", kabupaten: "Kab. Madiun")
        let five = b.unit("SMA NEGERI 5 TAMAN MADIUN", under: jatim)
        b.unit("SMA NEGERI 6 TAMAN KAB MADIUN", under: jatim)
        b.unit("SMA NEGERI 7 MEJAYAN KOTA MADIUN", under: jatim)
        let eight = b.unit("SMA NEGERI 8 MEJAYAN MADIUN", under: jatim)
        let tree = UnorTree(units: b.batch.unors, employees: [])
        let map = UnorMatcher(threshold: 0.85, margin: 0.05).match(schools: b.batch.schools, tree: tree, crosswalk: [])
        #expect(map.of("20500001")?.unitId == five)
        #expect(map.of("20500002")?.method == UnitMethod.none)
        #expect(map.of("20500003")?.method == UnitMethod.none)
        #expect(map.of("20500004")?.unitId == eight)
    }

    @Test func swastaSchoolsAreNotMatched() {
        var r = Region()
        r.b.school("20500001", "SD SWASTA AL FALAH", negeri: false)
        r.b.unit("SD SWASTA AL FALAH", under: r.tuban)
        let (map, _) = r.match()
        #expect(map.of("20500001") == nil)
        #expect(map.assignments.allSatisfy { $0.npsn != Fixture.npsn("20500001") })
    }

    @Test func assignmentsAreInNPSNOrderAndPeopleInSubUnitsSitInTheSchool() throws {
        var r = Region()
        r.b.school("20500002", "SD NEGERI 2 LOJEJER")
        r.b.school("20500001", "SD NEGERI 1 LOJEJER")
        let unit = r.b.unit("SD NEGERI 1 LOJEJER", under: r.tuban)
        let sub = r.b.unit("SUB BAGIAN TATA USAHA", under: unit)
        let (map, tree) = r.match()
        #expect(map.assignments.map(\.npsn.text) == ["20500001", "20500002", "20599999"])
        #expect(map.school(ofUnit: try #require(tree.index[sub]), in: tree) == Fixture.npsn("20500001"))
        #expect(map.school(ofUnit: try #require(tree.index[r.tuban]), in: tree) == nil)
    }
}
