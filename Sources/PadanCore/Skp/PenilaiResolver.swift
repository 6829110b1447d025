/// Finds the rater of an SKP (`rules.md` §5): the principal of the teacher's Induk school, or the head of
/// the education office of the school's government for principals and acting principals.
public struct PenilaiResolver: Sendable {
    /// Who rates: a SIASN employee (a position in 32 bits) in a role.
    public struct Penilai: Sendable {
        private var storedEmployee: Int32
        public var role: Role

        public init(employee: Int, role: Role) {
            self.storedEmployee = Int32(employee)
            self.role = role
        }

        public var employee: Int { Int(storedEmployee) }
        /// `peran_penilai` of the payload.
        public var peran: String { role.rawValue }
    }

    /// `peran_penilai` (`skp-payload.schema.json`).
    public enum Role: String, Sendable {
        case kepalaSekolah = "KEPALA_SEKOLAH"
        case pltKepalaSekolah = "PLT_KEPALA_SEKOLAH"
        case kepalaDinas = "KEPALA_DINAS"
    }

    enum PrincipalKind: Int, CaseIterable {
        case definitive, byJenisPtk, acting
    }

    /// The kinds one row meets, as bits (no set is built per row).
    struct PrincipalKinds: OptionSet {
        let rawValue: UInt8
        static let definitive = PrincipalKinds(rawValue: 1 << PrincipalKind.definitive.rawValue)
        static let byJenisPtk = PrincipalKinds(rawValue: 1 << PrincipalKind.byJenisPtk.rawValue)
        static let acting = PrincipalKinds(rawValue: 1 << PrincipalKind.acting.rawValue)

        func contains(_ kind: PrincipalKind) -> Bool { rawValue & (1 << kind.rawValue) != 0 }
    }

    /// The ASN people with a principal's row at one school, per kind: the first one found and whether
    /// another person was (a dictionary of sets per school was 30 MB at national scale; only "exactly one,
    /// and who" is ever asked).
    struct Principals {
        /// Per kind (its raw value), the first person, or -1.
        private var first = SIMD3<Int32>(repeating: -1)
        /// Per kind, a bit set when a second person was found.
        private var several: UInt8 = 0

        mutating func add(_ person: Int, as kind: PrincipalKind) {
            let k = kind.rawValue
            if first[k] < 0 {
                first[k] = Int32(person)
            } else if Int(first[k]) != person {
                several |= 1 << k
            }
        }

        /// Nil when the school lists nobody of `kind`; else the one person, or nil inside when several.
        func person(_ kind: PrincipalKind) -> Int?? {
            let k = kind.rawValue
            guard first[k] >= 0 else { return nil }
            return several & (1 << k) != 0 ? .some(nil) : .some(Int(first[k]))
        }
    }

    private(set) var context: JudgementContext
    /// The ASN people with a principal's row at a school, by NPSN (``principalsAt``).
    let principals: [Principals]
    let principalsAt: NPSNIndex
    /// Government key → the head of its education office (the first `[[penilai]]` of that government
    /// decides, found or not), worked out once rather than per SKP row.
    let heads: [String: Penilai?]
    /// The `[[penilai]]` heads (of a government that decides) whom SIASN does not hold, in file order: the
    /// principals of their government cannot be rated (`PENILAI_TIDAK_DITEMUKAN`), which the run warns of.
    public let headsNotInSiasn: [ReconciliationSettings.HeadOfOffice]

    public init(context: JudgementContext) {
        self.context = context
        var principals = [Principals](), principalsAt = NPSNIndex()
        // Rows read in place (``InPlace``), not copied out: a dozen reference counts each, for every ASN row.
        context.batch.teachers.withUnsafeBufferPointer { teachers in
            for (p, person) in context.linkage.people.enumerated() {
                for r in person.rows {
                    let row = InPlace(teachers, r)
                    guard row.employment.isASN else { continue }
                    let kinds = Self.kinds(of: row)
                    guard !kinds.isEmpty else { continue }
                    // A row counts under every kind it meets (a `jenis_ptk` principal who is also `Plt.` is both).
                    let at = principalsAt.setIfAbsent(principals.count, for: row.npsn) ?? principals.count
                    if at == principals.count { principals.append(Principals()) }
                    for kind in PrincipalKind.allCases where kinds.contains(kind) { principals[at].add(p, as: kind) }
                }
            }
        }
        self.principals = principals
        self.principalsAt = principalsAt
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
        // Read in place (``InPlace``): through the array's subscript, each computed NIP copied the whole record
        // (a dozen reference counts, 1.7 million times nationally, on one core before the verdicts).
        context.batch.employees.withUnsafeBufferPointer { employees in
            for i in employees.indices where !context.settings.heads.isEmpty {
                let employee = InPlace(employees, i)
                if let nip = employee.nipValue {
                    if wanted.contains(nip), byNIP[nip] == nil { byNIP[nip] = i }
                } else {
                    let written = employee.nipBaru
                    if wantedText.contains(written), byOther[written] == nil { byOther[written] = i }
                }
            }
        }
        var heads = [String: Penilai?]()
        var missing = [ReconciliationSettings.HeadOfOffice]()
        for head in context.settings.heads {
            guard let key = Government(reading: head.instansi)?.key, heads[key] == nil else { continue }
            let found = Self.resolve(head, siasnByNIP: byNIP, byOther: byOther, runDate: context.settings.runDate)
            heads[key] = found
            if found == nil { missing.append(head) }
        }
        self.heads = heads
        self.headsNotInSiasn = missing
    }

