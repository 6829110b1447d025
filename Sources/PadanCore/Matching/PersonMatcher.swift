/// Matches Dapodik ASN people to SIASN employees (`rules.md` §2).
///
/// Exact NIP links only; for the unlinked, candidates with the same birth date, sex and person's name are
/// counted and a single one is suggested, never linked. SIASN teachers nobody in Dapodik carries are
/// missing from Dapodik.
public struct PersonMatcher: Sendable {
    public var nameThreshold: Double
    public var runDate: CalendarDate

    public init(nameThreshold: Double, runDate: CalendarDate) {
        self.nameThreshold = nameThreshold
        self.runDate = runDate
    }

    /// Steps 1 and 4: people grouped, exact NIP links, doubled NIPs, every other NIP problem.
    ///
    /// A valid NIP is doubled when Dapodik people of different identities carry it, whatever their status,
    /// or when two SIASN people hold it: none of them is linked (`NIP_GANDA`, a human says which is right).
    public func linkExactly(batch: Batch) -> Linkage {
        let teachers = batch.teachers
        let people = Self.group(teachers)

        // NIPs carried by every row, with the people carrying them.
        // Sized up front: grown by doubling, a table of millions is rehashed again and again.
        var anyByNIP = NIPIndex(minimumCapacity: people.count)
        var byInvalidNIP = [String: [Int]]()
        var kemenag = 0
        // Rows and people read by index and field, never copied out (a row copy is a dozen reference counts);
        // the NIPs of one person gathered in one array reused for all (one person's array each was 2.9 million
        // allocations nationally, on the core that matches people).
        var nips = [UInt64]()
        // In batches whose NIPs are first loaded from the table all at once (``Lookahead``), here and below: the
        // tables of millions of NIPs missed the cache at nearly every lookup, one after another (matching people,
        // national, one core: 1.02 → 0.74 s, grouping included).
        var ahead = Lookahead()
        for batch in Lookahead.batches(people.indices) {
            ahead.keys.removeAll(keepingCapacity: true)
            for p in batch { if let nip = teachers[people[p].rows[0]].nip.nip { ahead.keys.append(nip.value) } }
            ahead.prefetch(in: anyByNIP)
            for p in batch {
                let employment = teachers[people[p].induk].employment
                if employment == .kemenag { kemenag += 1 }
                nips.removeAll(keepingCapacity: true)
                for row in people[p].rows {
                    switch teachers[row].nip {
                    case .valid(let nip):
                        if !nips.contains(nip.value) { nips.append(nip.value) }
                    case .invalid:
                        // Rare: the text without separators, so that an SKP row holding it finds the person.
                        guard let text = teachers[row].nipText else { break }
                        let key = NIP.normalized(text)
                        if !key.isEmpty, byInvalidNIP[key]?.last != p { byInvalidNIP[key, default: []].append(p) }
                    case .empty, .corrupted:
                        break
                    }
                }
                for nip in nips { anyByNIP.append(p, for: nip) }
            }
        }

        // SIASN holds 18 digits: as numbers, the same lookups without a string per person. A NIP two SIASN
        // people hold (rare) is flagged in ``NIPIndex``'s table, so one lookup per person tells it.
        var siasnByNIP = NIPIndex(minimumCapacity: batch.employees.count)
        // By index, not `enumerated()`: that copies each record (a dozen reference counts) to read one field.
        for range in Lookahead.batches(batch.employees.indices) {
            ahead.keys.removeAll(keepingCapacity: true)
            for i in range { if let nip = batch.employees[i].nipValue { ahead.keys.append(nip) } }
            ahead.prefetch(in: siasnByNIP)
            for i in range {
                if let nip = batch.employees[i].nipValue { siasnByNIP.append(i, for: nip) }
            }
        }

        var links = [PersonLink]()
        var linkOfPerson = LinkPositions(people: people.count)
        var doubledNonASN = [Int]()
        var siasnOfDoubled = [UInt64: [Int]]()
        func doubled(_ nip: UInt64) {
            if siasnOfDoubled[nip] == nil { siasnOfDoubled[nip] = siasnByNIP[nip] ?? [] }
        }
        for batch in Lookahead.batches(people.indices) {
            ahead.keys.removeAll(keepingCapacity: true)
            for p in batch { if let nip = teachers[people[p].induk].nip.nip { ahead.keys.append(nip.value) } }
            ahead.prefetch(in: anyByNIP)
            ahead.prefetch(in: siasnByNIP)
            for p in batch {
                let induk = people[p].induk
                let employment = teachers[induk].employment
                guard employment.isASN else {
                    // Each Dapodik person involved in a doubled NIP is told (rules §4), PNS Depag aside (inputs.md).
                    if employment == .nonASN, let nip = teachers[induk].nip.nip, anyByNIP.count(nip.value) > 1 {
                        doubledNonASN.append(p)
                        doubled(nip.value)
                    }
                    continue
                }
                var link = PersonLink(person: p, method: .none, employee: nil, candidates: 0, nipProblem: nil)
                switch teachers[induk].nip {
                case .empty: link.nipProblem = .nipKosong
                case .corrupted: link.nipProblem = .nipRusak
                case .invalid: link.nipProblem = .nipTidakValid
                case .valid(let nip):
                    if anyByNIP.count(nip.value) > 1 || siasnByNIP.count(nip.value) > 1 {
                        link.nipProblem = .nipGanda
                        doubled(nip.value)
                    } else if let employee = siasnByNIP.first(nip.value) {
                        link.method = .nip
                        link.employee = employee
                    } else {
                        link.nipProblem = .nipTidakDitemukan
                    }
                }
                linkOfPerson[p] = links.count
                links.append(link)
            }
        }

        var linkage = Linkage(
            people: people, links: links, linkOfPerson: linkOfPerson, missingFromDapodik: [],
            kemenagPeople: kemenag, anyPersonByNIP: anyByNIP)
        linkage.peopleByInvalidNIP = byInvalidNIP
        linkage.doubledNonASN = doubledNonASN
        linkage.siasnOfDoubledNIP = siasnOfDoubled
        return linkage
    }

