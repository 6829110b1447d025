import PadanCore
import PadanTestSupport
import Testing

/// The priority-4 rules: they compare a linked person's Dapodik and SIASN attributes.
@Suite("Attribute rules")
struct AttributeRulesTests {
    @Test(arguments: [
        RuleCase("titles and case", flagged: false),
        RuleCase("SIASN writes titles too", flagged: false) { $0.siasnNama = "Drs. AHMAD FAUZI, M.Pd." },
        RuleCase("a one-letter spelling", flagged: false) {
            $0.nama = "Supriyadi"; $0.siasnNama = "SUPRIADI"
        },
        RuleCase("one name contains the other", flagged: false) {
            $0.nama = "Siti Aminah"; $0.siasnNama = "SITI AMINAH RAHAYU"
        },
        RuleCase("a trailing dotted title", flagged: false) {
            $0.nama = "Irfan Kurniawan S.Pd.SD"; $0.siasnNama = "IRFAN KURNIAWAN"
        },
        RuleCase("another person", flagged: true) { $0.siasnNama = "BAMBANG SUTRISNO" },
        RuleCase("not linked", flagged: false) {
            $0.siasnNama = "BAMBANG SUTRISNO"; $0.siasnNip = Fixture.pnsNIP(serial: 999)
        },
    ])
    func namaBerbeda(_ c: RuleCase) throws {
        guard let d = c.check(.namaBerbeda) else { return }
        #expect(d.dapodikValue == c.pair.nama)
        #expect(d.siasnValue == c.pair.siasnNama)
        #expect(d.field == "nama")
        #expect(d.code.owner == "Operator Sekolah")
    }

    @Test(arguments: [
        RuleCase("same date, other format", flagged: false),
        RuleCase("different dates", flagged: true) { $0.siasnBorn = "02-01-1985" },
        RuleCase("Dapodik has none", flagged: false) { $0.born = nil },
        RuleCase("SIASN has none", flagged: false) { $0.siasnBorn = nil },
        RuleCase("the NIP's date differs, the records agree", flagged: false) {
            $0.nip = Fixture.pnsNIP(born: "19800505", serial: 101)
        },
    ])
    func tglLahirBerbeda(_ c: RuleCase) {
        guard let d = c.check(.tglLahirBerbeda) else { return }
        #expect(d.dapodikValue == "1985-01-01")
        #expect(d.siasnValue == "1985-01-02")
    }

    @Test(arguments: [
        RuleCase("L and M", flagged: false),
        RuleCase("P and F", flagged: false) {
            $0.gender = .female; $0.siasnGender = .female
        },
        RuleCase("L and F", flagged: true) { $0.siasnGender = .female },
        RuleCase("one side unknown", flagged: false) { $0.gender = nil },
        RuleCase("the NIP's sex differs, the records agree", flagged: false) {
            $0.nip = Fixture.pnsNIP(sex: 2, serial: 101)
        },
    ])
    func jenisKelaminBerbeda(_ c: RuleCase) {
        guard let d = c.check(.jenisKelaminBerbeda) else { return }
        #expect(d.dapodikValue == "L")
        #expect(d.siasnValue == "P")
    }

    @Test(arguments: [
        RuleCase("III/a and SIASN's 31", flagged: false),
        RuleCase("IIIa and III/a", flagged: false) {
            $0.golongan = "IIIa"; $0.siasnGolongan = "III/a"
        },
        RuleCase("3/a and III/A", flagged: false) {
            $0.golongan = "3/a"; $0.siasnGolongan = "III/A"
        },
        RuleCase("PPPK grades in another case", flagged: false) {
            $0.nip = Fixture.pppkNIP(serial: 101)
            $0.status = "PPPK"
            $0.golongan = "ix"
            $0.siasnGolongan = "IX"
        },
        RuleCase("III/a and III/b", flagged: true) { $0.siasnGolongan = "III/b" },
        RuleCase("IX and X", flagged: true) {
            $0.nip = Fixture.pppkNIP(serial: 101)
            $0.status = "PPPK"
            $0.golongan = "IX"
            $0.siasnGolongan = "X"
        },
        RuleCase("Dapodik has none", flagged: false) { $0.golongan = "-" },
        RuleCase("SIASN has none", flagged: false) { $0.siasnGolongan = nil },
    ])
    func golonganBerbeda(_ c: RuleCase) {
        guard let d = c.check(.golonganBerbeda) else { return }
        // The values as written.
        #expect(d.dapodikValue == c.pair.golongan)
        #expect(d.siasnValue == c.pair.siasnGolongan)
        #expect(d.code.owner == "BKD")
    }

