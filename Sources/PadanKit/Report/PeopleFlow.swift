import PadanCore
import PadanWriters

/// Whether each Dapodik ASN teacher's SKP can flow to e-Kinerja, and if not, why.
///
/// A teacher can flow when linked by NIP, with no priority 1–3 disparity raised for them, and their
/// Induk school is Negeri with a unit. A teacher at a Swasta school is neither: PMM does not carry their SKP.
package struct PeopleFlow {
    /// Where one teacher stands.
    package enum State: Equatable, Sendable {
        case canFlow
        case swasta
        /// Every reason, in catalogue order (codes, or `SEKOLAH_TIDAK_DIKENAL`).
        case blocked([String])
    }

    /// One Dapodik ASN teacher.
    package struct Status: Sendable {
        // 24 bytes (56 with positions in 64 bits, the NPSN as text and the kabupaten/kota's name): one per
        // ASN teacher, 1.7 million nationally, made while the report is built beside the payload lines.
        package var state: State
        private var storedPerson: Int32
        private var storedNPSN: NPSN
        private var storedSchool: OptionalPosition

        package init(person: Int, npsn: NPSN, school: Int?, state: State) {
            self.state = state
            storedPerson = Int32(person)
            storedNPSN = npsn
            storedSchool = OptionalPosition(school)
        }

        /// Position in `Linkage.people`.
        package var person: Int { Int(storedPerson) }
        package var npsn: NPSN { storedNPSN }
        /// The Induk school's position in `Batch.schools`, when Dapodik lists it.
        package var school: Int? { storedSchool.value }

    }

    /// One per Dapodik ASN person, in person order.
    package let people: [Status]

    package init(context: JudgementContext, disparities: [Disparity]) {
        let blocking = context.blockingCodes(disparities), unmapped = Self.unmappedSchools(context)
        let links = context.linkage.links
        // In ranges on every core: alone, this was a second of one core at the end of a national write stage.
        people = ParallelWork.spread(chunk: 1 << 16).fill(links.count) { range, put in
            Self.statuses(
                of: range, links: links, blocking: blocking, unmappedSchools: unmapped, context: context, put)
        }
    }

    /// The statuses of `links[range]`, in order, each given to `put`.
    private static func statuses(
        of range: Range<Int>, links: [PersonLink], blocking: BlockingCodes, unmappedSchools: [Bool],
        context: JudgementContext, _ put: (Status) -> Void
    ) {
        let teachers = context.batch.teachers, schools = context.batch.schools
        // A school's position and whether it has a unit, kept for the next teacher: the teachers of a school
        // follow one another in the exports, and two dictionary lookups per teacher were a quarter of this.
        var last: (npsn: NPSN, school: Int?)?
        func status(of link: PersonLink) -> Status {
            // Fields read in place (a copy of each row and school retained all their texts), and most
            // teachers, who can flow, cost no set of codes.
            let npsn = teachers[context.linkage.people[link.person].induk].npsn
            if last?.npsn != npsn { last = (npsn, context.schoolIndex[npsn]) }
            let school = last?.school, unmapped = school.map { unmappedSchools[$0] } ?? false
            var status = Status(person: link.person, npsn: npsn, school: school, state: .canFlow)
            if let school, !schools[school].isNegeri {
                status.state = .swasta
                return status
            }
            var codes =
                link.method == .nip
                ? blocking.codes(ofPerson: link.person, in: context) : [link.nipProblem ?? .nipTidakDitemukan]
            if codes.isEmpty, !unmapped, school != nil { return status }
            if unmapped { codes.insert(.npsnBelumPadan) }
            let reasons = codes.sorted().map(\.rawValue) + (school == nil ? [BlockReasonText.unknownSchool] : [])
            status.state = .blocked(reasons)
            return status
        }
        for link in links[range] { put(status(of: link)) }
    }

    /// Per school (position in `Batch.schools`), whether it is a Negeri school without a unit: read once per
    /// teacher's school, where the unit map's dictionary was a second lookup per teacher (the teachers of a
    /// school follow one another in the exports, but people are grouped by identity, not school).
    static func unmappedSchools(_ context: JudgementContext) -> [Bool] {
        var unmapped = [Bool](repeating: false, count: context.batch.schools.count)
        for assignment in context.unitMap.assignments where assignment.method == UnitMethod.none {
            if let school = context.schoolIndex[assignment.npsn] { unmapped[school] = true }
        }
        return unmapped
    }

    /// ASN teachers, and those of them who can flow, counted by Induk school.
    package struct SchoolCounts {
        /// By position in `Batch.schools`.
        package var listed: [(asn: Int, canFlow: Int)]
        /// By NPSN, for schools Dapodik does not list.
        package var unlisted: [NPSN: (asn: Int, canFlow: Int)] = [:]
    }

    /// What the report counts of the teachers' flow, made without keeping a status for each teacher: 1.7 million
    /// statuses nationally (40 MB, and an array of reasons for each blocked teacher), made beside the report's
    /// rows, were the write stage's peak, only to be counted.
    package struct Tally: Sendable {
        /// Dapodik ASN teachers, those who can flow, those at Swasta schools.
        package private(set) var teachers = 0
        package private(set) var canFlow = 0
        package private(set) var atSwasta = 0
        /// Blocked teachers by each of their reasons, and by their reason when it is their only one.
        package private(set) var byReason: [String: Int] = [:]
        package private(set) var byOnlyReason: [String: Int] = [:]
        /// Blocked teachers by their first reason.
        private var byFirstReason: [String: Int] = [:]
        /// Teachers and those who can flow by Induk school (position in `Batch.schools`), and by NPSN for
        /// schools Dapodik does not list; the current school's run counted apart (a school's teachers follow
        /// one another).
        private var listed: [Int: (asn: Int, canFlow: Int)] = [:]
        private var unlisted: [NPSN: (asn: Int, canFlow: Int)] = [:]
        private var run: (school: Int?, npsn: NPSN, asn: Int, canFlow: Int)?

        /// Counts one teacher.
        mutating func add(_ status: Status) {
            teachers += 1
            let flows = status.state == .canFlow ? 1 : 0
            canFlow += flows
            switch status.state {
            case .canFlow: break
            case .swasta: atSwasta += 1
            case .blocked(let reasons):
                if let first = reasons.first { byFirstReason[first, default: 0] += 1 }
                for reason in reasons { byReason[reason, default: 0] += 1 }
                if reasons.count == 1 { byOnlyReason[reasons[0], default: 0] += 1 }
            }
            if let current = run, current.school == status.school, current.npsn == status.npsn {
                run = (current.school, current.npsn, current.asn + 1, current.canFlow + flows)
            } else {
                endRun()
                run = (status.school, status.npsn, 1, flows)
            }
        }

        /// Puts the current school's run with the rest; call once the range's teachers are added.
        mutating func endRun() {
            guard let run else { return }
            self.run = nil
            count((run.asn, run.canFlow), school: run.school, npsn: run.npsn)
        }

        /// Adds `count` teachers (and those who can flow) to their Induk school's: by position when Dapodik lists
        /// it, else by NPSN.
        private mutating func count(_ count: (asn: Int, canFlow: Int), school: Int?, npsn: NPSN?) {
            if let school {
                listed[school, default: (0, 0)].asn += count.asn
                listed[school, default: (0, 0)].canFlow += count.canFlow
            } else if let npsn {
                unlisted[npsn, default: (0, 0)].asn += count.asn
                unlisted[npsn, default: (0, 0)].canFlow += count.canFlow
            }
        }

        /// Adds `other`'s counts (of other teachers, its run ended).
        mutating func merge(_ other: Tally) {
            precondition(other.run == nil, "PeopleFlow.Tally: merged before its run ended")
            teachers += other.teachers
            canFlow += other.canFlow
            atSwasta += other.atSwasta
            byReason.merge(other.byReason, uniquingKeysWith: +)
            byOnlyReason.merge(other.byOnlyReason, uniquingKeysWith: +)
            byFirstReason.merge(other.byFirstReason, uniquingKeysWith: +)
            for (school, n) in other.listed { count(n, school: school, npsn: nil) }
            for (npsn, n) in other.unlisted { count(n, school: nil, npsn: npsn) }
        }

        /// The teachers counted by Induk school, for the report's regions and schools (each teacher's
        /// kabupaten/kota and NPSN looked up as text was a second of one core nationally).
        package func schoolCounts(schools: Int) -> SchoolCounts {
            precondition(run == nil, "PeopleFlow.Tally: counted by school before its run ended")
            var counts = SchoolCounts(listed: Array(repeating: (0, 0), count: schools), unlisted: unlisted)
            for (school, count) in listed { counts.listed[school] = count }
            return counts
        }

        /// The teachers who cannot flow, counted once by their first reason, most first.
        package var reasons: [ReportModel.BlockReason] {
            byFirstReason.map { code, n in
                ReportModel.BlockReason(code: code, label: BlockReasonText.of(code).uraian, people: n)
            }
            .sorted {
                if $0.people != $1.people { return $0.people > $1.people }
                return BlockReasonText.order($0.code) < BlockReasonText.order($1.code)
            }
        }
    }

    /// The tally of every Dapodik ASN teacher, counted in ranges on every core, no status kept.
    package static func tally(context: JudgementContext, disparities: [Disparity]) -> Tally {
        let blocking = context.blockingCodes(disparities), unmapped = unmappedSchools(context)
        let links = context.linkage.links
        return ParallelWork.chunks(links.count, chunk: 1 << 16) { range in
            var tally = Tally()
            statuses(of: range, links: links, blocking: blocking, unmappedSchools: unmapped, context: context) {
                tally.add($0)
            }
            tally.endRun()
            return tally
        }.reduce(into: Tally()) { $0.merge($1) }
    }
}
