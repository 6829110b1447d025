import PadanCore

extension RecordDecoder {
    /// A `pmm_skp` row; a `predikat`, `periode`, `peran` or `perilaku_fokus` outside the allowed values rejects it.
    /// An unrecognised `tahap` is read as an empty one, by `predikat` (a file warning).
    package func skp(_ record: TableRecord) -> Result<SkpRecord, RowReject> {
        var f = FieldReader(self, record: record)
        let shared = self.shared, runDate = self.runDate
        let (nipText, nip) = f.withRequired("nip") { (DigitText(bytes: $0), NIP.read(bytes: $0, runDate: runDate)) }
        let npsn = f.npsn("npsn")
        // An empty value is the required-column problem, already noted.
        let periode = f.withRequired("periode") { $0.isEmpty ? nil : shared.periode($0) }
        if periode == nil, let text = f.optional("periode") { f.fail("periode tidak dikenal: \(text)") }
        let peran = f.withRequired("peran") { $0.isEmpty ? nil : shared.role($0) }
        if peran == nil, let text = f.optional("peran") { f.fail("peran tidak dikenal: \(text)") }
        var predikat: String?
        if let read = f.withOptional("predikat", { $0.map { shared.predikat($0) } }) {
            predikat = read
            if read == nil { f.fail("predikat tidak dikenal: \(f.optional("predikat") ?? "")") }
        }
        var fokus = [String]()
        var fokusRead = true
        if let known = f.withOptional("perilaku_fokus", { $0.map { shared.behaviours($0) } }) {
            if let known {
                fokus = known
            } else if var text = f.optional("perilaku_fokus") {
                for item in text.split(separator: ";") {
                    let trimmed = item.trimmingSpaces
                    if trimmed.isEmpty { continue }
                    if let canonical = PerilakuFokus.canonical(trimmed) {
                        if !fokus.contains(canonical) { fokus.append(canonical) }
                    } else {
                        fokusRead = false
                        f.fail("perilaku_fokus tidak dikenal: \(trimmed)")
                    }
                }
                if fokusRead { text.withUTF8 { shared.remember(behaviours: fokus, for: $0) } }
            }
        }
        var tahap: SkpStage = predikat == nil ? .perencanaan : .penilaian
        var unknownTahap: String?
        if let read = f.withOptional("tahap", { $0.map { shared.stage($0) } }) {
            if let stage = read { tahap = stage } else { unknownTahap = f.optional("tahap") }
        }
        guard f.problem == nil, let npsn, let periode, let peran else { return .failure(reject(record, f)) }
        if let unknownTahap { noteDefaulted(.tahap, unknownTahap) }
        return .success(
            SkpRecord(
                nipText: nipText, nip: nip, npsn: npsn, periode: periode, peran: peran,
                indikatorKinerja: f.withOptional("indikator_kinerja") { $0.map { shared.box($0) } },
                perilakuFokus: fokus,
                predikat: predikat, nipPenilaiText: f.digits("nip_penilai"), tahap: tahap,
                source: location(record)))
    }
}
