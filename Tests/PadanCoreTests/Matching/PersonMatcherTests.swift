import PadanTestSupport
import Testing

@testable import PadanCore

@Suite("PersonMatcher")
struct PersonMatcherTests {
    /// A kabupaten with one school and its unit.
    struct Region {
        var b = BatchBuilder()
        let unit: SiasnID
        let office: SiasnID

        init() {
            let tuban = b.government("Pemerintah Kab. Tuban")
            unit = b.unit("SD NEGERI 1 LOJEJER", under: tuban)
            office = b.unit("DINAS PENDIDIKAN", under: tuban)
            b.school("20500001", "SD NEGERI 1 LOJEJER")
        }
    }

    let nip = Fixture.pnsNIP(born: "19850101", serial: 1)

    @Test(arguments: ["198501012010011001", "19850101 201001 1 001", "'198501012010011001", "19850101.201001.1.001"])
    func exactLinkByNormalizedNIP(_ written: String) throws {
        var r = Region()
        r.b.teacher("Ahmad", nip: written, npsn: "20500001", ptkId: "p1")
        let pns = r.b.employee("AHMAD", nip: nip, unit: r.unit)
        let run = r.b.reconcile()
        let link = try #require(run.link(ptkId: "p1"))
        #expect(link.method == .nip)
        #expect(link.nipProblem == nil)
        #expect(link.employee.map { run.context.batch.employees[$0].pnsId } == pns)
        #expect(run.linkage.linkedEmployee(ofPerson: link.person) == link.employee)
        #expect(run.linkage.missingFromDapodik.isEmpty)
    }

    @Test func doubledNIPIsNotLinkedAndSearchesNoCandidates() throws {
        var r = Region()
        r.b.teacher("Ahmad", nip: nip, npsn: "20500001", ptkId: "p1")
        r.b.teacher("Budi", nip: nip, npsn: "20500001", ptkId: "p2")
        // The owner of the NIP in SIASN, and a perfect candidate for Ahmad.
        r.b.employee("AHMAD", nip: nip, unit: r.unit)
        r.b.employee("AHMAD", nip: Fixture.pnsNIP(serial: 9), unit: r.office, jabatan: "Pengelola Keuangan")
        let run = r.b.reconcile()
        for id in ["p1", "p2"] {
            let link = try #require(run.link(ptkId: id))
            #expect(link.nipProblem == .nipGanda)
            #expect(link.method == LinkMethod.none)
            #expect(link.employee == nil)
            #expect(link.candidates == 0)
        }
        // A doubled NIP counts as carried: its SIASN owner is not missing from Dapodik.
        #expect(run.linkage.missingFromDapodik.isEmpty)
    }

    @Test func theSamePersonAtTwoSchoolsIsNoDoubledNIP() throws {
        var r = Region()
        r.b.school("20500002", "SD NEGERI 2 LOJEJER")
        r.b.teacher("Ahmad", nip: nip, npsn: "20500002", ptkId: "p1", induk: false)
        r.b.teacher("Ahmad", nip: nip, npsn: "20500001", ptkId: "P1")
        r.b.employee("AHMAD", nip: nip, unit: r.unit)
        let run = r.b.reconcile()
        #expect(run.linkage.people.count == 1)
        #expect(run.linkage.links.count == 1)
        let link = try #require(run.linkage.links.first)
        #expect(link.method == .nip)
        // The Induk row decides the school, whatever the file order.
        #expect(run.context.indukRow(ofPerson: link.person).npsn == Fixture.npsn("20500001"))
    }

    struct CandidateCase: CustomTestStringConvertible, Sendable {
        var name: String
        /// The Dapodik NIP: empty, invalid, corrupted or unknown to SIASN.
        var nip: String?
        var problem: DisparityCode
        var testDescription: String { "\(name): \(nip ?? "nil")" }
    }

