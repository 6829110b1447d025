import PadanCore

extension RecordDecoder {
    /// A `dapodik_ptk` row.
    package func teacher(_ record: TableRecord) -> Result<DapodikTeacher, RowReject> {
        var f = FieldReader(columns: columns, record: record)
        let nama = f.required("nama")
        let nipText = f.optional("nip")
        let gender = f.gender("jenis_kelamin")
        let birth = f.date("tanggal_lahir")
        let status = f.required("status_kepegawaian")
        let jenis = f.required("jenis_ptk")
        let npsn = f.npsn("npsn")
        var induk = true
        if let text = f.optional("status_tugas") {
            if let read = shared.isInduk(text) {
                induk = read
            } else {
                f.fail("status_tugas tidak dikenal: \(text) (harus Induk/Non Induk)")
            }
        }
        guard f.problem == nil, let npsn else { return .failure(reject(record, f)) }
        let (statusText, employment) = shared.employment(status)
        let (jenisText, isTeacher) = shared.dapodikJob(jenis)
        return .success(
            DapodikTeacher(
                ptk: f.optional("ptk_id").map(IdentifierText.init), nama: nama, nipText: nipText.map(DigitText.init),
                nip: NIP.read(nipText, runDate: runDate), nuptk: f.optional("nuptk").map(DigitText.init),
                nik: f.optional("nik").map(DigitText.init), gender: gender, birthDate: birth, status: statusText,
                employment: employment, jenis: jenisText, isTeacher: isTeacher,
                tugas: shared.texts.box(f.optional("tugas_tambahan")),
                golongan: f.optional("pangkat_golongan").map(shared.golongan), npsn: npsn, isInduk: induk,
                source: location(record)))
    }

    /// A `dapodik_sekolah` row.
    package func school(_ record: TableRecord) -> Result<School, RowReject> {
        var f = FieldReader(columns: columns, record: record)
        let npsn = f.npsn("npsn")
        let nama = f.required("nama")
        let bentuk = f.required("bentuk_pendidikan").uppercased()
        let statusText = f.required("status_sekolah")
        var negeri = false
        switch statusText.uppercased() {
        case "NEGERI", "N", "1": negeri = true
        case "SWASTA", "S", "2": negeri = false
        default: f.fail("status_sekolah tidak dikenal: \(statusText) (harus Negeri/Swasta)")
        }
        let kode = f.required("kode_wilayah")
        let kabupaten = f.required("kabupaten_kota")
        let provinsi = f.required("provinsi")
        guard f.problem == nil, let npsn else { return .failure(reject(record, f)) }
        return .success(
            School(
                npsn: npsn, nama: nama, bentuk: shared.texts.string(bentuk), isNegeri: negeri,
                kodeWilayah: shared.texts.string(kode), kabupatenKota: shared.texts.string(kabupaten),
                provinsi: shared.texts.string(provinsi), kecamatan: f.optional("kecamatan").map(shared.texts.string),
                source: location(record)))
    }
}