    /// Step 2: candidates for the unlinked (not for doubled NIPs): SIASN people not linked in step 1 with
    /// the same birth date and sex and the same person's name. One is suggested; several are counted.
    /// `spread` runs the search of ranges of links (each range normalizes its SIASN names once).
    public func searchCandidates(batch: Batch, linkage: inout Linkage, spread: Spread = .serial) {
        let pool = candidatePool(batch: batch, linkage: linkage)
        let known = linkage
        let found = spread.map(linkage.links.count) { range in
            candidates(range, pool: pool, batch: batch, linkage: known)
        }
        for (l, people) in found.joined() {
            linkage.links[l].candidates = people.count
            if people.count == 1 {
                linkage.links[l].method = .suggested
                linkage.links[l].employee = people[0]
            } else if people.count > 1 {
                linkage.links[l].method = .ambiguous
            }
        }
    }

    /// The SIASN people not linked by NIP, by birth date and sex: where the candidates of a person are sought.
    private func candidatePool(batch: Batch, linkage: Linkage) -> [CandidateKey: [Int]] {
        // A flag per employee: a set of the 1.6 million linked ones was a fifth of the stage nationally.
        var isLinked = [Bool](repeating: false, count: batch.employees.count)
        for link in linkage.links where link.method == .nip { if let e = link.employee { isLinked[e] = true } }
        var pool = [CandidateKey: [Int]]()
        for i in batch.employees.indices where !isLinked[i] {
            guard let birth = batch.employees[i].birthDate, let gender = batch.employees[i].gender else { continue }
            pool[CandidateKey(birthDate: birth, gender: gender), default: []].append(i)
        }
        return pool
    }

    /// The candidates found for the links at `range` that need them, (link, SIASN people) in link order.
    private func candidates(
        _ range: Range<Int>, pool: [CandidateKey: [Int]], batch: Batch, linkage: Linkage
    ) -> [(link: Int, found: [Int])] {
        var out = [(link: Int, found: [Int])]()
        // Each SIASN name is normalized at most once, however many Dapodik rows share its block.
        var names = [Int: PersonName]()
        for l in range where linkage.links[l].method != .nip && linkage.links[l].nipProblem != .nipGanda {
            let row = batch.teachers[linkage.people[linkage.links[l].person].induk]
            guard let birth = row.birthDate, let gender = row.gender,
                let block = pool[CandidateKey(birthDate: birth, gender: gender)]
            else { continue }
            let name = PersonName(row.nama)
            let found = block.filter { e in
                let other: PersonName
                if let known = names[e] {
                    other = known
                } else {
                    other = PersonName(batch.employees[e].nama)
                    names[e] = other
                }
                return name.isSamePerson(as: other, threshold: nameThreshold)
            }
            out.append((l, found))
        }
        return out
    }

