/// Decides every `pmm_skp` row (`rules.md` §5): skipped, blocked with every reason, or eligible.
public struct SkpEligibility: Sendable {
    private(set) var context: JudgementContext
    private(set) var resolver: PenilaiResolver
    /// Person → codes of their priority 1–3 disparities with subject `PTK`.
    let blockingCodes: BlockingCodes

    public init(context: JudgementContext, disparities: [Disparity]) {
        self.init(context: context, disparities: disparities, resolver: PenilaiResolver(context: context))
    }

    /// With the penilai lookup already built for `context` (it needs no disparity, so a run builds it beside
    /// the rules).
    public init(context: JudgementContext, disparities: [Disparity], resolver: PenilaiResolver) {
        self.init(context: context, blockingCodes: context.blockingCodes(disparities), resolver: resolver)
    }

    /// With each person's blocking codes already gathered (``JudgementContext/blockingCodes(parts:)``: all the
    /// verdicts need of the disparities, so a run decides while it puts the disparities in output order).
    public init(context: JudgementContext, blockingCodes: BlockingCodes, resolver: PenilaiResolver) {
        self.context = context
        self.resolver = resolver
        self.blockingCodes = blockingCodes
    }

    public func decide(_ records: [SkpRecord]) -> [SkpDecision] {
        records.map { SkpDecision(record: $0, outcome: outcome(for: $0)) }
    }

    /// The row's outcome, with the payload built when eligible.
    public func outcome(for record: SkpRecord) -> SkpOutcome {
        switch verdict(for: record) {
        case .skipped(let reason): return .skipped(reason: reason.rawValue)
        case .blocked(let reasons): return .blocked(reasons: reasons)
        case .eligible(let row):
            return .eligible(payload(for: record, person: row.person, employee: row.employee, penilai: row.penilai))
        }
    }

    /// The payload of an eligible row (its verdict's person, employee and penilai).
    public func payload(for record: SkpRecord, person: Int, employee e: Int, penilai: PenilaiResolver.Penilai)
        -> SkpPayload
    {
        payload(forRow: 0, of: CollectionOfOne(record), person: person, employee: e, rater: rater(penilai))
    }

    /// The payload of row `i` of `records` with its penilai already made (``rater(_:)``), the row's fields read
    /// in place: a copy of the row retained and released its every text, for each of 1.6 million payloads
    /// nationally.
    func payload<Rows: RandomAccessCollection<SkpRecord>>(
        forRow i: Rows.Index, of records: Rows, person: Int, employee e: Int, rater: PayloadPerson
    ) -> SkpPayload {
        let pegawai = payloadPerson(
            employee: e, npsn: context.batch.teachers[context.linkage.people[person].induk].npsn.text)
        return SkpPayload(
            periode: records[i].periode, pegawai: pegawai, penilai: rater, peran: records[i].peran,
            tahap: records[i].tahap, indikatorKinerja: records[i].indikatorKinerja,
            perilakuFokus: records[i].perilakuFokus, predikat: records[i].predikat, source: records[i].source)
    }

    /// What is decided for the row (`rules.md` §5), without building the payload.
    public func verdict(for record: SkpRecord) -> SkpVerdict {
        var recent = Recent()
        return verdict(forRow: 0, of: CollectionOfOne(record), recent: &recent)
    }

    /// What the verdicts look up of a row's school, kept for the next row (an export lists a school's rows
    /// together: looked up for each row, a school's place, unit and principals were a fifth of the verdicts).
    struct Recent {
        var school: (npsn: NPSN, position: Int?, unmapped: Bool)?
        var penilai: PenilaiResolver.RecentSchool?
    }

    /// ``verdict(for:)`` of each row of `rows` of `records`, in order, each given to `put` (``Spread/fill(_:_:)``
    /// puts them straight in place); each row read in place (a copy of each of 1.6 million rows retained and
    /// released its every text).
    public func verdicts(_ rows: Range<Int>, of records: [SkpRecord], _ put: (SkpVerdict) -> Void) {
        // Through the buffer: a field read through the array's subscript copied the whole row first.
        records.withUnsafeBufferPointer { buffer in
            var recent = Recent()
            var ahead = Lookahead(), people = [Int]()
            for batch in Lookahead.batches(rows) {
                warm(batch, of: buffer, &ahead, &people)
                for i in batch { put(verdict(forRow: i, of: buffer, recent: &recent)) }
            }
        }
    }