    @Test(arguments: [
        CandidateCase(name: "unknown", nip: "198501012010011999", problem: .nipTidakDitemukan),
        CandidateCase(name: "empty", nip: nil, problem: .nipKosong),
        CandidateCase(name: "corrupted", nip: "1.98501E+17", problem: .nipRusak),
        CandidateCase(name: "invalid", nip: "19850101201001100", problem: .nipTidakValid),
    ])
    func oneCandidateIsSuggested(_ c: CandidateCase) throws {
        var r = Region()
        r.b.teacher("Drs. Supriyadi, M.Pd.", nip: c.nip, npsn: "20500001", ptkId: "p1", born: "1985-01-01")
        let pns = r.b.employee("SUPRIADI", nip: Fixture.pnsNIP(serial: 7), unit: r.unit, born: "01-01-1985")
        // Not candidates: another birth date, another sex, another name.
        r.b.employee("SUPRIYADI", nip: Fixture.pnsNIP(serial: 8), unit: r.unit, born: "1985-01-02")
        r.b.employee("SUPRIYADI", nip: Fixture.pnsNIP(sex: 2, serial: 9), unit: r.unit, gender: .female)
        r.b.employee("BAMBANG", nip: Fixture.pnsNIP(serial: 10), unit: r.unit)
        let run = r.b.reconcile()
        let link = try #require(run.link(ptkId: "p1"))
        #expect(link.nipProblem == c.problem)
        #expect(link.method == .suggested)
        #expect(link.candidates == 1)
        #expect(link.employee.map { run.context.batch.employees[$0].pnsId } == pns)
        // A suggestion is never a link.
        #expect(run.linkage.linkedEmployee(ofPerson: link.person) == nil)
        // The suggested candidate is not missing from Dapodik; the others are.
        let missing = run.linkage.missingFromDapodik.map { run.context.batch.employees[$0].pnsId }
        #expect(!missing.contains(pns))
        #expect(missing.count == 3)
    }

    @Test func aSearchSpreadOverRangesFindsWhatOneSearchFinds() throws {
        var r = Region()
        r.b.teacher("Drs. Supriyadi, M.Pd.", nip: nil, npsn: "20500001", ptkId: "p1", born: "1985-01-01")
        r.b.teacher("Siti Aminah", nip: nil, npsn: "20500001", ptkId: "p2", gender: .female)
        r.b.teacher("Ahmad", nip: nip, npsn: "20500001", ptkId: "p3")
        r.b.teacher("Budi Santoso", nip: nil, npsn: "20500001", ptkId: "p4")
        r.b.employee("SUPRIADI", nip: Fixture.pnsNIP(serial: 7), unit: r.unit, born: "01-01-1985")
        r.b.employee("SITI AMINAH RAHAYU", nip: Fixture.pnsNIP(sex: 2, serial: 1), unit: r.unit, gender: .female)
        r.b.employee("SITI AMINA", nip: Fixture.pnsNIP(sex: 2, serial: 2), unit: r.unit, gender: .female)
        r.b.employee("AHMAD", nip: nip, unit: r.unit)
        let reconciler = Reconciler(settings: r.b.settings)
        var whole = reconciler.linkPeople(r.b.batch)
        var spread = whole
        reconciler.searchCandidates(r.b.batch, linkage: &whole)
        // One link a range, the ranges searched backwards and put back in order.
        reconciler.searchCandidates(
            r.b.batch, linkage: &spread,
            spread: Spread { count, search in for k in (0..<count).reversed() { search(k..<k + 1) } })
        #expect(spread.links.map(\.method) == whole.links.map(\.method))
        #expect(spread.links.map(\.employee) == whole.links.map(\.employee))
        #expect(spread.links.map(\.candidates) == whole.links.map(\.candidates))
        #expect(whole.count(.suggested) == 1)
        #expect(whole.count(.ambiguous) == 1)
    }

    @Test func severalCandidatesAreCountedNoneSuggested() throws {
        var r = Region()
        r.b.teacher("Siti Aminah", nip: nil, npsn: "20500001", ptkId: "p1", gender: .female)
        r.b.employee("SITI AMINAH RAHAYU", nip: Fixture.pnsNIP(sex: 2, serial: 1), unit: r.unit, gender: .female)
        r.b.employee("SITI AMINA", nip: Fixture.pnsNIP(sex: 2, serial: 2), unit: r.unit, gender: .female)
        let run = r.b.reconcile()
        let link = try #require(run.link(ptkId: "p1"))
        #expect(link.method == .ambiguous)
        #expect(link.candidates == 2)
        #expect(link.employee == nil)
        // Neither is the single suggestion: both are missing from Dapodik.
        #expect(run.linkage.missingFromDapodik.count == 2)
    }