    @Test(arguments: [
        RuleCase("teacher and Guru", flagged: false),
        RuleCase("principal and Guru", flagged: false) {
            $0.jenis = "Kepala Sekolah"; $0.jabatan = "Guru Ahli Madya"
        },
        RuleCase("staff and not Guru", flagged: false) {
            $0.jenis = "Tenaga Administrasi Sekolah"; $0.jabatan = "Pengelola Keuangan"
        },
        RuleCase("teacher and not Guru", flagged: true) { $0.jabatan = "Pengelola Keuangan" },
        RuleCase("principal and not Guru", flagged: true) {
            $0.jenis = "Kepala Sekolah"; $0.jabatan = "Kepala Sekolah"
        },
        RuleCase("staff and Guru", flagged: true) { $0.jenis = "Tenaga Administrasi Sekolah" },
        RuleCase("supervisor and Guru", flagged: true) { $0.jenis = "Pengawas Sekolah" },
    ])
    func jabatanBerbeda(_ c: RuleCase) {
        guard let d = c.check(.jabatanBerbeda) else { return }
        #expect(d.dapodikValue == c.pair.jenis)
        #expect(d.siasnValue == c.pair.jabatan)
    }

    @Test(arguments: [
        RuleCase("PNS with a PNS NIP", flagged: false),
        RuleCase("CPNS with a PNS NIP", flagged: false) { $0.status = "CPNS" },
        RuleCase("PNS Diperbantukan with a PNS NIP", flagged: false) { $0.status = "PNS Diperbantukan" },
        RuleCase("PPPK with a PPPK NIP", flagged: false) {
            $0.status = "PPPK"; $0.nip = Fixture.pppkNIP(serial: 101)
        },
        RuleCase("PPPK Paruh Waktu with a PPPK NIP", flagged: false) {
            $0.status = "PPPK Paruh Waktu"
            $0.nip = Fixture.pppkNIP(serial: 101)
        },
        RuleCase("PPPK with a PNS NIP", flagged: true) { $0.status = "PPPK" },
        RuleCase("PNS with a PPPK NIP", flagged: true) { $0.nip = Fixture.pppkNIP(serial: 101) },
        RuleCase("Pensiun in SIASN", flagged: true) { $0.kedudukan = "Pensiun" },
        RuleCase("Meninggal in SIASN", flagged: true) { $0.kedudukan = "Meninggal" },
        RuleCase("Diberhentikan in SIASN", flagged: true) { $0.kedudukan = "Diberhentikan" },
        RuleCase("CLTN in SIASN", flagged: false) { $0.kedudukan = "CLTN" },
        RuleCase("Masa Persiapan Pensiun", flagged: false) { $0.kedudukan = "Masa Persiapan Pensiun" },
    ])
    func statusBerbeda(_ c: RuleCase) {
        guard let d = c.check(.statusBerbeda) else { return }
        #expect(d.dapodikValue == c.pair.status)
        #expect(d.siasnValue == c.pair.kedudukan)
    }

    @Test func attributeDisparitiesCarryTheLink() throws {
        let run = SmallRegion.with(
            .with {
                $0.siasnGender = .female; $0.siasnNama = "BAMBANG"
            })
        #expect(run.codes(forPtk: "p") == [.jenisKelaminBerbeda, .namaBerbeda])
        let d = try #require(run.findings(.jenisKelaminBerbeda).first)
        let employee = try #require(run.context.batch.employees.last)
        #expect(d.pnsId == employee.pnsId.text)
        #expect(d.unorId == employee.unorId.text)
        #expect(d.nip == SmallRegion.Pair().nip)
        #expect(d.priority == 4)
    }

    @Test func aCleanPairHasNoDisparityAtAll() {
        #expect(SmallRegion.with(SmallRegion.Pair()).codes(forPtk: "p") == [])
    }
}