    /// Loads what the verdicts of `rows` look up, level by level, each level's loads at once: the rows' NIPs in
    /// the table of people, then those people, then their PTK row, its school, link and SIASN person. One row at a
    /// time, each of these waited for memory in turn at national scale (tables of millions, looked up in no order):
    /// deciding, national, one core, 0.95–1.00 → 0.76–0.81 s. `ahead` and `people` are kept from batch to batch.
    private func warm(
        _ rows: Range<Int>, of records: UnsafeBufferPointer<SkpRecord>, _ ahead: inout Lookahead, _ people: inout [Int]
    ) {
        let linkage = context.linkage
        ahead.keys.removeAll(keepingCapacity: true)
        for i in rows { if let nip = records[i].nip.nip { ahead.keys.append(nip.value) } }
        ahead.prefetch(in: linkage.anyPersonByNIP)
        // Then the people those NIPs name, their PTK rows, their links' SIASN people: plain loads, independent of
        // each other within a level; `ahead.keys` holds each level's positions in turn.
        people.removeAll(keepingCapacity: true)
        for nip in ahead.keys { if let p = linkage.anyPersonByNIP.first(nip) { people.append(p) } }
        ahead.keys.removeAll(keepingCapacity: true)
        linkage.people.withUnsafeBufferPointer { persons in
            for p in people { ahead.keys.append(UInt64(persons[p].induk)) }
        }
        Lookahead.touch(context.batch.teachers, at: ahead.keys)
        // Their schools' slots in the three indexes by NPSN the verdict asks (the school, its unit, its
        // principals): the rows of a school do not follow one another in every export.
        context.batch.teachers.withUnsafeBufferPointer { teachers in
            for k in ahead.keys.indices { ahead.keys[k] = teachers[Int(ahead.keys[k])].npsn.number }
        }
        ahead.prefetch(in: context.schoolIndex)
        ahead.prefetch(in: context.unitMap.byNPSN)
        ahead.prefetch(in: resolver.principalsAt)
        ahead.keys.removeAll(keepingCapacity: true)
        for p in people {
            if let l = linkage.linkOfPerson[p], let e = linkage.links[l].employee { ahead.keys.append(UInt64(e)) }
        }
        Lookahead.touch(context.batch.employees, at: ahead.keys)
    }

    /// ``verdict(for:)`` of row `i` of `records`.
    func verdict<Rows: RandomAccessCollection<SkpRecord>>(forRow i: Rows.Index, of records: Rows, recent: inout Recent)
        -> SkpVerdict
    {
        let linkage = context.linkage
        precondition(!linkage.lookupsReleased, "SkpEligibility: a verdict asked for after the lookups were released")
        if records[i].periode != context.settings.periodeAktif { return .skipped(reason: .periodeLain) }
        // The Dapodik person the row's NIP names: its one holder of any employment (a valid NIP), else the one
        // person with a row holding the same invalid text; that person's skip reasons apply either way.
        let person: Int
        let nipIsValid: Bool
        if let nip = records[i].nip.nip {
            // The holders counted first: one holder (nearly every row) needs no array of them.
            switch linkage.anyPersonByNIP.count(nip.value) {
            case 0: return .blocked(reasons: [DisparityCode.nipTidakDitemukan.rawValue])
            case 1: person = linkage.anyPersonByNIP.first(nip.value) ?? 0
            default: return doubled(linkage.anyPersonByNIP[nip.value] ?? [])
            }
            nipIsValid = true
        } else {
            let text = NIP.normalized(records[i].nipText)
            let holders = text.isEmpty ? [] : linkage.peopleByInvalidNIP[text] ?? []
            guard let first = holders.first else {
                return .blocked(reasons: [DisparityCode.nipTidakDitemukan.rawValue])
            }
            if holders.count > 1 { return doubled(holders) }
            person = first
            nipIsValid = false
        }
        // Fields read in place: a copy of the row and of the school retained their every text, for each of
        // 1.6 million SKP rows nationally.
        let induk = linkage.people[person].induk
        switch context.batch.teachers[induk].employment {
        case .kemenag: return .skipped(reason: .kemenag)
        case .nonASN: return .skipped(reason: .nonASN)
        case .pns, .pppk: break
        }
        let npsn = context.batch.teachers[induk].npsn
        if recent.school?.npsn != npsn {
            // A school `dapodik_sekolah` does not list has no unit either (only the crosswalk can give it one).
            recent.school = (
                npsn, context.schoolIndex[npsn],
                (context.unitMap.assignment(npsn)?.method ?? UnitMethod.none) == UnitMethod.none
            )
        }
        let school = recent.school?.position, unmapped = recent.school?.unmapped ?? true
        if let school, !context.batch.schools[school].isNegeri { return .skipped(reason: .swasta) }
        let employee = nipIsValid ? linkage.linkedEmployee(ofPerson: person) : nil
        if let e = employee {
            switch context.batch.employees[e].standing {
            case .cltn: return .skipped(reason: .cltn)
            case .meninggal, .diberhentikan: return .skipped(reason: .tidakAktif)
            case .serving, .pensiun: break
            }
        }
        guard let e = employee else {
            // Not exactly linked: the person's `NIP_*` code alone (an invalid NIP in PMM is never a link).
            let code =
                linkage.linkOfPerson[person].flatMap { linkage.links[$0].nipProblem }
                ?? (nipIsValid ? .nipTidakDitemukan : .nipTidakValid)
            return .blocked(reasons: [code.rawValue])
        }

        var codes = blockingCodes.codes(ofPerson: person, in: context)
        if unmapped { codes.insert(.npsnBelumPadan) }
        var reasons = codes.sorted().map(\.rawValue)
        if records[i].npsn != npsn { reasons.append("NPSN_SKP_BERBEDA") }
        let penilai = resolver.penilai(forPerson: person, role: records[i].peran, recent: &recent.penilai)
        if let penilai {
            // The given NIP read from its bytes, in place (a copy of the row first, for its text, was a sixth of
            // the verdicts). The closure captures the run date alone: capturing `self` copied the lookups it
            // holds, for each row, on both cores at once.
            let runDate = context.settings.runDate
            if let written = records[i].nipPenilaiWritten {
                let (isEmpty, value) = written.withText {
                    ($0.isEmpty, NIP.read(bytes: $0, runDate: runDate).nip?.value)
                }
                // The penilai's SIASN row read in place (a copy was a dozen reference counts a row).
                let differs: Bool
                if isEmpty {
                    differs = false
                } else if let value {
                    differs = value != context.batch.employees[penilai.employee].nipValue
                } else {
                    differs = written.text != context.batch.employees[penilai.employee].nipBaru
                }
                if differs { reasons.append("PENILAI_BERBEDA") }
            }
        } else {
            reasons.append("PENILAI_TIDAK_DITEMUKAN")
        }
        guard reasons.isEmpty, let penilai else { return .blocked(reasons: reasons) }
        return .eligible(SkpVerdict.Eligible(person: person, employee: e, penilai: penilai))
    }

