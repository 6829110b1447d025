import PadanCore
import PadanTestSupport
import Testing

@Suite("Records")
struct RecordsTests {
    @Test(arguments: [
        ("PNS", Employment.pns), ("pns", .pns), ("PNS Diperbantukan", .pns), ("PNS  Diperbantukan", .pns),
        ("CPNS", .pns), ("PPPK", .pppk), ("PPPK Paruh Waktu", .pppk), ("PNS Depag", .kemenag),
        ("GTY/PTY", .nonASN), ("Honor Daerah TK.II Kab/Kota", .nonASN), ("Guru Honor Sekolah", .nonASN), ("", .nonASN),
    ])
    func employment(_ status: String, _ expected: Employment) {
        #expect(Employment(status) == expected)
        #expect(Employment(status).isASN == (expected == .pns || expected == .pppk))
    }

    @Test(arguments: [
        ("Guru Kelas", true), ("Guru Mapel", true), ("GURU BK", true), ("Kepala Sekolah", true),
        ("kepala sekolah", true),
        ("Tenaga Administrasi Sekolah", false), ("Pengawas Sekolah", false), ("Tenaga Perpustakaan", false),
    ])
    func teacherByDapodik(_ jenis: String, _ expected: Bool) {
        var builder = BatchBuilder()
        let i = builder.teacher("A", nip: nil, npsn: "20500001", jenis: jenis)
        #expect(builder.batch.teachers[i].isTeacherByDapodik == expected)
    }

    @Test func teacherGolonganIsReadFromItsText() {
        var builder = BatchBuilder()
        let i = builder.teacher("A", nip: nil, npsn: "20500001", golongan: "3a")
        #expect(builder.batch.teachers[i].golongan?.canonical == "III/a")
        #expect(builder.batch.teachers[i].golonganText == "3a")
    }

    @Test(arguments: [
        ("Aktif", false, false), ("PPPK Aktif", false, false), ("Pensiun", true, false), ("MENINGGAL", true, false),
        ("Diberhentikan", true, false), ("CLTN", false, true), (" cltn ", false, true),
        ("Masa Persiapan Pensiun", false, false), ("Diberhentikan Tidak Dengan Hormat", true, false),
        ("Meninggal Dunia", true, false), ("Pemberhentian Sementara", false, false),
    ])
    func employeeStatus(_ kedudukan: String, _ left: Bool, _ cltn: Bool) {
        var builder = BatchBuilder()
        let unit = builder.government()
        builder.employee("A", nip: Fixture.pnsNIP(), unit: unit, kedudukan: kedudukan)
        let employee = builder.batch.employees[0]
        #expect(employee.hasLeftService == left)
        #expect((employee.kedudukanKey == "CLTN") == cltn)
    }

    @Test(arguments: [
        ("Guru Ahli Pertama", true), ("guru ahli muda", true), (" Guru", true), ("Pengawas Sekolah Ahli Muda", false),
        ("Pengelola Keuangan", false), ("Kepala Sekolah", false),
    ])
    func teacherBySiasn(_ jabatan: String, _ expected: Bool) {
        var builder = BatchBuilder()
        let unit = builder.government()
        builder.employee("A", nip: Fixture.pnsNIP(), unit: unit, jabatan: jabatan)
        #expect(builder.batch.employees[0].isTeacherBySiasn == expected)
    }

    @Test func employeeGovernmentIsTheirInstansi() {
        var builder = BatchBuilder()
        let unit = builder.government()
        builder.employee("A", nip: Fixture.pnsNIP(), unit: unit, golongan: "31", instansi: "Pemerintah Kabupaten Tuban")
        let employee = builder.batch.employees[0]
        #expect(employee.government?.key == Government(reading: "Kab. Tuban")?.key)
        #expect(employee.golongan?.canonical == "III/a")
    }

    @Test(arguments: [
        ("SD", "KAB:TUBAN"), ("SMP", "KAB:TUBAN"), ("SDLB", "KAB:TUBAN"), ("SMPLB", "KAB:TUBAN"),
        ("SMA", "PROV:JAWATIMUR"), ("SMK", "PROV:JAWATIMUR"), ("SLB", "PROV:JAWATIMUR"), ("SMLB", "PROV:JAWATIMUR"),
        // Levels the spec does not list are the kabupaten/kota's (early-childhood and non-formal education).
        ("TK", "KAB:TUBAN"), ("SKB", "KAB:TUBAN"),
    ])
    func schoolGovernmentByLevel(_ bentuk: String, _ key: String) {
        var builder = BatchBuilder()
        builder.school("20500001", "\(bentuk) NEGERI 1 X", bentuk: bentuk)
        let school = builder.batch.schools[0]
        #expect(school.government?.key == key)
        #expect(school.localGovernment?.key == "KAB:TUBAN")
    }
}
