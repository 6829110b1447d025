import PadanCore

/// Explains a person found by NIP: in Dapodik, in SIASN, or both.
struct PersonExplainer {
    let analysis: RunAnalysis
    let store: StoreView
    let asOf: CalendarDate

    var context: JudgementContext { analysis.context }
    var batch: Batch { analysis.context.batch }
    var linkage: Linkage { analysis.context.linkage }

    func explain(query: String) -> Explanation {
        let people = linkage.people.indices.filter { p in
            linkage.people[p].rows.contains { r in
                let row = batch.teachers[r]
                return row.nip.nip?.digits == query || row.nipText.map(NIP.normalized) == query
            }
        }
        let employees = batch.employees.indices.filter { batch.employees[$0].nipBaru == query }
        var explanation = Explanation(title: ExplainText.title("NIP \(query)", store: store, asOf: asOf), sections: [])
        guard !people.isEmpty || !employees.isEmpty else {
            // An answer, not a failure: the NIP is in neither register (a PMM row may still name it).
            explanation.sections.append(
                .init(
                    title: "Tidak ada di data",
                    lines: [
                        "NIP \(query) tidak ada di data PTK Dapodik maupun data ASN SIASN yang dibaca.",
                        "Periksa penulisan NIP-nya; bila orang ini memang ASN di wilayah ini, datanya belum ada di "
                            + "ekspor Dapodik dan SIASN yang dipakai pipeline ini.",
                    ]))
            explanation.sections.append(skpSection(query))
            return explanation
        }
        if people.count > 1 {
            explanation.sections.append(
                .init(
                    title: "Perhatian", lines: ["\(people.count) orang berbeda di Dapodik memakai NIP ini (NIP_GANDA)."]
                ))
        }
        var shownEmployees = Set<Int>()
        for p in people {
            explain(person: p, into: &explanation, shownEmployees: &shownEmployees)
        }
        for e in employees where !shownEmployees.contains(e) {
            explain(siasnOnly: e, into: &explanation)
        }
        explanation.sections.append(skpSection(query))
        return explanation
    }

    /// The SKP decisions of the PMM rows with this NIP.
    func skpSection(_ query: String) -> Explanation.Section {
        let decisions = analysis.skp.records.indices.filter {
            let record = analysis.skp.records[$0]
            return record.nip.nip?.digits == query || NIP.normalized(record.nipText) == query
        }.map { analysis.skp.decision(at: $0) }
        let lines = decisions.map { ExplainText.decision($0, context: context) }
        return .init(
            title: "Keputusan SKP (pmm_skp)", lines: lines.isEmpty ? ["Tidak ada baris SKP dengan NIP ini."] : lines)
    }