    /// The principal kinds a row meets: `definitive` when its tugas tambahan is `Kepala Sekolah`, `byJenisPtk`
    /// when its jenis PTK is (whatever the tugas), `acting` when its tugas is `Plt. Kepala Sekolah`. Read in
    /// place without building text (asked for every ASN row and every SKP row's school mates).
    static func kinds(of row: InPlace<DapodikTeacher>) -> PrincipalKinds {
        let tugas = row.tugasTambahan ?? ""
        let jenis = row.jenisPtk
        // Most rows: no tugas tambahan and a jenis PTK of `Guru …`.
        if tugas.isEmpty, let first = jenis.utf8.first, first == UInt8(ascii: "G") || first == UInt8(ascii: "g") {
            return []
        }
        var kinds: PrincipalKinds = []
        if !tugas.isEmpty {
            if Self.reads(tugas, as: "KEPALA SEKOLAH") { kinds.insert(.definitive) }
            if Self.reads(tugas, as: "PLT KEPALA SEKOLAH") { kinds.insert(.acting) }
        }
        if Self.reads(jenis, as: "KEPALA SEKOLAH") { kinds.insert(.byJenisPtk) }
        return kinds
    }

    /// Whether `text` gives `words` as ``key(_:)`` reads it (upper-cased, split at spaces and dots, joined by
    /// one space), compared byte by byte for ASCII text: no key is built.
    static func reads(_ text: String, as words: StaticString) -> Bool {
        let target = UnsafeBufferPointer(start: words.utf8Start, count: words.utf8CodeUnitCount)
        var i = 0
        var started = false, separated = false
        for byte in text.utf8 {
            if byte >= 0x80 { return key(text) == words.description }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") {
                separated = started
                continue
            }
            if separated {
                guard i < target.count, target[i] == UInt8(ascii: " ") else { return false }
                i += 1
                separated = false
            }
            let upper = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte
            guard i < target.count, target[i] == upper else { return false }
            i += 1
            started = true
        }
        return i == target.count
    }

    /// The words of `text` as principals' tugas tambahan and jenis PTK are compared: upper-cased, split at spaces
    /// and dots, joined by one space. ``reads(_:as:)`` compares ASCII text with such words in place and asks
    /// here only for the rest.
    static func key(_ text: String) -> String {
        text.uppercased().split(whereSeparator: { $0 == " " || $0 == "." }).joined(separator: " ")
    }

    /// Lets go of the context's lookups (``JudgementContext/releaseLookups()``); nothing here uses them.
    mutating func releaseLookups() { context.releaseLookups() }

    /// The penilai for a person's SKP in a role, or nil when it cannot be resolved.
    public func penilai(forPerson person: Int, role: SkpRole) -> Penilai? {
        var recent: RecentSchool?
        return penilai(forPerson: person, role: role, recent: &recent)
    }

    /// What ``penilai(forPerson:role:)`` looks up of a school, kept for the next row: an export lists a school's
    /// rows together.
    struct RecentSchool {
        let npsn: NPSN
        let principals: Principals
        let government: Government?
    }

    /// ``penilai(forPerson:role:)``, the school's principals and government taken from `recent` when it is the
    /// same school, else looked up and kept there.
    func penilai(forPerson person: Int, role: SkpRole, recent: inout RecentSchool?) -> Penilai? {
        let npsn = context.batch.teachers[context.linkage.people[person].induk].npsn
        if recent?.npsn != npsn {
            recent = RecentSchool(
                npsn: npsn, principals: principalsAt[npsn].map { principals[$0] } ?? Principals(),
                government: context.schoolIndex[npsn].flatMap { context.batch.schools[$0].government })
        }
        let school = recent
        let actingHere = context.batch.teachers.withUnsafeBufferPointer { teachers in
            context.linkage.people[person].rows.contains { r in
                let row = InPlace(teachers, r)
                return row.npsn == npsn && Self.kinds(of: row).contains(.acting)
            }
        }
        if role != .guru || actingHere {
            // The government is the school's: a school `dapodik_sekolah` does not list has none known.
            return headOfOffice(of: school?.government)
        }
        // The principal Dapodik lists at the NPSN (whether or not the school list holds it): definitive by tugas
        // tambahan, else by jenis PTK, else the acting one; no fallback past a kind the school lists (two of a
        // kind, or one not linked, leaves it unresolved).
        let kinds = school?.principals ?? Principals()
        for kind in PrincipalKind.allCases {  // definitive, byJenisPtk, acting
            guard let found = kinds.person(kind) else { continue }
            guard let p = found, let e = context.linkage.linkedEmployee(ofPerson: p) else { return nil }
            return Penilai(employee: e, role: kind == .acting ? .pltKepalaSekolah : .kepalaSekolah)
        }
        return nil
    }

    func headOfOffice(of government: Government?) -> Penilai? {
        guard let government, let head = heads[government.key] else { return nil }
        return head
    }

    /// A `[[penilai]]` head found in SIASN by NIP (read as a NIP, else as written).
    static func resolve(
        _ head: ReconciliationSettings.HeadOfOffice, siasnByNIP: [UInt64: Int], byOther: [String: Int],
        runDate: CalendarDate
    ) -> Penilai? {
        guard case .valid(let nip) = NIP.read(head.nip, runDate: runDate), let e = siasnByNIP[nip.value] else {
            let written = head.nip.trimmingSpaces
            let e = DigitText(written).eighteenDigits.flatMap { siasnByNIP[$0] } ?? byOther[written]
            return e.map { Penilai(employee: $0, role: .kepalaDinas) }
        }
        return Penilai(employee: e, role: .kepalaDinas)
    }
}
