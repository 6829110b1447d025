/// Builds `truth.json` (format `padan-eval-truth/1`, the format `conformance/score.py` reads) by
/// applying `rules.md` to the rows exactly as they were written, then adding what the plan knows:
/// notes, cases that must not be flagged, escaping and encoding cases, UPTs.
struct TruthBuilder {
    let plan: RegionPlan
    let records: WrittenRecords
    let files: [WrittenFile]
    let options: SampleRegion.Options
    /// Problems found while building (planted cases that did not come out as planted, cases too
    /// near a threshold); empty for a sound region.
    var problems: [String] = []
    var codeCounts: [String: Int] = [:]
    var skpCounts: [String: Int] = [:]

    init(plan: RegionPlan, records: WrittenRecords, files: [WrittenFile], options: SampleRegion.Options) {
        self.plan = plan
        self.records = records
        self.files = files
        self.options = options
    }

    /// The truth document.
    mutating func build() -> JSONValue {
        let sitting = Set(records.pns.compactMap { ValueReading.clean($0.row.unorID)?.lowercased() })
        let schools = SchoolJudge(records: records, sittingUnits: sitting)
        var people = PeopleJudge(records: records)
        people.judge(schools: schools)
        var kadis: [String: String] = [:]
        for (index, government) in plan.governments.enumerated() {
            kadis[ValueReading.government(instansi: government.rootName)] = plan.offices[index].kadisNIP
        }
        let skp = SkpJudge(people: people, schools: schools, active: SkpFactory.activePeriod, kadis: kadis)
        let outcomes = records.skp.map(skp.judge)
        var findings = people.findings + schoolFindings(schools)
        findings.sort {
            (PeopleJudgeCatalogue.order.firstIndex(of: $0.code) ?? 99)
                < (PeopleJudgeCatalogue.order.firstIndex(of: $1.code) ?? 99)
        }
        for finding in findings { codeCounts[finding.code, default: 0] += 1 }
        check(schools: schools, people: people)
        let negatives = self.negatives(findings: findings, schools: schools, people: people)
        var skpEntries: [JSONValue] = []
        for outcome in outcomes { skpEntries.append(skpEntry(outcome)) }
        return .object([
            ("format", .string("padan-eval-truth/1")),
            (
                "generator",
                .object([
                    ("profile", .string("padan-sample")), ("seed", .int(Int(truncatingIfNeeded: options.seed))),
                    ("teachers", .int(options.teachers)),
                    ("region", .strings(plan.regionIndices.map { plan.catalogRegions[$0].name })),
                ])
            ),
            ("pipeline", .string("pipeline.toml")),
            ("periode_aktif", .string(SkpFactory.activePeriod)),
            ("inputs", inputs(people: people, outcomes: outcomes)),
            ("disparities", .array(findings.map(disparity))),
            ("dont_care", .array([])),
            ("negatives", .array(negatives)),
            ("links", links(people)),
            ("links_dont_care", .array([])),
            ("unor_map", unorMap(schools)),
            ("skp", .array(skpEntries)),
            ("people", .object([("kemenag", .int(people.persons.filter(\.isDepag).count))])),
            ("csv_injection", .array(plan.annotations.csvInjection.map { planted($0) })),
            ("html_injection", .array(plan.annotations.htmlInjection.map { planted($0, markup: true) })),
            ("encoding", .array(plan.annotations.encoding.map { planted($0) })),
            (
                "upt",
                .array(
                    UPTEntry.table(for: plan).map { upt in
                        .object([
                            ("nama", .string(upt.name)), ("slug", .string(upt.slug)),
                            ("wilayah", .strings(upt.prefixes)),
                        ])
                    })
            ),
            (
                "schools",
                .object(
                    schools.schools.map { school in
                        (
                            school.npsn,
                            .object([
                                ("kode_wilayah", .string(school.code)), ("negeri", .bool(school.negeri)),
                                ("kabupaten_kota", .string(school.kabupaten)),
                            ])
                        )
                    })
            ),
        ])
    }

    /// `NPSN_BELUM_PADAN` for unmatched Negeri schools, `PEMADANAN_GANDA` for crosswalk conflicts.
    private func schoolFindings(_ schools: SchoolJudge) -> [PeopleJudge.Finding] {
        var findings: [PeopleJudge.Finding] = []
        for school in schools.schools where school.negeri && schools.unitOfSchool[school.npsn] == nil {
            var finding = PeopleJudge.Finding(
                code: "NPSN_BELUM_PADAN", subject: "SEKOLAH", keys: [["npsn", school.npsn]],
                npsn: school.npsn, noteKey: "npsn:" + school.npsn)
            if let unit = schools.suggestion[school.npsn] { finding.anyOf = [unit] }
            finding.noneOf = (plan.annotations.suggestionNoneOf[school.npsn] ?? []).map { $0.lowercased() }
            findings.append(finding)
        }
        for npsn in schools.doubledNPSNs {
            findings.append(
                PeopleJudge.Finding(
                    code: "PEMADANAN_GANDA", subject: "SEKOLAH", keys: [["npsn", npsn]],
                    npsn: npsn, noteKey: "npsn:" + npsn))
        }
        for unit in schools.doubledUnits {
            findings.append(
                PeopleJudge.Finding(
                    code: "PEMADANAN_GANDA", subject: "UNOR", keys: [["unor_id", unit]],
                    npsn: nil, noteKey: "unor:" + unit))
        }
        return findings
    }

    private func disparity(_ finding: PeopleJudge.Finding) -> JSONValue {
        var suggestion = JSONValue.null
        if !finding.anyOf.isEmpty {
            suggestion = .object([("any_of", .strings(finding.anyOf))])
        } else if !finding.noneOf.isEmpty {
            suggestion = .object([("none_of", .strings(finding.noneOf))])
        }
        var context = JSONValue.null
        if let npsn = finding.npsn { context = .object([("npsn", .string(npsn)), ("nip", .string(finding.nip))]) }
        return .object([
            ("code", .string(finding.code)), ("subject", .string(finding.subject)),
            ("keys", .array(finding.keys.map(JSONValue.strings))), ("suggestion", suggestion),
            ("note", .string(plan.annotations.note(for: finding.noteKey, code: finding.code))), ("context", context),
        ])
    }

    private func planted(_ name: PlantedName, markup: Bool = false) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("ptk_id", .string(name.ptkID.lowercased())), ("nip", .string(name.nip)), ("nama", .string(name.nama)),
        ]
        if markup { pairs.append(("markup", .string(name.markup))) }
        return .object(pairs)
    }
}