    func explain(person p: Int, into out: inout Explanation, shownEmployees: inout Set<Int>) {
        let person = linkage.people[p]
        let row = context.indukRow(ofPerson: p)
        var lines = [
            "Nama: \(row.nama)", "ptk_id: \(row.ptkId ?? "-")",
            "Status kepegawaian: \(row.statusKepegawaian) · jenis PTK: \(row.jenisPtk)"
                + (row.tugasTambahan.map { " · tugas tambahan: \($0)" } ?? ""),
        ]
        for r in person.rows {
            let t = batch.teachers[r]
            let name = context.school(t.npsn)?.nama ?? "(tidak ada di data sekolah)"
            lines.append(
                "Baris \(t.source): NPSN \(t.npsn.text) \(name), \(t.isInduk ? "Induk" : "Non Induk")"
                    + (r == person.induk ? " ← sekolah induk yang dipakai" : ""))
        }
        out.sections.append(.init(title: "Di Dapodik", lines: lines))

        guard let l = linkage.linkOfPerson[p] else {
            let why =
                row.employment == .kemenag
                ? "PNS Depag: dihitung, tetapi tidak dipadankan dengan SIASN dan tidak diberi disparitas."
                : "Bukan ASN menurut Dapodik (\(row.statusKepegawaian)): tidak dipadankan dengan SIASN."
            out.sections.append(.init(title: "Pemadanan dengan SIASN", lines: [why]))
            return
        }
        let link = linkage.links[l]
        out.linkMethods.append(link.method)
        var linkLines = ["Metode: \(ExplainText.linkMethod(link.method))"]
        if let problem = link.nipProblem { linkLines.append("Masalah NIP: \(problem.rawValue) — \(problem.uraian)") }
        if let e = link.employee {
            shownEmployees.insert(e)
            let employee = batch.employees[e]
            let role = link.method == .nip ? "Tertaut ke" : "Kandidat yang disarankan"
            linkLines.append("\(role): PNS ID \(employee.pnsId.text), NIP SIASN \(employee.nipBaru), \(employee.nama)")
            linkLines.append(
                "  instansi: \(employee.instansiKerja) · UNOR: \(employee.unorNama ?? employee.unorId.text) · kedudukan: \(employee.kedudukan)"
            )
        }
        if link.method != .nip {
            linkLines += candidateLines(for: p, link: link)
        }
        out.sections.append(.init(title: "Pemadanan dengan SIASN", lines: linkLines))
        out.sections.append(.init(title: "Sekolah induk dan UNOR-nya", lines: schoolLines(row.npsn)))

        let key = person.key(in: context.batch.teachers)
        let own = analysis.disparities.filter { $0.subject == .ptk && $0.subjectKey == key }
        let schoolWide = analysis.disparities.filter { $0.subject == .school && $0.npsn == row.npsn.text }
        out.codes += (own + schoolWide).map(\.code.rawValue)
        var dLines = own.flatMap { ExplainText.disparity($0, store: store, asOf: asOf) }
        if !schoolWide.isEmpty {
            dLines.append("Disparitas sekolah induknya:")
            dLines += schoolWide.flatMap { ExplainText.disparity($0, store: store, asOf: asOf) }
        }
        out.sections.append(.init(title: "Disparitas terbuka", lines: dLines.isEmpty ? ["Tidak ada."] : dLines))

        let flow = PeopleFlow(context: context, disparities: analysis.disparities).people.first { $0.person == p }
        let verdict: String
        switch flow?.state {
        case .canFlow?:
            verdict =
                "SKP orang ini dapat mengalir ke e-Kinerja (tertaut lewat NIP, tanpa disparitas prioritas 1–3, sekolah sudah dipadankan)."
        case .swasta?: verdict = "Sekolah induknya swasta: SKP-nya tidak melalui PMM."
        case .blocked(let reasons)?:
            verdict =
                "SKP orang ini belum dapat mengalir, karena: "
                + reasons.map { "\($0) (\(BlockReasonText.of($0).uraian))" }.joined(separator: "; ") + "."
        case nil: verdict = "-"
        }
        out.sections.append(.init(title: "Kesimpulan", lines: [verdict]))
    }

