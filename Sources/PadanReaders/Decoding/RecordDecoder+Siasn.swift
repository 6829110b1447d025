import PadanCore

extension RecordDecoder {
    /// A `siasn_pns` row.
    package func employee(_ record: TableRecord) -> Result<SiasnEmployee, RowReject> {
        var f = FieldReader(self, record: record)
        let shared = self.shared
        let pnsId = f.siasnID("pns_id")
        var nip: DigitText?
        // An empty value is the required-column problem, already noted.
        let nipRead = f.withRequired("nip_baru") { bytes in
            nip = Self.nipBaru(bytes)
            return bytes.isEmpty || nip != nil
        }
        if !nipRead { f.fail("nip_baru bukan 18 angka: \(f.optional("nip_baru") ?? "")") }
        let nama = f.required("nama")
        let birth = f.date("tanggal_lahir")
        let gender = f.gender("jenis_kelamin")
        let (profile, unorId) = employeeProfile(&f)
        guard f.problem == nil, let pnsId, let unorId, let nip else { return .failure(reject(record, f)) }
        return .success(
            SiasnEmployee(
                pnsId: pnsId, nipBaru: nip, nipLama: f.digits("nip_lama"), nama: nama,
                gelarDepan: f.withOptional("gelar_depan") { $0.map { shared.box($0) } },
                gelarBelakang: f.withOptional("gelar_belakang") { $0.map { shared.box($0) } },
                birthDate: birth, gender: gender, profile: profile, unorId: unorId,
                unorNama: f.withOptional("unor_nama") { $0.map { shared.unitName($0) } }, source: location(record)))
    }

    /// The row's shared words (kedudukan, status CPNS/PNS, golongan, jabatan, instansi) as one profile, found by
    /// their bytes together, and the row's `unor_id` (read between the words, where a missing word is noted).
    /// Each word is looked up only for a combination the file has not had before.
    private func employeeProfile(_ f: inout FieldReader) -> (EmployeeProfile, SiasnID?) {
        let shared = self.shared
        var key = shared.takeFieldsKey()
        defer { shared.keep(key) }
        // Kedudukan, jabatan and instansi are required: a row without one takes the long way, which notes it.
        let hasKedudukan = f.append("kedudukan_hukum_nama", to: &key)
        f.append("status_cpns_pns", to: &key)
        f.append("gol_akhir_nama", to: &key)
        let hasJabatan = f.append("jabatan_nama", to: &key), hasInstansi = f.append("instansi_kerja_nama", to: &key)
        let complete = hasKedudukan && hasJabatan && hasInstansi
        if complete, let known = key[in: shared.employeeProfiles] {
            return (known, f.siasnID("unor_id", parse: { shared.unitID($0) }))
        }
        let (kedudukanText, standing) = f.withRequired("kedudukan_hukum_nama") { shared.standing($0) }
        let (jabatanText, isTeacher) = f.withRequired("jabatan_nama") { shared.siasnJob($0) }
        let unorId = f.siasnID("unor_id", parse: { shared.unitID($0) })
        let instansi = f.withRequired("instansi_kerja_nama") { shared.box($0) }
        let profile = shared.employeeProfile(
            kedudukan: kedudukanText, standing: standing,
            cpnsPns: f.withOptional("status_cpns_pns") { $0.map { shared.box($0) } },
            golongan: f.withOptional("gol_akhir_nama") { $0.map { shared.golongan($0) } }, jabatan: jabatanText,
            isTeacher: isTeacher, instansi: instansi)
        if complete { key.insert(profile, into: &shared.employeeProfiles) }
        return (profile, unorId)
    }

    /// `nip_baru`'s 18 digits (the ASCII digits of the value, whatever else it holds), or nil when they are
    /// not 18 or the value holds a letter.
    static func nipBaru(_ bytes: UnsafeBufferPointer<UInt8>) -> DigitText? {
        // Byte by byte when all ASCII (almost always); by characters otherwise, where a digit carrying a
        // combining mark is one character that is not an ASCII digit.
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let text = String(decoding: bytes, as: UTF8.self)
            let digits = String(text.filter { $0.isNumber && $0.isASCII })
            return digits.utf8.count == 18 && !text.contains(where: \.isLetter) ? DigitText(digits) : nil
        }
        var value: UInt64 = 0, count = 0
        for byte in bytes {
            if byte >= 0x30, byte <= 0x39 {
                if count < 18 { value = value * 10 + UInt64(byte - 0x30) }
                count += 1
            } else if (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x7A {
                return nil
            }
        }
        return count == 18 ? .digits(value, count: 18) : nil
    }

    /// A `siasn_unor` row; leading `-` depth marks are stripped from the name. An unrecognised `Aktif` is
    /// read as active and a `DiatasanId` that is no SIASN id as no parent (each a file warning).
    package func unor(_ record: TableRecord) -> Result<Unor, RowReject> {
        var f = FieldReader(self, record: record)
        let id = f.siasnID("Id")
        var nama = Substring(f.required("NamaUnor"))
        while let first = nama.first, first == "-" || first == " " { nama = nama.dropFirst() }
        // Depth marks and nothing else (`---`) are no name either.
        if nama.isEmpty { f.fail("kolom wajib 'NamaUnor' kosong") }
        let parentRead: SiasnID?? = f.withOptional("DiatasanId") { $0.map(SiasnID.init(bytes:)) }
        let parent = parentRead ?? nil
        var active = true
        var unknownActive = false
        if let text = f.optional("Aktif") {
            switch text.uppercased() {
            case "1", "TRUE", "Y", "YA", "AKTIF": active = true
            case "0", "FALSE", "N", "TIDAK", "TIDAK AKTIF": active = false
            default: unknownActive = true
            }
        }
        guard f.problem == nil, let id else { return .failure(reject(record, f)) }
        if case .some(.none) = parentRead { noteDefaulted(.diatasanId, f.optional("DiatasanId")) }
        if unknownActive { noteDefaulted(.aktif, f.optional("Aktif")) }
        return .success(
            Unor(
                id: id, nama: String(nama), parentId: parent, instansiId: f.optional("InstansiId"), isActive: active,
                source: location(record)))
    }

    /// A `unor_npsn` crosswalk row.
    package func crosswalk(_ record: TableRecord) -> Result<CrosswalkEntry, RowReject> {
        var f = FieldReader(self, record: record)
        let shared = self.shared
        let unorId = f.siasnID("unor_id", parse: { shared.unitID($0) })
        let npsn = f.npsn("npsn")
        guard f.problem == nil, let unorId, let npsn else { return .failure(reject(record, f)) }
        return .success(
            CrosswalkEntry(unorId: unorId, npsn: npsn, keterangan: f.optional("keterangan"), source: location(record)))
    }
}