    @Test func aLinkedEmployeeIsNoCandidate() throws {
        var r = Region()
        r.b.teacher("Ahmad", nip: nip, npsn: "20500001", ptkId: "p1")
        r.b.teacher("Ahmad", nip: nil, npsn: "20500001", ptkId: "p2")
        r.b.employee("AHMAD", nip: nip, unit: r.unit)
        let run = r.b.reconcile()
        #expect(run.link(ptkId: "p1")?.method == .nip)
        #expect(run.link(ptkId: "p2")?.method == LinkMethod.none)
        #expect(run.link(ptkId: "p2")?.candidates == 0)
    }

    @Test func withoutBirthDateOrSexNoCandidates() throws {
        var r = Region()
        r.b.teacher("Ahmad", nip: nil, npsn: "20500001", ptkId: "p1", born: nil)
        r.b.teacher("Ahmad", nip: nil, npsn: "20500001", ptkId: "p2", gender: nil)
        r.b.employee("AHMAD", nip: nip, unit: r.unit)
        let run = r.b.reconcile()
        #expect(run.link(ptkId: "p1")?.method == LinkMethod.none)
        #expect(run.link(ptkId: "p2")?.method == LinkMethod.none)
    }

    struct MissingCase: CustomTestStringConvertible, Sendable {
        var description: String
        var jabatan = "Guru Ahli Muda"
        var inSchoolUnit = true
        var kedudukan = "Aktif"
        /// Who in Dapodik carries the employee's NIP: nil, or a `status_kepegawaian`.
        var carriedBy: String?
        /// The NIP both sides hold, when not the suite's valid one.
        var nip: String?
        var missing: Bool
        var testDescription: String { description }
    }

    @Test(arguments: [
        MissingCase(description: "a teacher nobody carries", missing: true),
        MissingCase(description: "a teacher outside any school unit", inSchoolUnit: false, missing: true),
        MissingCase(description: "staff in a school's unit", jabatan: "Pengelola Keuangan", missing: true),
        MissingCase(description: "staff elsewhere", jabatan: "Pengelola Keuangan", inSchoolUnit: false, missing: false),
        MissingCase(description: "Pensiun", kedudukan: "Pensiun", missing: false),
        MissingCase(description: "Meninggal", kedudukan: "Meninggal", missing: false),
        MissingCase(description: "Diberhentikan", kedudukan: "Diberhentikan", missing: false),
        MissingCase(description: "CLTN is still in service", kedudukan: "CLTN", missing: true),
        // By the status's first word.
        MissingCase(
            description: "dismissed, the longer way", kedudukan: "Diberhentikan Tidak Dengan Hormat", missing: false),
        MissingCase(description: "deceased, the longer way", kedudukan: " meninggal  dunia", missing: false),
        MissingCase(description: "preparing to retire", kedudukan: "Masa Persiapan Pensiun", missing: true),
        MissingCase(description: "suspended", kedudukan: "Pemberhentian Sementara", missing: true),
        MissingCase(description: "carried by a PNS", carriedBy: "PNS", missing: false),
        MissingCase(description: "carried by a PPPK", carriedBy: "PPPK", missing: false),
        MissingCase(description: "carried by a PNS Depag", carriedBy: "PNS Depag", missing: false),
        MissingCase(description: "carried by a non-ASN row only", carriedBy: "Guru Honor Sekolah", missing: true),
        // Service starting at 13: not a valid shape, yet the row holds SIASN's NIP (it is told NIP_TIDAK_VALID).
        MissingCase(
            description: "carried by a PNS in a shape that is not valid", carriedBy: "PNS", nip: "199112012004011001",
            missing: false),
        MissingCase(
            description: "an invalid shape on a non-ASN row only", carriedBy: "Guru Honor Sekolah",
            nip: "199112012004011001", missing: true),
    ])
    func missingFromDapodik(_ c: MissingCase) {
        var r = Region()
        let nip = c.nip ?? nip
        if let status = c.carriedBy { r.b.teacher("Ahmad", nip: nip, npsn: "20500001", status: status) }
        r.b.employee(
            "AHMAD", nip: nip, unit: c.inSchoolUnit ? r.unit : r.office, kedudukan: c.kedudukan, jabatan: c.jabatan)
        let run = r.b.reconcile()
        #expect(run.linkage.missingFromDapodik == (c.missing ? [0] : []))
    }