    /// Step 3: SIASN teachers nobody in Dapodik carries, who are not a single suggested candidate and have
    /// not left service. `spread` runs the search of ranges of SIASN people.
    /// - Parameter isInSchoolUnit: whether a SIASN unit (`unor_id`) is a school's unit or below one.
    public func findMissing(
        batch: Batch, linkage: inout Linkage, spread: Spread = .serial,
        isInSchoolUnit: @escaping @Sendable (SiasnID) -> Bool
    ) {
        let suggested = Set(linkage.links.compactMap { $0.method == .suggested ? $0.employee : nil })
        let known = linkage
        linkage.missingFromDapodik = spread.map(batch.employees.count) { range in
            Self.missing(range, of: batch, linkage: known, suggested: suggested, isInSchoolUnit: isInSchoolUnit)
        }.flatMap { $0 }
    }

    /// The SIASN people of `range` missing from Dapodik (`suggested`: each Dapodik row's single suggested
    /// candidate), in order.
    private static func missing(
        _ range: Range<Int>, of batch: Batch, linkage: Linkage, suggested: Set<Int>, isInSchoolUnit: (SiasnID) -> Bool
    ) -> [Int] {
        var missing = [Int]()
        // Employees read in place (``InPlace``): 1.7 million nationally, each copied whole before.
        batch.employees.withUnsafeBufferPointer { employees in
            let isCarrier = { (p: Int) in carriesNIPs(p, batch: batch, linkage: linkage) }
            for i in range {
                let employee = InPlace(employees, i)
                guard employee.isTeacherBySiasn || isInSchoolUnit(employee.unorId) else { continue }
                let carried =
                    employee.nipValue.map { nip in
                        linkage.carries(nip, where: isCarrier) || carriedInvalid(nip, batch: batch, linkage: linkage)
                    } ?? false
                guard !carried, !suggested.contains(i), !employee.hasLeftService else { continue }
                missing.append(i)
            }
        }
        return missing
    }

    /// Whether an ASN or PNS Depag person has a row holding `nip`'s 18 digits in a shape that is not valid: the
    /// row carries the NIP all the same (rules.md §2 step 3), and the person is told `NIP_TIDAK_VALID`; saying
    /// too that SIASN's person is missing from Dapodik would send the Dinas looking for someone who is there.
    private static func carriedInvalid(_ nip: UInt64, batch: Batch, linkage: Linkage) -> Bool {
        guard !linkage.peopleByInvalidNIP.isEmpty,
            let people = linkage.peopleByInvalidNIP[DigitText.digits(nip, count: 18).text]
        else { return false }
        return people.contains { carriesNIPs($0, batch: batch, linkage: linkage) }
    }

    /// Whether person `p` is of those whose rows carry NIPs in the search for people missing from Dapodik: ASN
    /// and PNS Depag (rules §2 step 3).
    private static func carriesNIPs(_ p: Int, batch: Batch, linkage: Linkage) -> Bool {
        let employment = batch.teachers[linkage.people[p].induk].employment
        return employment.isASN || employment == .kemenag
    }

