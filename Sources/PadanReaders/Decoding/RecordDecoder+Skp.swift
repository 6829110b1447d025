import PadanCore

extension RecordDecoder {
    /// A `pmm_skp` row; a `predikat`, `periode`, `peran` or `perilaku_fokus` outside the allowed values rejects it.
    package func skp(_ record: TableRecord) -> Result<SkpRecord, RowReject> {
        var f = FieldReader(columns: columns, record: record)
        let nipText = f.required("nip")
        let npsn = f.npsn("npsn")
        let periodeText = f.required("periode")
        let periode = shared.periode(periodeText)
        if periode == nil, !periodeText.isEmpty { f.fail("periode tidak dikenal: \(periodeText)") }
        let peranText = f.required("peran")
        let peran = shared.role(peranText)
        if peran == nil, !peranText.isEmpty { f.fail("peran tidak dikenal: \(peranText)") }
        var predikat: String?
        if let text = f.optional("predikat") {
            predikat = Predikat.canonical(text)
            if predikat == nil { f.fail("predikat tidak dikenal: \(text)") }
        }
        var fokus = [String]()
        let fokusText = f.optional("perilaku_fokus")
        if let text = fokusText, let known = shared.behaviours(text) {
            fokus = known
        } else if let text = fokusText {
            for item in text.split(separator: ";") {
                let trimmed = item.trimmingSpaces
                if trimmed.isEmpty { continue }
                if let canonical = PerilakuFokus.canonical(trimmed) {
                    if !fokus.contains(canonical) { fokus.append(canonical) }
                } else {
                    f.fail("perilaku_fokus tidak dikenal: \(trimmed)")
                }
            }
        }
        var tahap: SkpStage = predikat == nil ? .perencanaan : .penilaian
        if let text = f.optional("tahap") {
            if let stage = SkpStage(rawValue: text.uppercased()) { tahap = stage } else { f.fail("tahap tidak dikenal: \(text)") }
        }
        guard f.problem == nil, let npsn, let periode, let peran else { return .failure(reject(record, f)) }
        if let text = fokusText, shared.behaviours(text) == nil { shared.remember(behaviours: fokus, for: text) }
        return .success(
            SkpRecord(
                nipText: DigitText(nipText), nip: NIP.read(nipText, runDate: runDate), npsn: npsn, periode: periode,
                peran: peran, indikatorKinerja: shared.texts.box(f.optional("indikator_kinerja")), perilakuFokus: fokus,
                predikat: predikat, nipPenilaiText: f.optional("nip_penilai").map(DigitText.init), tahap: tahap,
                source: location(record)))
    }
}
