import PadanTestSupport
import Testing

@testable import PadanCore

/// `NIP_GANDA` (`rules.md` §2 step 4, §4): one valid NIP on people of different identities, whatever their
/// status; rows of a file without `ptk_id` belong to the one `ptk_id` person carrying their NIP; two SIASN
/// people with one NIP link nobody.
@Suite("Doubled NIPs")
struct DoubledNIPTests {
    let nip = Fixture.pnsNIP(born: "19850101", serial: 1)

    /// A kabupaten with one school and its unit, and the SIASN owner of `nip`.
    func region(_ add: (inout BatchBuilder, SiasnID) -> Void) -> Reconciled {
        var b = BatchBuilder()
        let tuban = b.government("Pemerintah Kab. Tuban")
        let unit = b.unit("SD NEGERI 1 LOJEJER", under: tuban)
        b.school("20500001", "SD NEGERI 1 LOJEJER")
        b.school("20500002", "SD NEGERI 2 LOJEJER")
        add(&b, unit)
        return b.reconcile()
    }

    @Test func aNonASNRowWithTheSameNIPDoublesIt() throws {
        let run = region { b, unit in
            b.teacher("Ahmad", nip: nip, npsn: "20500001", ptkId: "p1")
            b.teacher("Rina Honorer", nip: nip, npsn: "20500002", ptkId: "h1", status: "Guru Honor Sekolah")
            b.employee("AHMAD", nip: nip, unit: unit)
            b.skp(nip: nip, npsn: "20500001")
        }
        let link = try #require(run.link(ptkId: "p1"))
        #expect(link.nipProblem == .nipGanda)
        #expect(link.method == LinkMethod.none)
        // Each person involved is told, the non-ASN one too; SIASN's side is the NIP it holds.
        let found = run.findings(.nipGanda)
        #expect(found.map(\.ptkId).sorted() == ["h1", "p1"])
        #expect(found.allSatisfy { $0.siasnValue == nip && $0.priority == 1 })
        #expect(run.outcome(0).summary == "blocked:NIP_GANDA")
        // The SIASN owner is carried (by the ASN row): not missing from Dapodik.
        #expect(run.linkage.missingFromDapodik.isEmpty)
    }

    @Test func aPnsDepagSharingTheNIPIsNotFlagged() throws {
        let run = region { b, unit in
            b.teacher("Ahmad", nip: nip, npsn: "20500001", ptkId: "p1")
            b.teacher("Depag", nip: nip, npsn: "20500002", ptkId: "k1", status: "PNS Depag")
            b.employee("AHMAD", nip: nip, unit: unit)
        }
        #expect(run.findings(.nipGanda).map(\.ptkId) == ["p1"])
    }

    @Test func twoNonASNRowsSharingANIPAreSkippedNotBlocked() {
        let run = region { b, _ in
            b.teacher("Honorer A", nip: nip, npsn: "20500001", ptkId: "h1", status: "Guru Honor Sekolah")
            b.teacher("Honorer B", nip: nip, npsn: "20500002", ptkId: "h2", status: "GTY/PTY")
            b.skp(nip: nip, npsn: "20500001")
        }
        #expect(run.findings(.nipGanda).map(\.ptkId).sorted() == ["h1", "h2"])
        #expect(run.outcome(0).summary == "skipped:NON_ASN")
    }

    @Test func aRowWithoutPtkIdIsThePersonWithPtkIdCarryingItsNIP() throws {
        let run = region { b, unit in
            b.teacher("Retno", nip: nip, npsn: "20500001", ptkId: "p1")
            b.teacher("Retno", nip: "19850101 201001 1 001", npsn: "20500002", ptkId: .none, induk: false)
            b.employee("RETNO", nip: nip, unit: unit)
            b.skp(nip: nip, npsn: "20500001")
        }
        #expect(run.linkage.people.count == 1)
        #expect(run.linkage.people.first.map { Array($0.rows) } == [0, 1])
        #expect(run.linkage.people.first?.key(in: run.context.batch.teachers) == "ptk:p1")
        let link = try #require(run.link(ptkId: "p1"))
        #expect(link.method == .nip)
        #expect(run.findings(.nipGanda).isEmpty)
        #expect(run.outcome(0).summary.hasPrefix("blocked:PENILAI_TIDAK_DITEMUKAN"))
    }

    @Test func theMergedRowsGiveTheIndukSchoolWhenTheyHoldIt() {
        let run = region { b, unit in
            b.teacher("Retno", nip: nip, npsn: "20500002", ptkId: "p1", induk: false)
            b.teacher("Retno", nip: nip, npsn: "20500001", ptkId: .none)
            b.employee("RETNO", nip: nip, unit: unit)
        }
        #expect(run.linkage.people.count == 1)
        #expect(run.context.indukRow(ofPerson: 0).npsn == Fixture.npsn("20500001"))
    }

    @Test func aRowWithoutPtkIdWhoseNIPTwoPeopleCarryIsAGenuineDoubling() {
        let run = region { b, unit in
            b.teacher("Ahmad", nip: nip, npsn: "20500001", ptkId: "p1")
            b.teacher("Budi", nip: nip, npsn: "20500002", ptkId: "p2")
            b.teacher("Ahmad", nip: nip, npsn: "20500002", ptkId: .none, induk: false)
            b.employee("AHMAD", nip: nip, unit: unit)
        }
        #expect(run.linkage.people.count == 3)
        #expect(run.findings(.nipGanda).count == 3)
        #expect(run.linkage.links.allSatisfy { $0.nipProblem == .nipGanda })
    }

    @Test func twoSiasnPeopleWithOneNIPLinkNobody() throws {
        let run = region { b, unit in
            b.teacher("Ahmad", nip: nip, npsn: "20500001", ptkId: "p1")
            b.employee("BUDI LAIN", nip: nip, unit: unit)
            b.employee("AHMAD", nip: nip, unit: unit)
            b.skp(nip: nip, npsn: "20500001")
        }
        let link = try #require(run.link(ptkId: "p1"))
        #expect(link.nipProblem == .nipGanda)
        #expect(link.employee == nil)
        let d = try #require(run.findings(.nipGanda).first)
        let ids = run.context.batch.employees.map(\.pnsId.text)
        #expect(d.siasnValue == "\(nip) (PNS ID \(ids[0]), \(ids[1]))")
        #expect(run.outcome(0).summary == "blocked:NIP_GANDA")
        // Both SIASN rows are carried: neither is missing from Dapodik.
        #expect(run.linkage.missingFromDapodik.isEmpty)
    }
}