    /// Groups rows into people by `ptk_id`, else valid NIP, else line; the first `Induk` row decides. A person
    /// identified by NIP (rows of a file without `ptk_id`) whose NIP exactly one person identified by `ptk_id`
    /// carries is that person (``mergingByNIP(_:_:identifiedByNIP:)``).
    static func group(_ teachers: [DapodikTeacher]) -> [DapodikPerson] {
        var people = [DapodikPerson]()
        people.reserveCapacity(teachers.count)
        // People by a 64-bit fingerprint of their identity, checked against the identity itself; the rare
        // identity whose fingerprint an other one has goes to a dictionary. (A dictionary of identities
        // hashed every enum with SipHash: 40% of exact linking for 2.9 million national rows.)
        var byFingerprint = UInt64Table<Int>(minimumCapacity: teachers.count)
        var sharingFingerprint = [DapodikPerson.Identity: Int]()
        var identifiedByNIP = [Int]()
        func person(_ identity: DapodikPerson.Identity, _ fingerprint: UInt64) -> Int? {
            guard let p = byFingerprint[fingerprint] else { return nil }
            return people[p].identity(in: teachers) == identity ? p : sharingFingerprint[identity]
        }
        // Each batch's fingerprints loaded from the table at once (``Lookahead``).
        var ahead = Lookahead()
        for batch in Lookahead.batches(teachers.indices) {
            ahead.keys.removeAll(keepingCapacity: true)
            for i in batch { ahead.keys.append(Self.fingerprint(DapodikPerson.Identity(of: teachers[i]))) }
            ahead.prefetch(in: byFingerprint)
            for i in batch {
                let identity = DapodikPerson.Identity(of: teachers[i])
                let fingerprint = ahead.keys[i - batch.lowerBound]
                if let p = person(identity, fingerprint) {
                    people[p].rows.append(i)
                    if teachers[i].isInduk && !teachers[people[p].induk].isInduk { people[p].induk = i }
                } else {
                    if byFingerprint.setIfAbsent(people.count, for: fingerprint) != nil {
                        sharingFingerprint[identity] = people.count
                    }
                    if case .nip = identity { identifiedByNIP.append(people.count) }
                    people.append(DapodikPerson(rows: PersonRows(i), induk: i))
                }
            }
        }
        return identifiedByNIP.isEmpty ? people : mergingByNIP(people, teachers, identifiedByNIP: identifiedByNIP)
    }

    /// `people` with each person identified by NIP merged into the one person identified by `ptk_id` whose rows
    /// carry that NIP, when there is exactly one (inputs.md: a file without `ptk_id` identifies by NIP; the
    /// same teacher listed in both kinds of file is one person). With two or more such people the NIP is
    /// doubled and nobody is merged. Merged rows come after the person's own (whose first row keeps giving
    /// the identity); the first `Induk` row in file order decides.
    static func mergingByNIP(_ people: [DapodikPerson], _ teachers: [DapodikTeacher], identifiedByNIP: [Int])
        -> [DapodikPerson]
    {
        var wanted = UInt64Table<Int>(minimumCapacity: identifiedByNIP.count)
        for q in identifiedByNIP {
            if case .nip(let value) = people[q].identity(in: teachers) { _ = wanted.setIfAbsent(q, for: value) }
        }
        // NIP → the people identified by `ptk_id` carrying it (only the wanted NIPs).
        var carriers = [UInt64: [Int]]()
        for p in people.indices {
            guard case .ptk = people[p].identity(in: teachers) else { continue }
            for r in people[p].rows {
                guard let nip = teachers[r].nip.nip, wanted[nip.value] != nil else { continue }
                if carriers[nip.value]?.last != p { carriers[nip.value, default: []].append(p) }
            }
        }
        var merged = people
        var gone = Set<Int>()
        for q in identifiedByNIP {
            guard case .nip(let value) = people[q].identity(in: teachers), let found = carriers[value], found.count == 1
            else { continue }
            let p = found[0]
            for r in people[q].rows { merged[p].rows.append(r) }
            var induk = merged[p].induk
            for r in merged[p].rows where teachers[r].isInduk && (!teachers[induk].isInduk || r < induk) { induk = r }
            merged[p].induk = induk
            gone.insert(q)
        }
        return gone.isEmpty ? merged : merged.indices.filter { !gone.contains($0) }.map { merged[$0] }
    }

    /// 64 bits from an identity; equal identities give equal fingerprints.
    static func fingerprint(_ identity: DapodikPerson.Identity) -> UInt64 {
        switch identity {
        case .ptk(.uuid(let hi, let lo, let style)):
            return (hi &* 0x9E37_79B9_7F4A_7C15) ^ lo ^ (style.dashed ? 1 : 2) ^ (style.upperCase ? 4 : 8)
        case .nip(let value):
            return (value &* 0xC2B2_AE3D_27D4_EB4F) ^ 3
        default:
            return UInt64(truncatingIfNeeded: identity.hashValue)
        }
    }

    struct CandidateKey: Hashable, Sendable {
        var birthDate: CalendarDate
        var gender: Gender
    }
}
