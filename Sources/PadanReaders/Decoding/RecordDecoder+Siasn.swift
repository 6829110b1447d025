import PadanCore

extension RecordDecoder {
    /// A `siasn_pns` row.
    package func employee(_ record: TableRecord) -> Result<SiasnEmployee, RowReject> {
        var f = FieldReader(columns: columns, record: record)
        let pnsId = f.siasnID("pns_id")
        let nipText = f.required("nip_baru")
        let nip = String(nipText.filter { $0.isNumber && $0.isASCII })
        if !nipText.isEmpty, nip.utf8.count != 18 || nipText.contains(where: { $0.isLetter }) {
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
        return .success(
            SiasnEmployee(
                pnsId: pnsId, nipBaru: nip, nipLama: f.optional("nip_lama"), nama: nama,
                gelarDepan: f.optional("gelar_depan"), gelarBelakang: f.optional("gelar_belakang"), birthDate: birth,
                gender: gender, kedudukan: kedudukan, statusCpnsPns: f.optional("status_cpns_pns"),
                golonganText: f.optional("gol_akhir_nama"), jabatan: jabatan, unorId: unorId,
                unorNama: f.optional("unor_nama"), instansiKerja: instansi, source: location(record)))
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
