import PadanCore
import PadanTestSupport
import Testing

/// `rules.md` §5 on `SmallRegion`: the teacher `p` (NIP `teacherNIP`) at SD NEGERI 1 LOJEJER, whose
/// principal `ks` (NIP `principalNIP`) is linked, and the SKP rows a test adds.
@Suite("SkpEligibility")
struct SkpEligibilityTests {
    static let teacherNIP = SmallRegion.Pair().nip ?? ""
    static let principalNIP = Fixture.pnsNIP(born: "19700101", tmt: "199503", serial: 900)

    /// A principal (or acting principal) of `npsn`, linked unless `linked` is false.
    static func principal(
        _ id: String, serial: Int, npsn: String = SmallRegion.school1, tugas: String? = "Kepala Sekolah",
        jenis: String = "Guru Kelas", linked: Bool = true, status: String = "PNS"
    ) -> SmallRegion.Pair {
        .with {
            $0.ptkId = id
            $0.nama = "Kepala \(id)"
            $0.siasnNama = "KEPALA \(id)"
            $0.nip = Fixture.pnsNIP(born: "19700101", tmt: "199503", serial: serial)
            $0.born = "1970-01-01"
            $0.siasnBorn = "1970-01-01"
            $0.npsn = npsn
            $0.tugas = tugas
            $0.jenis = jenis
            $0.status = status
            if !linked { $0.siasnNip = Fixture.pnsNIP(born: "19700101", tmt: "199503", serial: serial + 1) }
        }
    }

    /// The region with the principal `ks`, the teacher `p` changed by `change`, and `setup` on top.
    static func region(
        _ change: (inout SmallRegion.Pair) -> Void = { _ in }, setup: (inout SmallRegion) -> Void = { _ in }
    ) -> SmallRegion {
        var region = SmallRegion()
        region.add(principal("ks", serial: 900))
        region.add(.with(change))
        setup(&region)
        return region
    }

    /// The outcome of one SKP row for the teacher's NIP at school 1, unless told otherwise.
    static func outcome(
        _ region: SmallRegion, nip: String = teacherNIP, npsn: String = SmallRegion.school1,
        periode: String = "2024-S2",
        peran: SkpRole = .guru, nipPenilai: String? = nil
    ) -> SkpOutcome {
        var region = region
        region.b.skp(nip: nip, npsn: npsn, periode: periode, peran: peran, nipPenilai: nipPenilai)
        let run = region.b.reconcile()
        return run.decisions[0].outcome
    }

    // MARK: Skipped

    @Test func periodeLainComesFirst() {
        let region = Self.region { $0.status = "Guru Honor Sekolah" }
        #expect(Self.outcome(region, periode: "2024-S1").summary == "skipped:PERIODE_LAIN")
        #expect(Self.outcome(region, nip: "1.98E+17", periode: "Januari-Juni 2024").summary == "skipped:PERIODE_LAIN")
        #expect(Self.outcome(region, periode: "2023-2").summary == "skipped:PERIODE_LAIN")
        // A year no payload may carry (the schema's 2023–2100) is never the active period's (checked when the
        // pipeline file loads), so such a row never becomes a payload.
        #expect(Self.outcome(region, periode: "2022-S2").summary == "skipped:PERIODE_LAIN")
        #expect(Self.outcome(region, periode: "2101-S2").summary == "skipped:PERIODE_LAIN")
    }

    @Test func theActivePeriodInAnySpelling() {
        let region = Self.region { $0.status = "Guru Honor Sekolah" }
        for periode in ["2024-2", "2024-S2", "Juli-Desember 2024"] {
            #expect(Self.outcome(region, periode: periode).summary == "skipped:NON_ASN")
        }
    }

