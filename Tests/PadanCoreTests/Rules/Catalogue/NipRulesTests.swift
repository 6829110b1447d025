import PadanCore
import PadanTestSupport
import Testing

/// The five `NIP_*` rules: at most one per person, the first that applies in table order.
@Suite("NIP rules")
struct NipRulesTests {
    static let nipCodes: [DisparityCode] = [.nipKosong, .nipRusak, .nipTidakValid, .nipGanda, .nipTidakDitemukan]

    /// Checks that `code` is the person's only `NIP_*` code, or that they have none.
    func expectOnly(_ code: DisparityCode?, _ c: RuleCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var region = SmallRegion()
        region.add(c.pair, siasn: false)
        let run = region.b.reconcile()
        let codes = run.codes(forPtk: c.pair.ptkId).filter(Self.nipCodes.contains)
        #expect(codes == (code.map { [$0] } ?? []), "\(c.name)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        RuleCase("empty", flagged: true) { $0.nip = nil },
        RuleCase("dash", flagged: true) { $0.nip = "-" },
        RuleCase("PPPK without NIP", flagged: true) {
            $0.nip = nil; $0.status = "PPPK"
        },
        RuleCase("CPNS without NIP", flagged: true) {
            $0.nip = nil; $0.status = "CPNS"
        },
        RuleCase("non-ASN without NIP", flagged: false) {
            $0.nip = nil; $0.status = "Guru Honor Sekolah"
        },
        RuleCase("PNS Depag without NIP", flagged: false) {
            $0.nip = nil; $0.status = "PNS Depag"
        },
    ])
    func nipKosong(_ c: RuleCase) {
        expectOnly(c.flagged ? .nipKosong : nil, c)
    }

    @Test(arguments: [
        RuleCase("scientific", flagged: true) { $0.nip = "1.98501E+17" },
        RuleCase("scientific, comma", flagged: true) { $0.nip = "1,98501E+17" },
        RuleCase("decimal zero", flagged: true) { $0.nip = "198501012010011001.0" },
        RuleCase("decimal zero, comma", flagged: true) { $0.nip = "198501012010011001,0" },
        RuleCase("spaces are fine", flagged: false) { $0.nip = "19850101 201001 1 101" },
        RuleCase("non-ASN", flagged: false) {
            $0.nip = "1.98501E+17"; $0.status = "GTY/PTY"
        },
    ])
    func nipRusak(_ c: RuleCase) {
        expectOnly(c.flagged ? .nipRusak : (c.name == "spaces are fine" ? .nipTidakDitemukan : nil), c)
    }

    @Test(arguments: [
        RuleCase("17 digits", flagged: true) { $0.nip = "19850101201001110" },
        RuleCase("letters", flagged: true) { $0.nip = "19850101201001110X" },
        RuleCase("TMT month 13", flagged: true) { $0.nip = "198501012010131101" },
        RuleCase("sex digit 3", flagged: true) { $0.nip = "198501012010013101" },
        RuleCase("born 1939", flagged: true) { $0.nip = "193901012010011101" },
        RuleCase("PPPK shape is valid", flagged: false) {
            $0.nip = Fixture.pppkNIP(serial: 101); $0.status = "PPPK"
        },
        RuleCase("non-ASN", flagged: false) {
            $0.nip = "123"; $0.status = "Guru Honor Sekolah"
        },
    ])
    func nipTidakValid(_ c: RuleCase) {
        expectOnly(c.flagged ? .nipTidakValid : (c.pair.status == "PPPK" ? .nipTidakDitemukan : nil), c)
    }

    @Test(arguments: [
        RuleCase("not in SIASN", flagged: true),
        RuleCase("not in SIASN, PPPK", flagged: true) {
            $0.nip = Fixture.pppkNIP(serial: 101); $0.status = "PPPK"
        },
        RuleCase("non-ASN", flagged: false) { $0.status = "Tenaga Honor Sekolah" },
    ])
    func nipTidakDitemukan(_ c: RuleCase) {
        expectOnly(c.flagged ? .nipTidakDitemukan : nil, c)
    }

    @Test func nipTidakDitemukanValuesAndSuggestion() throws {
        var region = SmallRegion()
        region.add(.with { $0.siasnNip = Fixture.pnsNIP(serial: 555) })
        let run = region.b.reconcile()
        let d = try #require(run.findings(.nipTidakDitemukan).first)
        #expect(run.findings(.nipTidakDitemukan).count == 1)
        #expect(d.dapodikValue == SmallRegion.Pair().nip)
        #expect(d.siasnValue == Fixture.pnsNIP(serial: 555))
        let pnsId = try #require(run.context.batch.employees.last?.pnsId.text)
        #expect(d.suggestion == "\(Fixture.pnsNIP(serial: 555)) / \(pnsId)")
        #expect(d.field == "nip")
        // Suggested, so not linked: no PNS ID on the row.
        #expect(d.pnsId == "")
    }

    @Test(arguments: [
        ("19850101 201013 1 101", "198501012010131101"), ("'19850101.201013.1.101", "198501012010131101"),
        ("19850101\u{00A0}201013\u{00A0}1\u{00A0}101", "198501012010131101"), ("1985-0101-2010X", "198501012010X"),
    ])
    func anInvalidNIPIsShownNormalizedAndItsValueAsTyped(typed: String, shown: String) throws {
        var region = SmallRegion()
        region.add(.with { $0.nip = typed }, siasn: false)
        let run = region.b.reconcile()
        let d = try #require(run.findings(.nipTidakValid).first)
        #expect(d.nip == shown)
        #expect(d.dapodikValue == typed)
    }

    @Test func severalCandidatesAreCountedInTheSuggestion() throws {
        var region = SmallRegion()
        region.add(.with { $0.siasnNip = Fixture.pnsNIP(serial: 555) })
        region.b.employee("AHMAD FAUZI", nip: Fixture.pnsNIP(serial: 556), unit: region.unit1)
        let run = region.b.reconcile()
        let d = try #require(run.findings(.nipTidakDitemukan).first)
        #expect(d.suggestion == "2 kandidat di SIASN; periksa manual")
        #expect(d.siasnValue == "")
    }

    @Test(arguments: [
        ("two people, one NIP", ["a", "b"], true),
        ("one person at two schools", ["a", "a"], false),
        ("one person, ptk_id in two cases", ["a", "A"], false),
    ])
    func nipGanda(_ name: String, _ ids: [String], _ flagged: Bool) {
        var region = SmallRegion()
        let nip = Fixture.pnsNIP(serial: 300)
        region.b.teacher("Ahmad", nip: nip, npsn: SmallRegion.school1, ptkId: .id(ids[0]))
        region.b.teacher(
            "Budi", nip: "19850101.201001.1.300", npsn: SmallRegion.school2, ptkId: .id(ids[1]), induk: flagged)
        region.b.employee("AHMAD", nip: nip, unit: region.unit1)
        let run = region.b.reconcile()
        let ganda = run.findings(.nipGanda)
        #expect(ganda.count == (flagged ? 2 : 0), "\(name)")
        #expect(Set(ganda.map(\.ptkId)) == (flagged ? ["a", "b"] : []), "\(name)")
        // Nobody of a doubled NIP gets another NIP code, nor is the SIASN owner missing from Dapodik.
        #expect(run.disparities.filter { Self.nipCodes.contains($0.code) }.count == ganda.count)
        #expect(run.findings(.asnTidakAdaDiDapodik).isEmpty)
    }

    @Test func nipDisparitiesCarryThePersonAndTheSchool() throws {
        var region = SmallRegion()
        region.add(
            .with {
                $0.nip = "1.98501E+17"; $0.npsn = SmallRegion.school2
            }, siasn: false)
        let run = region.b.reconcile()
        let d = try #require(run.findings(.nipRusak).first)
        #expect(d.subject == .ptk)
        #expect(d.subjectKey == "ptk:p")
        #expect(d.ptkId == "p")
        #expect(d.nama == "Drs. H. Ahmad Fauzi, S.Pd.")
        #expect(d.nip == "1.98501E+17")
        #expect(d.dapodikValue == "1.98501E+17")
        #expect(d.npsn == SmallRegion.school2)
        #expect(d.namaSekolah == "SDN 2 Lojejer")
        #expect(d.kabupatenKota == "Kab. Tuban")
        #expect(d.upt == "BGP Tuban")
        #expect(d.source.hasPrefix("ptk.csv:"))
        #expect(d.priority == 1)
    }
}
