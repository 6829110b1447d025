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
            switch ColumnSpec.key(text) {
            case "induk", "1", "ya", "y", "true": induk = true
            case "noninduk", "0", "tidak", "n", "false": induk = false
            default: f.fail("status_tugas tidak dikenal: \(text) (harus Induk/Non Induk)")
            }
        }
        guard f.problem == nil, let npsn else { return .failure(reject(record, f)) }
        return .success(
            DapodikTeacher(
                ptkId: f.optional("ptk_id"), nama: nama, nipText: nipText, nip: NIP.read(nipText, runDate: runDate),
                nuptk: f.optional("nuptk"), nik: f.optional("nik"), gender: gender, birthDate: birth,
                statusKepegawaian: status, jenisPtk: jenis, tugasTambahan: f.optional("tugas_tambahan"),
                golonganText: f.optional("pangkat_golongan"), npsn: npsn, isInduk: induk, source: location(record)))
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
                npsn: npsn, nama: nama, bentuk: bentuk, isNegeri: negeri, kodeWilayah: kode, kabupatenKota: kabupaten,
                provinsi: provinsi, kecamatan: f.optional("kecamatan"), source: location(record)))
    }
}
