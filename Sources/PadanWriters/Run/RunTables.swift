import PadanCore

/// The rows of the machine-read CSVs built from a judged run (`outputs.md`).
package enum RunTables {
    package static let linksHeader = ["ptk_id", "nip", "nama", "npsn", "method", "pns_id", "nip_siasn", "candidates"]
    package static let unorMapHeader = [
        "npsn", "nama_sekolah", "kabupaten_kota", "unor_id", "nama_unor", "method", "score",
    ]
    package static let rejectsHeader = ["input", "file", "line", "reason", "raw"]
    package static let blockedHeader = ["nip", "npsn", "periode", "peran", "reasons", "source"]
    package static let skippedHeader = ["nip", "npsn", "periode", "peran", "reason", "source"]
    package static let proposalsHeader = [
        "npsn", "nama_sekolah", "kabupaten_kota", "unor_id", "nama_unor", "skor", "alasan", "keputusan",
    ]

    /// One row per Dapodik ASN person, in person order.
    package static func links(_ context: JudgementContext) -> [[String]] {
        context.linkage.links.map { link(context, $0) }
    }

    /// The `links.csv` row of one link, as texts.
    package static func link(_ context: JudgementContext, _ link: PersonLink) -> [String] {
        var row = CSVTextRow()
        Self.link(context, link, into: &row)
        return row.cells
    }

    /// The `links.csv` row of one link, into `cells` (the writer streams them as bytes: 1.6 million nationally).
    package static func link(_ context: JudgementContext, _ link: PersonLink, into cells: inout some CSVCells) {
        // Fields read in place (``InPlace``): through the arrays' subscripts, each computed field copied the
        // whole row or employee.
        let induk = context.linkage.people[link.person].induk
        let shown = link.method == .nip || link.method == .suggested
        let position = shown ? link.employee : nil
        context.batch.teachers.withUnsafeBufferPointer { teachers in
            context.batch.employees.withUnsafeBufferPointer { employees in
                let row = InPlace(teachers, induk)
                let employee = position.map { InPlace(employees, $0) }
                cells.id(row.ptkIdentifier)
                if let nip = row.nip.nip {
                    cells.digits(.digits(nip.value, count: 18))
                } else {
                    cells.text(row.nip.shown)
                }
                cells.text(row.nama)
                cells.digits(row.npsn.digits)
                cells.text(link.method.rawValue)
                cells.id(employee?.pnsId)
                cells.digits(employee?.writtenNIPBaru)
                cells.digits(.count(link.candidates))
            }
        }
    }

    /// One row per Negeri school, in NPSN order, made as they are written (held whole, a national run's 155,000
    /// rows were 20 MB more at the write stage, where a run's memory peaks).
    package static func unorMap(_ context: JudgementContext) -> some Sequence<[String]> {
        context.unitMap.assignments.lazy.map { a in
            let school = context.school(a.npsn)
            let unitName = a.unit.map { context.tree.units[$0].nama } ?? ""
            return [
                a.npsn.text, school?.nama ?? "", school?.kabupatenKota ?? "", a.unitId?.text ?? "", unitName,
                a.method.rawValue, a.score.map(formatScore) ?? "",
            ]
        }
    }

    /// `skp/blocked.csv` and `skp/skipped.csv` rows, in input order.
    package static func skp(_ decisions: [SkpDecision]) -> (blocked: [[String]], skipped: [[String]]) {
        var blocked = [[String]](), skipped = [[String]]()
        for d in decisions {
            switch d.outcome {
            case .blocked(let reasons): blocked.append(blockedRow(d.record, reasons))
            case .skipped(let reason): skipped.append(skippedRow(d.record, reason))
            case .eligible: break
            }
        }
        return (blocked, skipped)
    }

    /// `skp/blocked.csv` rows of a run's verdicts, in input order, made as they are written (held whole,
    /// a national run's were over 100 MB at the write stage's peak).
    package static func blockedRows(records: [SkpRecord], verdicts: [SkpVerdict]) -> some Sequence<[String]> {
        // By position: zipping the records copied every one of them (1.6 million nationally), not only
        // the rows written.
        verdicts.indices.lazy.compactMap { i in
            if case .blocked(let reasons) = verdicts[i] { blockedRow(records[i], reasons) } else { nil }
        }
    }

    /// `skp/skipped.csv` rows of a run's verdicts, in input order, made as they are written.
    package static func skippedRows(records: [SkpRecord], verdicts: [SkpVerdict]) -> some Sequence<[String]> {
        verdicts.indices.lazy.compactMap { i in
            if case .skipped(let reason) = verdicts[i] { skippedRow(records[i], reason.rawValue) } else { nil }
        }
    }

    static func blockedRow(_ r: SkpRecord, _ reasons: [String]) -> [String] {
        [
            r.nip.shown, r.npsn.text, r.periode.description, r.peran.rawValue, reasons.joined(separator: ";"),
            r.source.description,
        ]
    }

    static func skippedRow(_ r: SkpRecord, _ reason: String) -> [String] {
        [r.nip.shown, r.npsn.text, r.periode.description, r.peran.rawValue, reason, r.source.description]
    }

    /// A score with two decimals (`0.87`).
    package static func formatScore(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
