import PadanCore

extension RecordDecoder {
    /// A `dapodik_ptk` row; an unrecognised `status_tugas` is read as the default, Induk (a file warning).
    package func teacher(_ record: TableRecord) -> Result<DapodikTeacher, RowReject> {
        var f = FieldReader(self, record: record)
        let shared = self.shared
        let nama = f.required("nama")
        let (nipText, nip) = f.withOptional("nip") {
            ($0.map(DigitText.init(bytes:)), NIP.read(bytes: $0, runDate: runDate))
        }
        let gender = f.gender("jenis_kelamin")
        let birth = f.date("tanggal_lahir")
        let profile = teacherProfile(&f)
        let npsn = f.npsn("npsn")
        var induk = true
        var unknownStatus = false
        if let read = f.withOptional("status_tugas", { $0.map { shared.isInduk($0) } }) {
            if let read { induk = read } else { unknownStatus = true }
        }
        guard f.problem == nil, let npsn else { return .failure(reject(record, f)) }
        if unknownStatus { noteDefaulted(.statusTugas, f.optional("status_tugas")) }
        return .success(
            DapodikTeacher(
                ptk: f.withOptional("ptk_id") { $0.map(IdentifierText.init(bytes:)) }, nama: nama, nipText: nipText,
                nip: nip, gender: gender, birthDate: birth, profile: profile, npsn: npsn, isInduk: induk,
                source: location(record)))
    }

    /// The row's shared words (status kepegawaian, jenis PTK, tugas tambahan, golongan) as one profile, found by
    /// their bytes together; each word is looked up (and a missing required one noted) only for a combination
    /// the file has not had before.
    private func teacherProfile(_ f: inout FieldReader) -> TeacherProfile {
        let shared = self.shared
        var key = shared.takeFieldsKey()
        defer { shared.keep(key) }
        // Status and jenis are required: a row without one takes the long way, which notes it.
        let hasStatus = f.append("status_kepegawaian", to: &key), hasJenis = f.append("jenis_ptk", to: &key)
        let complete = hasStatus && hasJenis
        f.append("tugas_tambahan", to: &key)
        f.append("pangkat_golongan", to: &key)
        if complete, let known = key[in: shared.teacherProfiles] { return known }
        let (status, employment) = f.withRequired("status_kepegawaian") { shared.employment($0) }
        let (jenis, isTeacher) = f.withRequired("jenis_ptk") { shared.dapodikJob($0) }
        let profile = TeacherProfile(
            status: status, employment: employment, jenis: jenis, isTeacher: isTeacher,
            tugas: f.withOptional("tugas_tambahan") { $0.map { shared.box($0) } },
            golongan: f.withOptional("pangkat_golongan") { $0.map { shared.golongan($0) } })
        if complete { key.insert(profile, into: &shared.teacherProfiles) }
        return profile
    }

    /// A `dapodik_sekolah` row.
    package func school(_ record: TableRecord) -> Result<School, RowReject> {
        var f = FieldReader(self, record: record)
        let shared = self.shared
        let npsn = f.npsn("npsn")
        let nama = f.required("nama")
        // The words a region's schools share read through their bytes (each a `String` kept once per file): looked
        // up as `String`s, hashed with SipHash, they were a sixth of reading the national school list.
        let bentuk = f.withRequired("bentuk_pendidikan") { shared.word($0, upperCased: true) }
        let statusText = f.required("status_sekolah")
        var negeri = false
        switch statusText.uppercased() {
        case "NEGERI", "N", "1": negeri = true
        case "SWASTA", "S", "2": negeri = false
        default: f.fail("status_sekolah tidak dikenal: \(statusText) (harus Negeri/Swasta)")
        }
        let kode = f.withRequired("kode_wilayah") { shared.word($0) }
        let kabupaten = f.withRequired("kabupaten_kota") { shared.word($0) }
        let provinsi = f.withRequired("provinsi") { shared.word($0) }
        guard f.problem == nil, let npsn else { return .failure(reject(record, f)) }
        return .success(
            School(
                npsn: npsn, nama: nama, bentuk: bentuk, isNegeri: negeri, kodeWilayah: kode, kabupatenKota: kabupaten,
                provinsi: provinsi, kecamatan: f.withOptional("kecamatan") { $0.map { shared.word($0) } },
                source: location(record), reading: { shared.government($0) }))
    }
}