    @Test(arguments: [
        ("honorer", "Guru Honor Sekolah", SmallRegion.school1, "Aktif", "skipped:NON_ASN"),
        ("GTY", "GTY/PTY", SmallRegion.swasta, "Aktif", "skipped:NON_ASN"),
        ("PNS Depag", "PNS Depag", SmallRegion.school1, "Aktif", "skipped:KEMENAG"),
        ("PNS Depag at a Swasta school", "PNS Depag", SmallRegion.swasta, "Aktif", "skipped:KEMENAG"),
        ("PNS at a Swasta school", "PNS", SmallRegion.swasta, "Aktif", "skipped:SWASTA"),
        ("CLTN at a Swasta school", "PNS", SmallRegion.swasta, "CLTN", "skipped:SWASTA"),
        ("CLTN", "PNS", SmallRegion.school1, "CLTN", "skipped:CLTN"),
        ("Meninggal", "PNS", SmallRegion.school1, "Meninggal", "skipped:TIDAK_AKTIF"),
        ("Diberhentikan", "PPPK", SmallRegion.school1, "Diberhentikan", "skipped:TIDAK_AKTIF"),
    ])
    func skipReasonsInOrder(_ name: String, _ status: String, _ npsn: String, _ kedudukan: String, _ expected: String) {
        let region = Self.region {
            $0.status = status
            $0.npsn = npsn
            $0.kedudukan = kedudukan
            if status == "PPPK" { $0.nip = Fixture.pppkNIP(serial: 101) }
        }
        let nip = status == "PPPK" ? Fixture.pppkNIP(serial: 101) : Self.teacherNIP
        #expect(Self.outcome(region, nip: nip, npsn: npsn).summary == expected, "\(name)")
    }

    @Test func aSwastaTeacherIsSkippedEvenUnlinked() {
        let region = Self.region {
            $0.npsn = SmallRegion.swasta; $0.siasnNip = Fixture.pnsNIP(serial: 999)
        }
        #expect(Self.outcome(region, npsn: SmallRegion.swasta).summary == "skipped:SWASTA")
    }

    @Test func kemenagWithTwoRowsIsOnePersonSkipped() {
        let region = Self.region {
            $0.status = "PNS Depag"
        } setup: {
            $0.b.teacher(
                "Ahmad", nip: Self.teacherNIP, npsn: SmallRegion.school2, ptkId: "p", status: "PNS Depag", induk: false)
        }
        #expect(Self.outcome(region).summary == "skipped:KEMENAG")
    }

    @Test func pensiunIsNotSkipped() throws {
        let region = Self.region { $0.kedudukan = "Pensiun" }
        guard case .eligible(let payload) = Self.outcome(region) else {
            Issue.record("\(Self.outcome(region).summary)")
            return
        }
        #expect(payload.pegawai.nip == Self.teacherNIP)
    }

    // MARK: Blocked

    @Test func unknownToDapodikAndSiasn() {
        #expect(Self.outcome(Self.region(), nip: Fixture.pnsNIP(serial: 444)).summary == "blocked:NIP_TIDAK_DITEMUKAN")
        #expect(Self.outcome(Self.region(), nip: "1.98501E+17").summary == "blocked:NIP_TIDAK_DITEMUKAN")
    }