    /// The verdict of a row whose NIP several Dapodik people hold: blocked `NIP_GANDA` when one of them is
    /// ASN, else skipped as out of scope (`KEMENAG` when one is PNS Depag, else `NON_ASN`).
    func doubled(_ holders: [Int]) -> SkpVerdict {
        let linkage = context.linkage
        var kemenag = false
        for p in holders {
            switch context.batch.teachers[linkage.people[p].induk].employment {
            case .pns, .pppk: return .blocked(reasons: [DisparityCode.nipGanda.rawValue])
            case .kemenag: kemenag = true
            case .nonASN: break
            }
        }
        return .skipped(reason: kemenag ? .kemenag : .nonASN)
    }

    /// Lets go of the lookups only verdicts need (``JudgementContext/releaseLookups()``); payloads can
    /// still be built.
    public mutating func releaseLookups() {
        context.releaseLookups()
        resolver.releaseLookups()
    }

    /// The penilai as a payload names them.
    func rater(_ penilai: PenilaiResolver.Penilai) -> PayloadPerson {
        var rater = payloadPerson(employee: penilai.employee)
        rater.peranPenilai = penilai.peran
        return rater
    }

    /// Employee `e` as a payload shows them, read in place (a copy of the record was a tenth of making a
    /// payload). `npsn`, when given (the pegawai's Dapodik school), stands for the school of their unit; the
    /// unit is then looked up only when SIASN gave no unit name (it was looked up, and an NPSN text made and
    /// thrown away, for each of 1.6 million payload lines).
    func payloadPerson(employee e: Int, npsn knownNPSN: String? = nil) -> PayloadPerson {
        context.batch.employees.withUnsafeBufferPointer { employees in
            let employee = InPlace(employees, e)
            let writtenName = employee.unorNama
            let unit = writtenName == nil || knownNPSN == nil ? context.tree.index[employee.unorId] : nil
            let unitName = writtenName ?? unit.map { context.tree.units[$0].nama }
            let npsn = knownNPSN ?? unit.flatMap { context.unitMap.school(ofUnit: $0, in: context.tree)?.text }
            return PayloadPerson(
                pnsID: employee.pnsId, writtenNIP: employee.writtenNIPBaru, nama: employee.nama,
                unorID: employee.unorId,
                unorNama: unitName, jabatan: employee.jabatan, npsn: npsn, peranPenilai: nil)
        }
    }
}
