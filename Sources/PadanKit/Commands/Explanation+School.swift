import PadanCore

/// Explains a school found by NPSN: its unit and how it was found (or why none), its open disparities,
/// and how many of its people stand where.
struct SchoolExplainer {
    let analysis: RunAnalysis
    let store: StoreView
    let asOf: CalendarDate

    var context: JudgementContext { analysis.context }

    func explain(_ npsn: NPSN) -> Explanation {
        var out = Explanation(
            title: ExplainText.title("sekolah NPSN \(npsn.text)", store: store, asOf: asOf), sections: [])
        guard let school = context.school(npsn) else {
            // An answer, not a failure; PTK rows naming the school are worth knowing (their school is missing).
            let rows = context.batch.teachers.reduce(0) { $0 + ($1.npsn == npsn ? 1 : 0) }
            var lines = ["NPSN \(npsn.text) tidak ada di data sekolah Dapodik (dapodik_sekolah) yang dibaca."]
            lines.append(
                rows == 0
                    ? "Tidak ada baris PTK Dapodik dengan NPSN ini; periksa penulisan NPSN-nya."
                    : "\(rows) baris PTK Dapodik menyebut NPSN ini: sekolahnya perlu ada di ekspor sekolah Dapodik.")
            out.sections.append(.init(title: "Tidak ada di data", lines: lines))
            return out
        }
        let upt = context.settings.upt(kodeWilayah: school.kodeWilayah, provinsi: school.provinsi)
        out.sections.append(
            .init(
                title: "Di Dapodik",
                lines: [
                    "\(school.nama) — \(school.bentuk), \(school.isNegeri ? "Negeri" : "Swasta")",
                    "\(school.kecamatan.map { $0 + ", " } ?? "")\(school.kabupatenKota), \(school.provinsi) (kode wilayah \(school.kodeWilayah))",
                    "UPT: \(upt.isEmpty ? "-" : upt) · baris \(school.source)",
                ]))
        out.unitMethod = context.unitMap.assignment(npsn)?.method
        out.sections.append(.init(title: "UNOR SIASN", lines: Self.unitLines(school, context: context)))
        out.sections.append(.init(title: "Orang", lines: peopleLines(npsn)))

        let here = analysis.disparities.filter { $0.npsn == npsn.text }
        let schoolWide = here.filter { $0.subject == .school }
        let people = here.filter { $0.subject != .school }
        out.codes = here.map(\.code.rawValue)
        var lines = schoolWide.flatMap { ExplainText.disparity($0, store: store, asOf: asOf) }
        if !people.isEmpty {
            var byCode = [DisparityCode: Int]()
            for d in people { byCode[d.code, default: 0] += 1 }
            lines.append(
                "Disparitas orang di sekolah ini: "
                    + byCode.sorted { $0.key < $1.key }
                    .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
            for d in people.prefix(30) {
                lines.append(
                    "  [\(d.code.rawValue)] \(d.nama) (NIP \(d.nip.isEmpty ? "-" : d.nip)) — \(store.age(of: d, asOf: asOf))"
                )
            }
            if people.count > 30 { lines.append("  … dan \(people.count - 30) lainnya (lihat disparities.csv)") }
        }
        out.sections.append(.init(title: "Disparitas terbuka", lines: lines.isEmpty ? ["Tidak ada."] : lines))
        return out
    }

    /// The unit of a school and how it was found, or why it has none, with the best candidates.
    static func unitLines(_ school: School, context: JudgementContext) -> [String] {
        guard school.isNegeri else { return ["Sekolah swasta: tidak dipadankan dengan UNOR SIASN."] }
        guard let a = context.unitMap.assignment(school.npsn) else { return ["Tidak dipadankan."] }
        let tree = context.tree
        func unitName(_ unit: Int) -> String { "\(tree.units[unit].nama) (\(tree.units[unit].id.text))" }
        var lines = ["Metode: \(ExplainText.unitMethod(a.method))"]
        switch a.method {
        case .crosswalk:
            let entry = context.batch.crosswalk.first { $0.npsn == school.npsn && $0.unorId == a.unitId }
            lines.append(
                "UNOR: \(a.unit.map(unitName) ?? (a.unitId?.text ?? "-"))"
                    + (a.unit == nil ? " — tidak ada di data UNOR SIASN" : ""))
            if let entry {
                lines.append("Baris pemadanan: \(entry.source)" + (entry.keterangan.map { " (\($0))" } ?? ""))
            }
        case .name:
            lines.append("UNOR: \(a.unit.map(unitName) ?? "-")")
        case .fuzzy:
            lines.append(
                "UNOR: \(a.unit.map(unitName) ?? "-"), skor \(a.score.map(ExplainText.score) ?? "-") "
                    + "(ambang \(ExplainText.score(context.settings.unorThreshold)), selisih minimal \(ExplainText.score(context.settings.unorMargin)))"
            )
        case .none:
            lines.append("Mengapa belum: " + reason(a, context: context))
        }
        let candidates = a.candidates.filter { $0.score > 0 }
        if !candidates.isEmpty {
            lines.append("Kandidat UNOR terbaik (skor nama):")
            for c in candidates {
                let rejected = context.rejectedPairs.contains(school.npsn, tree.units[c.unit].id)
                lines.append(
                    "  \(ExplainText.score(c.score))  \(unitName(c.unit))"
                        + (rejected ? " — ditolak BKD, tidak diusulkan lagi" : ""))
            }
        }
        return lines
    }

    static func reason(_ a: UnitAssignment, context: JudgementContext) -> String {
        let s = context.settings
        if context.unitMap.conflicts.contains(where: {
            if case .school(let n) = $0.side { return n == a.npsn } else { return false }
        }) {
            return "tabel pemadanan memasangkan sekolah ini dengan dua UNOR (PEMADANAN_GANDA); baris itu tidak dipakai"
        }
        if a.contested, let unit = a.suggestion {
            return
                "UNOR \(context.tree.units[unit].nama) juga cocok untuk sekolah lain, sehingga tidak diberikan ke keduanya"
        }
        guard let best = a.candidates.first else {
            return
                "tidak ada UNOR sekolah yang aktif, setingkat dan di pemerintah daerah yang sama yang namanya sebanding"
        }
        if !Threshold.reaches(best.score, s.unorThreshold) {
            return "skor terbaik \(ExplainText.score(best.score)) di bawah ambang \(ExplainText.score(s.unorThreshold))"
        }
        let second = a.candidates.count > 1 ? a.candidates[1].score : 0
        return
            "skor terbaik \(ExplainText.score(best.score)) hanya \(ExplainText.score(best.score - second)) di atas kandidat kedua "
            + "(perlu selisih \(ExplainText.score(s.unorMargin)))"
    }

    /// How many of the school's people (by Induk row) stand where.
    func peopleLines(_ npsn: NPSN) -> [String] {
        let linkage = context.linkage
        var total = 0, asn = 0, kemenag = 0
        var methods = [LinkMethod: Int]()
        for (p, person) in linkage.people.enumerated() where context.batch.teachers[person.induk].npsn == npsn {
            total += 1
            let row = context.batch.teachers[person.induk]
            if row.employment == .kemenag { kemenag += 1 }
            if let l = linkage.linkOfPerson[p] {
                asn += 1
                methods[linkage.links[l].method, default: 0] += 1
            }
        }
        let flow = PeopleFlow(context: context, disparities: analysis.disparities).people.filter { $0.npsn == npsn }
        let canFlow = flow.filter { $0.state == .canFlow }.count
        var siasn = 0
        if let unit = context.unitMap.assignment(npsn)?.unit {
            siasn =
                context.batch.employees.filter { e in
                    context.unit(of: e).map { context.tree.isUnit($0, atOrUnder: unit) } ?? false
                }.count
        }
        return [
            "PTK dengan sekolah induk ini di Dapodik: \(total) (ASN \(asn), PNS Depag \(kemenag), non-ASN \(total - asn - kemenag))",
            "ASN tertaut lewat NIP: \(methods[.nip] ?? 0) · disarankan: \(methods[.suggested] ?? 0) · "
                + "kandidat ganda: \(methods[.ambiguous] ?? 0) · tidak tertaut: \(methods[.none] ?? 0)",
            "Guru ASN yang SKP-nya dapat mengalir: \(canFlow) dari \(flow.count)",
            "Orang SIASN di UNOR sekolah ini (termasuk sub-unitnya): \(siasn)",
        ]
    }
}