    @Test func onlyASNRowsAreMatchedAndKemenagPeopleAreCounted() {
        var r = Region()
        r.b.teacher("Honorer", nip: nil, npsn: "20500001", status: "Guru Honor Sekolah")
        r.b.teacher("Depag", nip: nip, npsn: "20500001", ptkId: "k1", status: "PNS Depag")
        r.b.teacher("Depag", nip: nip, npsn: "20500001", ptkId: "k1", status: "PNS Depag", induk: false)
        r.b.teacher("Depag 2", nip: nil, npsn: "20500001", status: "PNS Depag")
        r.b.teacher("Asn", nip: nil, npsn: "20500001", status: "PPPK Paruh Waktu")
        let run = r.b.reconcile()
        #expect(run.linkage.people.count == 4)
        #expect(run.linkage.links.count == 1)
        #expect(run.linkage.kemenagPeople == 2)
        #expect(run.disparities.allSatisfy { $0.nama == "Asn" })
    }

    @Test func grouping() {
        var b = BatchBuilder()
        // By ptk_id, case-insensitively.
        b.teacher("A", nip: nil, npsn: "20500001", ptkId: "ABC")
        b.teacher("A", nip: nil, npsn: "20500002", ptkId: "abc")
        // Without ptk_id: by the valid NIP…
        b.teacher("B", nip: nip, npsn: "20500001", ptkId: .none)
        b.teacher("B", nip: "19850101 201001 1 001", npsn: "20500002", ptkId: .none)
        // …else each row alone.
        b.teacher("C", nip: "123", npsn: "20500001", ptkId: .none)
        b.teacher("C", nip: "123", npsn: "20500002", ptkId: .none)
        b.teacher("D", nip: nil, npsn: "20500001", ptkId: "")
        let run = b.reconcile()
        #expect(run.linkage.people.map { Array($0.rows) } == [[0, 1], [2, 3], [4], [5], [6]])
        #expect(
            run.linkage.people.map { $0.key(in: run.context.batch.teachers) }.prefix(2) == ["ptk:abc", "nip:\(nip)"])
        #expect(run.linkage.people[2].key(in: run.context.batch.teachers).hasPrefix("row:ptk.csv:"))
    }

    @Test func theFirstIndukRowDecides() {
        var b = BatchBuilder()
        b.teacher("A", nip: nil, npsn: "20500001", ptkId: "p", induk: false)
        b.teacher("A", nip: nil, npsn: "20500002", ptkId: "p")
        b.teacher("A", nip: nil, npsn: "20500003", ptkId: "p")
        b.teacher("B", nip: nil, npsn: "20500001", ptkId: "q", induk: false)
        b.teacher("B", nip: nil, npsn: "20500002", ptkId: "q", induk: false)
        let run = b.reconcile()
        #expect(run.linkage.people.map(\.induk) == [1, 3])
    }
}

/// Rows are grouped into people by identity, through a table of 64-bit fingerprints: two different `ptk_id`s
/// whose fingerprints are equal stay two people.
@Suite("PersonMatcher grouping")
struct PersonGroupingTests {
    @Test func identitiesSharingAFingerprintStayApart() throws {
        func uuid(_ hi: UInt64, _ lo: UInt64) -> String {
            String(hi, radix: 16).leftPadded(16) + String(lo, radix: 16).leftPadded(16)
        }
        // (hi · K) ^ lo is the fingerprint's core: pick lo2 so that both give the same.
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        let (hi1, lo1): (UInt64, UInt64) = (0x0123_4567_89AB_CDEF, 0x0FED_CBA9_8765_4321)
        let hi2 = hi1 &+ 1
        let lo2 = lo1 ^ (hi1 &* k) ^ (hi2 &* k)
        var b = BatchBuilder()
        b.school("20500001", "SD NEGERI 1 LOJEJER")
        b.teacher("Ahmad", nip: nil, npsn: "20500001", ptkId: .id(uuid(hi1, lo1)))
        b.teacher("Budi", nip: nil, npsn: "20500001", ptkId: .id(uuid(hi2, lo2)))
        b.teacher("Ahmad", nip: nil, npsn: "20500001", ptkId: .id(uuid(hi1, lo1).uppercased()), induk: false)
        let ids = b.batch.teachers.compactMap { $0.ptkIdentifier.map { DapodikPerson.Identity.ptk($0.lowercased) } }
        #expect(PersonMatcher.fingerprint(ids[0]) == PersonMatcher.fingerprint(ids[1]))
        let people = PersonMatcher.group(b.batch.teachers)
        #expect(people.map { Array($0.rows) } == [[0, 2], [1]])
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
