import PadanCore
import PadanReaders
import PadanWriters

/// `summary.json` of a run (`outputs.md`), with its invariants kept by construction.
package enum RunSummary {
    package static let version = "0.1.0"

    package static func json(_ r: RunResult) -> JSONValue {
        var inputs = [(String, JSONValue)]()
        for kind in InputKind.allCases {
            guard let report = r.loaded.reports[kind] else { continue }
            let files = report.files.map { f -> JSONValue in
                .object([
                    ("path", .string(f.path)), ("sha256", .string(f.sha256)), ("rows", .int(f.rows)),
                    ("rejected", .int(f.rejected)),
                ])
            }
            inputs.append(
                (
                    kind.rawValue,
                    .object([
                        ("files", .array(files)), ("rows", .int(report.rows)), ("rejected", .int(report.rejected)),
                    ])
                ))
        }
        let links = r.context.linkage.links
        func count(_ m: LinkMethod) -> Int { r.context.linkage.count(m) }
        let assignments = r.context.unitMap.assignments
        // Each school's method read in place, all four counted in one pass (handed to a closure, each assignment
        // was copied, its candidates retained, four times over 155,000 schools nationally).
        var byMethod = [UnitMethod: Int]()
        assignments.withUnsafeBufferPointer { schools in
            for i in schools.indices { byMethod[schools[i].method, default: 0] += 1 }
        }
        func schools(_ m: UnitMethod) -> Int { byMethod[m] ?? 0 }
        let (codeCounts, priorityCounts) = r.disparityCounts
        let byCode = DisparityCode.allCases.map { ($0.rawValue, JSONValue.int(codeCounts[$0] ?? 0)) }
        let byPriority = (1...4).map { p in (String(p), JSONValue.int(priorityCounts[p] ?? 0)) }
        let skp = skpCounts(r)
        return .object([
            ("run_id", .string(r.runId)), ("pipeline", .string(r.pipeline.name)), ("padan_version", .string(version)),
            ("as_of", .string(r.asOf.description)),
            ("started_at", .string(r.startedAt)), ("finished_at", .string(r.finishedAt)),
            ("inputs", .object(inputs)),
            (
                "people",
                .object([
                    ("dapodik_asn", .int(links.count)), ("kemenag", .int(r.context.linkage.kemenagPeople)),
                    ("linked", .int(count(.nip))), ("suggested", .int(count(.suggested))),
                    ("ambiguous", .int(count(.ambiguous))),
                    ("unlinked", .int(count(.none))),
                    ("siasn_missing_in_dapodik", .int(r.context.linkage.missingFromDapodik.count)),
                ])
            ),
            (
                "schools",
                .object([
                    ("negeri", .int(assignments.count)), ("crosswalk", .int(schools(.crosswalk))),
                    ("name", .int(schools(.name))),
                    ("fuzzy", .int(schools(.fuzzy))), ("unmapped", .int(schools(.none))),
                ])
            ),
            (
                "disparities",
                .object([
                    ("open", .int(r.rows.count)), ("new", .int(r.newCount)),
                    ("persisting", .int(r.rows.count - r.newCount)),
                    ("resolved", .int(r.resolved.count)), ("by_code", .object(byCode)),
                    ("by_priority", .object(byPriority)),
                ])
            ),
            (
                "skp",
                .object([
                    ("rows", .int(skp.rows)), ("eligible", .int(skp.eligible)), ("delta", .int(r.deltaCount)),
                    ("blocked", .int(skp.blocked)), ("skipped", .int(skp.skipped)),
                ])
            ),
            ("warnings", .array(r.loaded.warnings.map(JSONValue.string))),
            (
                "stages",
                .array(
                    r.stages.map {
                        .object([
                            ("name", .string($0.name)), ("seconds", .double(($0.seconds * 1000).rounded() / 1000)),
                        ])
                    })
            ),
        ])
    }

    /// SKP counts: `rows` = eligible + blocked + skipped + rejected `pmm_skp` rows.
    package static func skpCounts(_ r: RunResult) -> (rows: Int, eligible: Int, blocked: Int, skipped: Int) {
        let (eligible, blocked, skipped) = r.skp.counts
        let rejected = r.loaded.reports[.pmmSkp]?.rejected ?? 0
        return (eligible + blocked + skipped + rejected, eligible, blocked, skipped)
    }
}
