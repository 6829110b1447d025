/// Finds the rater of an SKP (`rules.md` §5): the principal of the teacher's Induk school, or the head of
/// the education office of the school's government for principals and acting principals.
public struct PenilaiResolver: Sendable {
    /// The SIASN employee who rates, and why.
    public struct Penilai: Sendable {
        public var employee: Int
        public var peran: String
    }

    enum PrincipalKind: CaseIterable {
        case definitive, byJenisPtk, acting
    }

    let context: JudgementContext
    /// NPSN → the ASN people with a row there, per principal kind.
    let principals: [NPSN: [PrincipalKind: Set<Int>]]
    /// Government key → the head of its education office (the first `[[penilai]]` of that government
    /// decides, found or not), worked out once rather than per SKP row.
    let heads: [String: Penilai?]

    public init(context: JudgementContext) {
        self.context = context
        var principals = [NPSN: [PrincipalKind: Set<Int>]]()
        for (p, person) in context.linkage.people.enumerated() {
            for r in person.rows {
                let row = context.batch.teachers[r]
                guard row.employment.isASN else { continue }
                if let kind = Self.kind(of: row) { principals[row.npsn, default: [:]][kind, default: []].insert(p) }
            }
        }
        self.principals = principals
        // SIASN people by NIP, only for the heads' NIPs (a handful): an index of every SIASN person, kept
        // for as long as the decisions, was tens of megabytes at national scale for these few lookups.
        var wanted = Set<UInt64>(), wantedText = Set<String>()
        for head in context.settings.heads {
            if case .valid(let nip) = NIP.read(head.nip, runDate: context.settings.runDate) { wanted.insert(nip.value) }
            let written = head.nip.trimmingSpaces
            if let digits = DigitText(written).eighteenDigits { wanted.insert(digits) }
            wantedText.insert(written)
        }
        var byNIP = [UInt64: Int](), byOther = [String: Int]()
        // By index, not `enumerated()`: that copies each record (a dozen reference counts) to read one field.
        let employees = context.batch.employees
        for i in employees.indices where !context.settings.heads.isEmpty {
            if let nip = employees[i].nipValue {
                if wanted.contains(nip), byNIP[nip] == nil { byNIP[nip] = i }
            } else if wantedText.contains(employees[i].nipBaru), byOther[employees[i].nipBaru] == nil {
                byOther[employees[i].nipBaru] = i
            }
        }
        var heads = [String: Penilai?]()
        for head in context.settings.heads {
            guard let key = Government(reading: head.instansi)?.key, heads[key] == nil else { continue }
            heads[key] = Self.resolve(head, siasnByNIP: byNIP, byOther: byOther, runDate: context.settings.runDate)
        }
        self.heads = heads
    }

    static func kind(of row: DapodikTeacher) -> PrincipalKind? {
        // Most rows: no tugas tambahan and a jenis PTK of `Guru …`; answered without building text (this
        // is asked for every ASN row and every SKP row's school mates).
        let tugasText = row.tugasTambahan ?? ""
        if tugasText.isEmpty, let first = row.jenisPtk.utf8.first, first == UInt8(ascii: "G") || first == UInt8(ascii: "g") {
            return nil
        }
        let tugas = Self.key(tugasText)
        if tugas == "KEPALA SEKOLAH" { return .definitive }
        if tugas == "PLT KEPALA SEKOLAH" { return .acting }
        if Self.key(row.jenisPtk) == "KEPALA SEKOLAH" { return .byJenisPtk }
        return nil
    }

    static func key(_ text: String) -> String {
        text.uppercased().split(whereSeparator: { $0 == " " || $0 == "." }).joined(separator: " ")
    }

    /// The penilai for a person's SKP in a role, or nil when it cannot be resolved.
    public func penilai(forPerson person: Int, role: SkpRole) -> Penilai? {
        let teachers = context.batch.teachers
        let npsn = teachers[context.linkage.people[person].induk].npsn
        guard let school = context.schoolIndex[npsn] else { return nil }
        let actingHere = context.linkage.people[person].rows.contains {
            teachers[$0].npsn == npsn && Self.kind(of: teachers[$0]) == .acting
        }
        if role != .guru || actingHere { return headOfOffice(for: context.batch.schools[school]) }
        // The principal: definitive by tugas tambahan, else by jenis PTK, else the acting one; no fallback
        // past a kind the school lists (two of a kind, or one not linked, leaves it unresolved).
        let kinds = principals[npsn] ?? [:]
        for kind in PrincipalKind.allCases {  // definitive, byJenisPtk, acting
            guard let found = kinds[kind], !found.isEmpty else { continue }
            guard found.count == 1, let p = found.first, let e = context.linkage.linkedEmployee(ofPerson: p) else {
                return nil
            }
            return Penilai(employee: e, peran: kind == .acting ? "PLT_KEPALA_SEKOLAH" : "KEPALA_SEKOLAH")
        }
        return nil
    }

    func headOfOffice(for school: School) -> Penilai? {
        guard let government = school.government, let head = heads[government.key] else { return nil }
        return head
    }

    /// A `[[penilai]]` head found in SIASN by NIP (read as a NIP, else as written).
    static func resolve(
        _ head: ReconciliationSettings.HeadOfOffice, siasnByNIP: [UInt64: Int], byOther: [String: Int], runDate: CalendarDate
    ) -> Penilai? {
        guard case .valid(let nip) = NIP.read(head.nip, runDate: runDate), let e = siasnByNIP[nip.value] else {
            let written = head.nip.trimmingSpaces
            let e = DigitText(written).eighteenDigits.flatMap { siasnByNIP[$0] } ?? byOther[written]
            return e.map { Penilai(employee: $0, peran: "KEPALA_DINAS") }
        }
        return Penilai(employee: e, peran: "KEPALA_DINAS")
    }
}
