import PadanCore
import PadanTestSupport
import Testing

@Suite("NPSN_BELUM_PADAN")
struct NpsnBelumPadanRuleTests {
    @Test(arguments: [
        (SmallRegion.school1, false), (SmallRegion.school2, false), (SmallRegion.school3, true),
        (SmallRegion.swasta, false),
        (SmallRegion.sma, false), (SmallRegion.genteng, false),
    ])
    func raisedForNegeriSchoolsWithoutAUnit(_ npsn: String, _ flagged: Bool) {
        let run = SmallRegion().b.reconcile()
        let raised = run.findings(.npsnBelumPadan).filter { $0.npsn == npsn }
        #expect(raised.count == (flagged ? 1 : 0))
        #expect(run.findings(.npsnBelumPadan).count == 1)
    }

    @Test func fields() throws {
        let run = SmallRegion().b.reconcile()
        let d = try #require(run.findings(.npsnBelumPadan).first)
        #expect(d.subject == .school)
        #expect(d.subjectKey == "npsn:" + SmallRegion.school3)
        #expect(d.namaSekolah == "SD NEGERI 3 LOJEJER")
        #expect(d.dapodikValue == "SD NEGERI 3 LOJEJER")
        #expect(d.kabupatenKota == "Kab. Tuban")
        #expect(d.upt == "BGP Tuban")
        #expect(d.code.owner == "BKD / Dinas Pendidikan")
        #expect(d.source.hasPrefix("sekolah.csv:"))
        // No compatible unit scored above 0: no suggestion.
        #expect(d.suggestion == "")
    }

    @Test func suggestionIsTheBestCandidateBelowTheThreshold() throws {
        var region = SmallRegion()
        let near = region.b.unit("SD NEGERI 3 LOJEJER WETAN KULON", under: region.tuban)
        let run = region.b.reconcile()
        let d = try #require(run.findings(.npsnBelumPadan).first)
        #expect(d.suggestion == near.text)
        #expect(d.siasnValue == "SD NEGERI 3 LOJEJER WETAN KULON")
    }

    /// A pair the BKD rejected is not suggested again: the next best candidate is, or none.
    @Test func aRejectedPairIsNotSuggested() throws {
        var region = SmallRegion()
        let near = region.b.unit("SD NEGERI 3 LOJEJER WETAN KULON", under: region.tuban)
        let next = region.b.unit("SD NEGERI 3 LOJEJER WETAN KULON TIMUR", under: region.tuban)
        let one = region.b.reconcile(
            rejected: RejectedPairs([(npsn: SmallRegion.school3, unitID: near.text.uppercased())]))
        let d = try #require(one.findings(.npsnBelumPadan).first)
        #expect(d.suggestion == next.text)
        #expect(d.siasnValue == "SD NEGERI 3 LOJEJER WETAN KULON TIMUR")
        let both = region.b.reconcile(
            rejected: RejectedPairs([
                (npsn: SmallRegion.school3, unitID: near.text), (npsn: SmallRegion.school3, unitID: next.text),
            ]))
        let none = try #require(both.findings(.npsnBelumPadan).first)
        #expect(none.suggestion == "")
        #expect(none.siasnValue == "")
        // Neither are they proposed.
        #expect(CrosswalkProposals(context: both.context).proposals.isEmpty)
        #expect(
            CrosswalkProposals(context: one.context).proposals.map(\.unit).allSatisfy {
                one.context.tree.units[$0].id == next
            })
    }

    @Test func suggestionIsTheContestedUnit() throws {
        var region = SmallRegion()
        region.b.school("20500004", "SD Negeri 01 Lojejer")
        let run = region.b.reconcile()
        // School 1 and the new school claim unit 1 by name: neither gets it, and no PEMADANAN_GANDA.
        let raised = run.findings(.npsnBelumPadan).filter { [SmallRegion.school1, "20500004"].contains($0.npsn) }
        #expect(raised.count == 2)
        #expect(raised.allSatisfy { $0.suggestion == region.unit1.text })
        #expect(run.findings(.pemadananGanda).isEmpty)
    }

    @Test func peopleOfASchoolWithoutAUnitGetNoSatpenDisparity() {
        let run = SmallRegion.with(
            .with {
                $0.npsn = SmallRegion.school3; $0.unit = SmallRegion().unit2
            })
        #expect(run.codes(forPtk: "p") == [])
    }
}
