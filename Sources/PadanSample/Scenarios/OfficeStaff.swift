/// The SIASN people who work in offices, not schools: each government's head of the education
/// office (the penilai of its principals) and a few staff of its offices. None of them is in
/// Dapodik, and none of them is missing from it.
enum OfficeStaff {
    private static let dinasJabatan = [
        "Analis Kebijakan Ahli Muda", "Pengelola Keuangan", "Pengadministrasi Perkantoran", "Sekretaris Dinas",
        "Pengawas Sekolah Ahli Muda",
    ]
    private static let officeJabatan = [
        "Analis Sumber Daya Manusia Aparatur", "Perawat Ahli Pertama", "Pranata Komputer",
    ]

    /// Writes the offices' people of every government.
    static func write(writer: PeopleWriter, random: inout SampleRandom) throws(SampleError) {
        for (index, government) in writer.plan.governments.enumerated() {
            let offices = writer.plan.offices[index]
            let kadisSex: Sex = offices.kadisNIP.dropFirst(14).first == "1" ? .male : .female
            var row = PnsRow()
            row.pnsID = offices.kadisPnsID
            row.nipBaru = offices.kadisNIP
            row.nama = NameBank.name(kadisSex, &random).uppercased()
            row.gelarBelakang = "S.Pd., M.Pd."
            row.tempatLahir = "Jember"
            row.tanggalLahir = offices.kadisBirth.written(.dayMonthYearDash)
            row.jenisKelamin = kadisSex == .male ? "M" : "F"
            row.kedudukan = "Aktif"
            row.statusCPNS = "P"
            row.golongan = "IV/c"
            row.jabatan = "Kepala Dinas Pendidikan"
            row.unorID = offices.dinasID
            row.unorNama = "DINAS PENDIDIKAN"
            row.instansi = government.rootName
            try writer.files.write(row)
            let staff = government.kind == .provinsi ? 4 : 2
            for number in 0..<(staff + random.int(0...2)) {
                let unit = number < staff ? offices.dinasID : random.pick(offices.otherIDs)
                try writeStaff(
                    unit: unit, government: government, writer: writer,
                    jabatan: number < staff ? dinasJabatan : officeJabatan, random: &random)
            }
        }
    }

    private static func writeStaff(
        unit: String, government: Government, writer: PeopleWriter, jabatan: [String], random: inout SampleRandom
    ) throws(SampleError) {
        let sex: Sex = random.chance(0.5) ? .male : .female
        let birth = Day.random(&random, years: 1968...1995)
        var row = PnsRow()
        row.pnsID = Identifiers.siasnID(&random)
        row.nipBaru = writer.nips.pns(birth: birth, sex: sex, random: &random)
        row.nama = NameBank.name(sex, &random).uppercased()
        row.tanggalLahir = birth.written(.dayMonthYearDash)
        row.jenisKelamin = sex == .male ? "M" : "F"
        row.kedudukan = random.chance(0.9) ? "Aktif" : "Pensiun"
        row.statusCPNS = "P"
        row.golongan = random.pick(["III/a", "III/b", "III/c", "32", "33"])
        row.jabatan = random.pick(jabatan)
        row.unorID = unit
        row.unorNama = writer.plan.unitNames[unit] ?? ""
        row.instansi = random.chance(0.3) ? government.alternateName : government.rootName
        try writer.files.write(row)
        writer.negative(
            code: "ASN_TIDAK_ADA_DI_DAPODIK", pnsID: row.pnsID, why: "not a teacher, not in a school's unit")
    }
}