    /// The SIASN people who could be this person, best name score first, with what agrees.
    func candidateLines(for p: Int, link: PersonLink) -> [String] {
        if link.nipProblem == .nipGanda {
            return ["Kandidat tidak dicari: NIP ganda harus diselesaikan manusia lebih dulu."]
        }
        let row = context.indukRow(ofPerson: p)
        let name = PersonName(row.nama)
        let scalars = Array(name.text.unicodeScalars)
        let linked = Set(linkage.links.compactMap { $0.method == .nip ? $0.employee : nil })
        let threshold = context.settings.nameThreshold
        var scored = [(e: Int, score: Double, rule: Bool, birth: Bool?, sex: Bool?)]()
        for (e, employee) in batch.employees.enumerated() where !linked.contains(e) {
            let other = PersonName(employee.nama)
            let score = JaroWinkler.similarity(scalars, Array(other.text.unicodeScalars))
            let birth = row.birthDate.flatMap { b in employee.birthDate.map { $0 == b } }
            let sex = row.gender.flatMap { g in employee.gender.map { $0 == g } }
            let rule = birth == true && sex == true && name.isSamePerson(as: other, threshold: threshold)
            guard rule || score >= 0.75 else { continue }
            scored.append((e, score, rule, birth, sex))
        }
        scored.sort { $0.rule != $1.rule ? $0.rule : $0.score > $1.score }
        guard !scored.isEmpty else {
            return ["Kandidat: tidak ada orang SIASN (yang belum tertaut) dengan nama mirip (Jaro-Winkler ≥ 0,75)."]
        }
        func agree(_ v: Bool?) -> String { v.map { $0 ? "sama" : "beda" } ?? "tidak diketahui" }
        var lines = [
            "Kandidat di SIASN (belum tertaut ke orang lain), kandidat sah lebih dulu lalu skor nama tertinggi:"
        ]
        for c in scored.prefix(5) {
            let employee = batch.employees[c.e]
            lines.append(
                "\(c.rule ? "✓" : "·") \(employee.nama) — NIP \(employee.nipBaru), PNS ID \(employee.pnsId.text); "
                    + "skor nama \(ExplainText.score(c.score)), tanggal lahir \(agree(c.birth)), jenis kelamin \(agree(c.sex))"
                    + (c.rule ? " → kandidat" : ""))
        }
        lines.append(
            "Kandidat sah: tanggal lahir dan jenis kelamin sama, dan nama orang yang sama "
                + "(sama setelah gelar dibuang, seluruh kata termuat, atau skor ≥ \(ExplainText.score(threshold))). "
                + "Kandidat hanya saran untuk diperiksa, bukan tautan.")
        return lines
    }

    /// The school's unit and how it was found, for a person's Induk school.
    func schoolLines(_ npsn: NPSN) -> [String] {
        guard let school = context.school(npsn) else {
            return ["NPSN \(npsn.text) tidak ada di data sekolah Dapodik."]
        }
        var lines = [
            "\(school.nama) (NPSN \(npsn.text)), \(school.isNegeri ? "Negeri" : "Swasta"), \(school.kabupatenKota)"
        ]
        lines += SchoolExplainer.unitLines(school, context: context)
        return lines
    }

    func explain(siasnOnly e: Int, into out: inout Explanation) {
        let employee = batch.employees[e]
        var lines = [
            "\(employee.nama) — PNS ID \(employee.pnsId.text)",
            "jabatan: \(employee.jabatan) · kedudukan: \(employee.kedudukan)",
            "instansi: \(employee.instansiKerja) · UNOR: \(employee.unorNama ?? employee.unorId.text)",
        ]
        if linkage.missingFromDapodik.contains(e) {
            lines.append("Tidak ada baris Dapodik ASN yang memakai NIP ini: ia tercatat ASN_TIDAK_ADA_DI_DAPODIK.")
        } else if let l = linkage.links.first(where: { $0.method == .suggested && $0.employee == e }) {
            let row = context.indukRow(ofPerson: l.person)
            lines.append(
                "Ia kandidat yang disarankan untuk baris Dapodik \(row.source) (\(row.nama)), yang NIP-nya bermasalah.")
        } else if employee.hasLeftService {
            lines.append("Kedudukannya \(employee.kedudukan): tidak diharapkan ada di Dapodik.")
        } else {
            lines.append(
                "Bukan guru menurut SIASN (jabatan tidak diawali Guru dan UNOR-nya bukan unit sekolah): tidak dicari di Dapodik."
            )
        }
        out.sections.append(.init(title: "Di SIASN saja", lines: lines))
        let own = analysis.disparities.filter { $0.subject == .asn && $0.pnsId == employee.pnsId.text }
        out.codes += own.map(\.code.rawValue)
        let dLines = own.flatMap { ExplainText.disparity($0, store: store, asOf: asOf) }
        out.sections.append(.init(title: "Disparitas terbuka (SIASN)", lines: dLines.isEmpty ? ["Tidak ada."] : dLines))
    }
}
