import PadanCore

extension RecordDecoder {
    /// A `siasn_pns` row.
    package func employee(_ record: TableRecord) -> Result<SiasnEmployee, RowReject> {
        var f = FieldReader(columns: columns, record: record)
        let pnsId = f.siasnID("pns_id")
        let nipText = f.required("nip_baru")
        // Byte by byte when all ASCII (almost always); by characters otherwise, where a digit carrying a
        // combining mark is one character that is not an ASCII digit.
        let ascii = nipText.utf8.allSatisfy { $0 < 0x80 }
        let nip = ascii
            ? String(decoding: nipText.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
            : String(nipText.filter { $0.isNumber && $0.isASCII })
        let hasLetter = ascii
            ? nipText.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
            : nipText.contains { $0.isLetter }
        if !nipText.isEmpty, nip.utf8.count != 18 || hasLetter {
            f.fail("nip_baru bukan 18 angka: \(nipText)")
        }
        let nama = f.required("nama")
        let birth = f.date("tanggal_lahir")
        let gender = f.gender("jenis_kelamin")
        let kedudukan = f.required("kedudukan_hukum_nama")
        let jabatan = f.required("jabatan_nama")
        let unorId = f.siasnID("unor_id")
        let instansi = f.required("instansi_kerja_nama")
        guard f.problem == nil, let pnsId, let unorId else { return .failure(reject(record, f)) }
        let (kedudukanText, standing) = shared.standing(kedudukan)
        let (jabatanText, isTeacher) = shared.siasnJob(jabatan)
        let texts = shared.texts
        return .success(
            SiasnEmployee(
                pnsId: pnsId, nipBaru: DigitText(nip), nipLama: f.optional("nip_lama").map(DigitText.init), nama: nama,
                gelarDepan: texts.box(f.optional("gelar_depan")), gelarBelakang: texts.box(f.optional("gelar_belakang")),
                birthDate: birth, gender: gender, kedudukan: kedudukanText, standing: standing,
                statusCpnsPns: texts.box(f.optional("status_cpns_pns")),
                golongan: f.optional("gol_akhir_nama").map(shared.golongan), jabatan: jabatanText, isTeacher: isTeacher,
                unorId: unorId, unorNama: texts.box(f.optional("unor_nama")), instansiKerja: texts.box(instansi),
                source: location(record)))
    }

    /// A `siasn_unor` row; leading `-` depth marks are stripped from the name.
    package func unor(_ record: TableRecord) -> Result<Unor, RowReject> {
        var f = FieldReader(columns: columns, record: record)
        let id = f.siasnID("Id")
        var nama = Substring(f.required("NamaUnor"))
        while let first = nama.first, first == "-" || first == " " { nama = nama.dropFirst() }
        // Depth marks and nothing else (`---`) are no name either.
        if nama.isEmpty { f.fail("kolom wajib 'NamaUnor' kosong") }
        let parent = f.siasnID("DiatasanId", required: false)
        var active = true
        if let text = f.optional("Aktif") {
            switch text.uppercased() {
            case "1", "TRUE", "Y", "YA", "AKTIF": active = true
            case "0", "FALSE", "N", "TIDAK", "TIDAK AKTIF": active = false
            default: f.fail("Aktif tidak dikenal: \(text) (harus 1/0, true/false, Y/N)")
            }
        }
        guard f.problem == nil, let id else { return .failure(reject(record, f)) }
        return .success(
            Unor(
                id: id, nama: String(nama), parentId: parent, instansiId: f.optional("InstansiId"), isActive: active,
                source: location(record)))
    }

    /// A `unor_npsn` crosswalk row.
    package func crosswalk(_ record: TableRecord) -> Result<CrosswalkEntry, RowReject> {
        var f = FieldReader(columns: columns, record: record)
        let unorId = f.siasnID("unor_id")
        let npsn = f.npsn("npsn")
        guard f.problem == nil, let unorId, let npsn else { return .failure(reject(record, f)) }
        return .success(
            CrosswalkEntry(unorId: unorId, npsn: npsn, keterangan: f.optional("keterangan"), source: location(record)))
    }
}