    @Test func notExactlyLinkedCarriesItsNIPCodeAlone() {
        // Valid, in Dapodik, not in SIASN; and at the wrong school with a wrong penilai: the NIP code alone.
        let region = Self.region { $0.siasnNip = Fixture.pnsNIP(serial: 999) }
        #expect(Self.outcome(region).summary == "blocked:NIP_TIDAK_DITEMUKAN")
        #expect(
            Self.outcome(region, npsn: SmallRegion.school2, nipPenilai: "1").summary == "blocked:NIP_TIDAK_DITEMUKAN")
    }

    @Test func aDoubledNIPIsBlockedNipGandaAlone() {
        let region = Self.region {
            $0.instansi = "Pemerintah Kabupaten Banyuwangi"
        } setup: {
            $0.b.teacher("Budi", nip: Self.teacherNIP, npsn: SmallRegion.school3, ptkId: "q")
        }
        #expect(Self.outcome(region).summary == "blocked:NIP_GANDA")
        #expect(Self.outcome(region, npsn: SmallRegion.school2, nipPenilai: "1").summary == "blocked:NIP_GANDA")
    }

    @Test func theSameBrokenNIPFindsItsPerson() {
        let broken = "19850101 201001 1 10"
        let region = Self.region { $0.nip = broken }
        #expect(Self.outcome(region, nip: broken).summary == "blocked:NIP_TIDAK_VALID")
    }

    /// An invalid NIP carried by one Dapodik person of any status is that person: their skip reasons come
    /// first, in the valid path's order, and only then their `NIP_*` code.
    @Test(arguments: [
        ("honorer", "Guru Honor Sekolah", SmallRegion.school1, "skipped:NON_ASN"),
        ("PNS Depag", "PNS Depag", SmallRegion.school1, "skipped:KEMENAG"),
        ("PNS at a Swasta school", "PNS", SmallRegion.swasta, "skipped:SWASTA"),
        ("PNS at a Negeri school", "PNS", SmallRegion.school1, "blocked:NIP_TIDAK_VALID"),
    ])
    func theSameInvalidNIPIsSkippedAsItsPersonWouldBe(
        _ name: String, _ status: String, _ npsn: String, _ expected: String
    ) {
        let broken = "19850101 201001 1 10"
        let region = Self.region {
            $0.nip = broken
            $0.status = status
            $0.npsn = npsn
        }
        #expect(Self.outcome(region, nip: broken, npsn: npsn).summary == expected, "\(name)")
    }

    @Test func anInvalidNIPOnALinkedPersonsOtherRowIsNoLink() {
        let broken = "19850101 201001 1 10"
        let region = Self.region(setup: {
            $0.b.teacher("Ahmad", nip: broken, npsn: SmallRegion.school2, ptkId: "p", induk: false)
        })
        #expect(Self.outcome(region, nip: broken).summary == "blocked:NIP_TIDAK_VALID")
    }

    @Test(arguments: [
        ("another government", "UNOR_WILAYAH_BERBEDA"),
        ("another school's unit", "UNOR_SATPEN_BERBEDA"),
        ("an inactive sub-unit", "UNOR_TIDAK_AKTIF"),
        ("an inactive unit elsewhere", "UNOR_SATPEN_BERBEDA;UNOR_TIDAK_AKTIF"),
    ])
    func priorityTwoAndThreeDisparitiesBlock(_ name: String, _ expected: String) {
        let region = Self.region { pair in
            switch name {
            case "another government":
                pair.instansi = "Pemerintah Kabupaten Banyuwangi"
                pair.unit = SmallRegion().gentengUnit
            case "another school's unit": pair.unit = SmallRegion().unit2
            case "an inactive sub-unit": pair.unit = SmallRegion().unit1Inactive
            default: pair.unit = Fixture.id(number: 777, prefix: "c")
            }
        } setup: { region in
            if name == "an inactive unit elsewhere" {
                region.b.unit(
                    "SD NEGERI LAMA", under: region.tuban, active: false, id: Fixture.id(number: 777, prefix: "c").text)
            }
        }
        #expect(Self.outcome(region).summary == "blocked:" + expected, "\(name)")
    }

    @Test func priorityFourDisparitiesDoNotBlock() {
        let region = Self.region {
            $0.siasnNama = "BAMBANG"
            $0.siasnBorn = "1990-01-01"
            $0.siasnGender = .female
            $0.siasnGolongan = "IV/a"
            $0.jabatan = "Pengelola Keuangan"
            $0.status = "PPPK"
        }
        #expect(Self.outcome(region).summary == "eligible:\(Self.principalNIP)/KEPALA_SEKOLAH")
    }

    @Test func aSchoolWithoutAUnit() {
        let region = Self.region {
            $0.npsn = SmallRegion.school3
        } setup: {
            $0.add(Self.principal("ks3", serial: 903, npsn: SmallRegion.school3))
        }
        #expect(Self.outcome(region, npsn: SmallRegion.school3).summary == "blocked:NPSN_BELUM_PADAN")
    }

    /// A school `dapodik_sekolah` does not list has no unit; its principal, whom Dapodik lists at the NPSN, still
    /// rates its teachers, but nobody is known to rate the principal (the school's government is unknown).
    @Test func aSchoolTheSchoolListLacks() {
        let unlisted = "20599777"
        let region = Self.region {
            $0.npsn = unlisted
        } setup: {
            $0.add(Self.principal("ks9", serial: 909, npsn: unlisted))
        }
        #expect(Self.outcome(region, npsn: unlisted).summary == "blocked:NPSN_BELUM_PADAN")
        #expect(
            Self.outcome(region, nip: Self.p(909), npsn: unlisted, peran: .kepalaSekolah).summary
                == "blocked:NPSN_BELUM_PADAN;PENILAI_TIDAK_DITEMUKAN")
    }

    @Test func npsnSkpBerbeda() {
        #expect(Self.outcome(Self.region(), npsn: SmallRegion.school2).summary == "blocked:NPSN_SKP_BERBEDA")
        // A Non Induk school of the person is still not their Induk school.
        let region = Self.region(setup: {
            $0.b.teacher("Ahmad", nip: Self.teacherNIP, npsn: SmallRegion.school2, ptkId: "p", induk: false)
        })
        #expect(Self.outcome(region, npsn: SmallRegion.school2).summary == "blocked:NPSN_SKP_BERBEDA")
    }

    @Test(arguments: [
        (Optional<String>.none, "eligible"), ("", "eligible"), (principalNIP, "eligible"),
        ("19700101 199503 1 900", "eligible"), ("'197001011995031900", "eligible"),
        (Fixture.pnsNIP(serial: 1), "blocked:PENILAI_BERBEDA"), ("bukan nip", "blocked:PENILAI_BERBEDA"),
    ])
    func penilaiBerbeda(_ given: String?, _ expected: String) {
        #expect(Self.outcome(Self.region(), nipPenilai: given).summary.hasPrefix(expected))
    }

    @Test func reasonsInCatalogueOrderThenSkpReasons() {
        let region = Self.region {
            $0.instansi = "Pemerintah Kabupaten Banyuwangi"
            $0.npsn = SmallRegion.school3
        }
        #expect(
            Self.outcome(region, npsn: SmallRegion.school2, nipPenilai: Fixture.pnsNIP(serial: 1)).summary
                == "blocked:UNOR_WILAYAH_BERBEDA;NPSN_BELUM_PADAN;NPSN_SKP_BERBEDA;PENILAI_TIDAK_DITEMUKAN")
        let linked = Self.region { $0.unit = SmallRegion().unit2 }
        #expect(
            Self.outcome(linked, npsn: SmallRegion.school2, nipPenilai: Fixture.pnsNIP(serial: 1)).summary
                == "blocked:UNOR_SATPEN_BERBEDA;NPSN_SKP_BERBEDA;PENILAI_BERBEDA")
    }

    // MARK: The penilai of a teacher

    struct PenilaiCase: CustomTestStringConvertible, Sendable {
        var name: String
        var principals: [SmallRegion.Pair]
        /// `eligible:NIP/PERAN` or `blocked:PENILAI_TIDAK_DITEMUKAN`.
        var expected: String
        var testDescription: String { name }
    }

    static func p(_ serial: Int) -> String { Fixture.pnsNIP(born: "19700101", tmt: "199503", serial: serial) }

    @Test(arguments: [
        PenilaiCase(
            name: "no principal at all", principals: [], expected: "blocked:PENILAI_TIDAK_DITEMUKAN"),
        PenilaiCase(
            name: "two definitive principals",
            principals: [principal("a", serial: 910), principal("b", serial: 920)],
            expected: "blocked:PENILAI_TIDAK_DITEMUKAN"),
        PenilaiCase(
            name: "the principal is not linked: no falling back to jenis_ptk",
            principals: [
                principal("a", serial: 910, linked: false),
                principal("b", serial: 920, tugas: nil, jenis: "Kepala Sekolah"),
            ],
            expected: "blocked:PENILAI_TIDAK_DITEMUKAN"),
        PenilaiCase(
            name: "by jenis_ptk when no tugas_tambahan says it",
            principals: [principal("b", serial: 920, tugas: nil, jenis: "Kepala Sekolah")],
            expected: "eligible:\(p(920))/KEPALA_SEKOLAH"),
        PenilaiCase(
            name: "tugas_tambahan before jenis_ptk",
            principals: [
                principal("b", serial: 920, tugas: nil, jenis: "Kepala Sekolah"), principal("a", serial: 910),
            ],
            expected: "eligible:\(p(910))/KEPALA_SEKOLAH"),
        PenilaiCase(
            name: "the acting principal when nobody else",
            principals: [principal("c", serial: 930, tugas: "Plt. Kepala Sekolah")],
            expected: "eligible:\(p(930))/PLT_KEPALA_SEKOLAH"),
        PenilaiCase(
            name: "the definitive principal before the acting one",
            principals: [principal("c", serial: 930, tugas: "Plt. Kepala Sekolah"), principal("a", serial: 910)],
            expected: "eligible:\(p(910))/KEPALA_SEKOLAH"),
        PenilaiCase(
            name: "a non-ASN principal does not count",
            principals: [
                principal("h", serial: 940, status: "Guru Honor Sekolah"),
                principal("c", serial: 930, tugas: "Plt. Kepala Sekolah"),
            ],
            expected: "eligible:\(p(930))/PLT_KEPALA_SEKOLAH"),
        PenilaiCase(
            name: "a jenis_ptk principal who is also Plt. counts under jenis_ptk: two of that kind",
            principals: [
                principal("c", serial: 930, tugas: "Plt. Kepala Sekolah", jenis: "Kepala Sekolah"),
                principal("b", serial: 920, tugas: "Wakil Kepala Sekolah", jenis: "Kepala Sekolah"),
            ],
            expected: "blocked:PENILAI_TIDAK_DITEMUKAN"),
        PenilaiCase(
            name: "a jenis_ptk principal who is also Plt. is found as principal, not as acting",
            principals: [principal("c", serial: 930, tugas: "Plt. Kepala Sekolah", jenis: "Kepala Sekolah")],
            expected: "eligible:\(p(930))/KEPALA_SEKOLAH"),
        PenilaiCase(
            name: "tugas words read whatever the case, dots and spacing",
            principals: [principal("c", serial: 930, tugas: "plt.kepala  SEKOLAH")],
            expected: "eligible:\(p(930))/PLT_KEPALA_SEKOLAH"),
        PenilaiCase(
            name: "another school's principal does not count",
            principals: [principal("x", serial: 950, npsn: SmallRegion.school2)],
            expected: "blocked:PENILAI_TIDAK_DITEMUKAN"),
    ])
    func penilaiOfATeacher(_ c: PenilaiCase) {
        var region = SmallRegion()
        for principal in c.principals { region.add(principal) }
        region.add(SmallRegion.Pair())
        #expect(Self.outcome(region).summary == c.expected, "\(c.name)")
    }

    @Test func aPrincipalListedNonIndukAtTheSchoolCounts() {
        var region = SmallRegion()
        region.add(Self.principal("a", serial: 910, npsn: SmallRegion.school2, tugas: nil))
        region.b.teacher(
            "Kepala a", nip: Self.p(910), npsn: SmallRegion.school1, ptkId: "a", tugas: "Kepala Sekolah", induk: false)
        region.add(SmallRegion.Pair())
        #expect(Self.outcome(region).summary == "eligible:\(Self.p(910))/KEPALA_SEKOLAH")
    }

    // MARK: The penilai of a principal

    @Test(arguments: [
        (
            SkpRole.kepalaSekolah, SmallRegion.school1, "Kepala Sekolah",
            "eligible:\(SmallRegion.headTuban)/KEPALA_DINAS"
        ),
        (
            .pltKepalaSekolah, SmallRegion.school1, "Plt. Kepala Sekolah",
            "eligible:\(SmallRegion.headTuban)/KEPALA_DINAS"
        ),
        // An SMA belongs to the province: the province's head rates its principal.
        (.kepalaSekolah, SmallRegion.sma, "Kepala Sekolah", "eligible:\(SmallRegion.headJatim)/KEPALA_DINAS"),
        // No head of office for Banyuwangi in the pipeline.
        (.kepalaSekolah, SmallRegion.genteng, "Kepala Sekolah", "blocked:PENILAI_TIDAK_DITEMUKAN"),
    ])
    func penilaiOfAPrincipal(_ role: SkpRole, _ npsn: String, _ tugas: String, _ expected: String) {
        var region = SmallRegion()
        region.add(
            .with {
                $0.npsn = npsn
                $0.tugas = tugas
                if npsn == SmallRegion.sma { $0.instansi = "Pemerintah Provinsi Jawa Timur" }
                if npsn == SmallRegion.genteng { $0.instansi = "Pemerintah Kabupaten Banyuwangi" }
            })
        #expect(Self.outcome(region, npsn: npsn, peran: role).summary == expected)
    }

    @Test func theActingPrincipalIsRatedAsATeacherByTheHeadOfOffice() throws {
        var region = SmallRegion()
        region.add(Self.principal("a", serial: 910))
        region.add(.with { $0.tugas = "Plt. Kepala Sekolah" })
        let outcome = Self.outcome(region, peran: .guru)
        #expect(outcome.summary == "eligible:\(SmallRegion.headTuban)/KEPALA_DINAS")
        guard case .eligible(let payload) = outcome else { return }
        #expect(payload.peran == .guru)
        #expect(payload.peran.model == "JF")
    }

    @Test func aDefinitivePrincipalsOwnTeacherSKPFollowsTheLetter() {
        // rules.md §5 sends only the acting principal's teacher SKP to the head of office (decisions.md).
        var region = SmallRegion()
        region.add(Self.principal("ks", serial: 900))
        let outcome = Self.outcome(region, nip: Self.principalNIP, peran: .guru)
        #expect(outcome.summary == "eligible:\(Self.principalNIP)/KEPALA_SEKOLAH")
    }

    // MARK: The payload

    @Test func payloadOfAnEligibleRow() throws {
        var region = Self.region()
        region.b.skp(
            nip: "19850101 201001 1 101", npsn: SmallRegion.school1, periode: "Juli-Desember 2024", peran: .guru,
            nipPenilai: Self.principalNIP, perilakuFokus: ["Akuntabel", "Kompeten"], predikat: "Baik",
            tahap: .penilaian,
            indikator: "D.1.1 Memahami karakteristik peserta didik")
        let run = region.b.reconcile()
        guard case .eligible(let payload) = run.decisions[0].outcome else {
            Issue.record("\(run.decisions[0].outcome.summary)")
            return
        }
        let employee = try #require(run.context.batch.employees.last)
        #expect(payload.periode.description == "2024-S2")
        #expect(payload.peran == .guru)
        #expect(payload.tahap == .penilaian)
        #expect(payload.predikat == "Baik")
        #expect(payload.perilakuFokus == ["Akuntabel", "Kompeten"])
        #expect(payload.indikatorKinerja == "D.1.1 Memahami karakteristik peserta didik")
        #expect(payload.source == run.decisions[0].record.source)
        #expect(payload.pegawai.pnsId == employee.pnsId.text)
        #expect(payload.pegawai.nip == Self.teacherNIP)
        #expect(payload.pegawai.nama == "AHMAD FAUZI")
        #expect(payload.pegawai.unorId == region.unit1.text)
        #expect(payload.pegawai.unorNama == "UPT SD Negeri 1 Lojejer")
        #expect(payload.pegawai.jabatan == "Guru Ahli Muda")
        #expect(payload.pegawai.npsn == SmallRegion.school1)
        #expect(payload.pegawai.peranPenilai == nil)
        #expect(payload.penilai.nip == Self.principalNIP)
        #expect(payload.penilai.peranPenilai == "KEPALA_SEKOLAH")
        #expect(payload.penilai.npsn == SmallRegion.school1)
    }

    @Test func everyRowIsDecidedInOrder() {
        var region = Self.region()
        region.b.skp(nip: Self.teacherNIP, npsn: SmallRegion.school1)
        region.b.skp(nip: Self.teacherNIP, npsn: SmallRegion.school1, periode: "2024-S1")
        region.b.skp(nip: Fixture.pnsNIP(serial: 444), npsn: SmallRegion.school1)
        let run = region.b.reconcile()
        #expect(
            run.decisions.map(\.outcome.summary) == [
                "eligible:\(Self.principalNIP)/KEPALA_SEKOLAH", "skipped:PERIODE_LAIN", "blocked:NIP_TIDAK_DITEMUKAN",
            ])
    }

    /// Each person's blocking codes are exactly the codes of their priority 1–3 `PTK` findings: people with none
    /// (most, answered from a bit per person), with one or several, and a position past the people counted.
    @Test func blockingCodesAreEachPersonsPriorityOneToThreeFindings() {
        let region = Self.region {
            $0.siasnBorn = "1971-02-02"
        } setup: {
            $0.add(Self.principal("kx", serial: 910, linked: false))
            // Two people holding one NIP: `NIP_GANDA` for each.
            $0.add(Self.principal("kv", serial: 920, tugas: nil))
            $0.add(Self.principal("kw", serial: 920, tugas: nil))
        }
        let run = region.b.reconcile()
        let blocking = run.context.blockingCodes(run.disparities)
        var expected = [Int: Set<DisparityCode>]()
        for d in run.disparities where d.subject == .ptk && d.priority <= 3 {
            if let person = d.person { expected[person, default: []].insert(d.code) }
        }
        #expect(expected.count >= 3)
        for p in run.linkage.people.indices {
            #expect(blocking.codes(ofPerson: p, in: run.context) == expected[p, default: []])
        }
        #expect(blocking.codes(ofPerson: run.linkage.people.count + 64, in: run.context).isEmpty)
    }
}
