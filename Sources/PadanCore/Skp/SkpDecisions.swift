/// Every `pmm_skp` row's verdict, in input order, and what builds an eligible row's payload on demand.
public struct SkpDecisions: Sendable {
    /// The rows, as read.
    public let records: [SkpRecord]
    /// One per row.
    public let verdicts: [SkpVerdict]
    public private(set) var eligibility: SkpEligibility

    public init(records: [SkpRecord], verdicts: [SkpVerdict], eligibility: SkpEligibility) {
        precondition(records.count == verdicts.count, "one verdict per SKP row")
        self.records = records
        self.verdicts = verdicts
        self.eligibility = eligibility
    }

    /// Lets go of the lookups only verdicts need (``JudgementContext/releaseLookups()``); payloads can
    /// still be built.
    public mutating func releaseLookups() { eligibility.releaseLookups() }

    /// No rows.
    public static func none(context: JudgementContext) -> SkpDecisions {
        SkpDecisions(records: [], verdicts: [], eligibility: SkpEligibility(context: context, disparities: []))
    }

    /// The row's full decision, with the payload built when eligible.
    public func decision(at i: Int) -> SkpDecision {
        SkpDecision(record: records[i], outcome: outcome(at: i))
    }

    /// The row's outcome, with the payload built when eligible.
    public func outcome(at i: Int) -> SkpOutcome {
        switch verdicts[i] {
        case .skipped(let reason): return .skipped(reason: reason.rawValue)
        case .blocked(let reasons): return .blocked(reasons: reasons)
        case .eligible(let row):
            return .eligible(
                eligibility.payload(for: records[i], person: row.person, employee: row.employee, penilai: row.penilai))
        }
    }

    /// What is made of each penilai for payloads built one after another (their JSON), made once: a principal
    /// rates every teacher of their school, and a head of office every principal of their government.
    public struct Raters<Value> {
        /// Position in `values` by penilai employee and role (two bits). Keyed by plain integers: a dictionary
        /// of a generic entry had its type looked up in the runtime's cache at every payload line, twice.
        @usableFromInline var known: [Int: Int] = [:]
        @usableFromInline var values: [Value] = []
        public init() {}

        /// What was made of `penilai`, made by `make` the first time. Inlinable, so that the module using it
        /// makes it for its `Value`: unspecialized, its arrays' types were looked up in the runtime at every line.
        @inlinable
        public mutating func value(for penilai: PenilaiResolver.Penilai, _ make: () -> Value) -> Value {
            let key = Self.key(penilai)
            if let at = known[key] { return values[at] }
            let value = make()
            known[key] = values.count
            values.append(value)
            return value
        }

        /// The penilai's employee and role (two bits) as one integer.
        @usableFromInline
        static func key(_ penilai: PenilaiResolver.Penilai) -> Int {
            let role: Int
            switch penilai.role {
            case .kepalaSekolah: role = 0
            case .pltKepalaSekolah: role = 1
            case .kepalaDinas: role = 2
            }
            return penilai.employee << 2 | role
        }
    }

    /// The payload of row `i`, when eligible, with `penilai` as its penilai (``rater(of:)`` of the row's, or a
    /// stand-in where the penilai is written from its JSON made once: copied into each payload, the penilai's
    /// texts were retained and released for every line).
    public func payload(at i: Int, penilai: PayloadPerson) -> SkpPayload? {
        guard case .eligible(let row) = verdicts[i] else { return nil }
        // Through the buffer: each field read through the array's subscript copied the whole row first.
        return records.withUnsafeBufferPointer { buffer in
            eligibility.payload(forRow: i, of: buffer, person: row.person, employee: row.employee, rater: penilai)
        }
    }

    /// A penilai as payloads show them.
    public func rater(of penilai: PenilaiResolver.Penilai) -> PayloadPerson { eligibility.rater(penilai) }

    /// How many rows are eligible, blocked, skipped.
    public var counts: (eligible: Int, blocked: Int, skipped: Int) {
        var eligible = 0, blocked = 0, skipped = 0
        // Read in place: `for verdict in` copied each verdict (a blocked row's reasons retained and released), 1.6
        // million nationally, three times in the run's last serial step (the summary twice, the store's row).
        verdicts.withUnsafeBufferPointer { verdicts in
            for i in verdicts.indices {
                switch verdicts[i] {
                case .eligible: eligible += 1
                case .blocked: blocked += 1
                case .skipped: skipped += 1
                }
            }
        }
        return (eligible, blocked, skipped)
    }
}
