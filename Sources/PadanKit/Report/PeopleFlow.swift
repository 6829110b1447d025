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
        let blocking = context.blockingCodes(disparities)
        let links = context.linkage.links
        // In ranges on every core: alone, this was a second of one core at the end of a national write stage.
        people = ParallelWork.spread(chunk: 1 << 16).fill(links.count) { range, put in
            Self.statuses(of: range, links: links, blocking: blocking, context: context, put)
        }
    }

    /// The statuses of `links[range]`, in order, each given to `put`.
    private static func statuses(
        of range: Range<Int>, links: [PersonLink], blocking: BlockingCodes, context: JudgementContext,
        _ put: (Status) -> Void
    ) {
        let teachers = context.batch.teachers, schools = context.batch.schools
        // A school's position and whether it has a unit, kept for the next teacher: the teachers of a school
        // follow one another in the exports, and two dictionary lookups per teacher were a quarter of this.
        var last: (npsn: NPSN, school: Int?, unmapped: Bool)?
        func status(of link: PersonLink) -> Status {
            // Fields read in place (a copy of each row and school retained all their texts), and most
            // teachers, who can flow, cost no set of codes.
            let npsn = teachers[context.linkage.people[link.person].induk].npsn
            if last?.npsn != npsn {
                let school = context.schoolIndex[npsn]
                last = (npsn, school, school != nil && context.unitMap.assignment(npsn)?.method == UnitMethod.none)
            }
            let school = last?.school, unmapped = last?.unmapped ?? false
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

    /// ASN teachers, and those of them who can flow, counted by Induk school.
    package struct SchoolCounts {
        /// By position in `Batch.schools`.
        package var listed: [(asn: Int, canFlow: Int)]
        /// By NPSN, for schools Dapodik does not list.
        package var unlisted: [NPSN: (asn: Int, canFlow: Int)] = [:]
    }

    /// The teachers counted by Induk school, once for the report's regions and schools: each teacher's
    /// kabupaten/kota and NPSN looked up as text in a dictionary was a second of one core nationally, at
    /// the end of the write stage.
    package func schoolCounts(schools: Int) -> SchoolCounts {
        var counts = SchoolCounts(listed: Array(repeating: (0, 0), count: schools))
        for status in people {
            let canFlow = status.state == .canFlow ? 1 : 0
            if let school = status.school {
                counts.listed[school].asn += 1
                counts.listed[school].canFlow += canFlow
            } else {
                counts.unlisted[status.npsn, default: (0, 0)].asn += 1
                counts.unlisted[status.npsn, default: (0, 0)].canFlow += canFlow
            }
        }
        return counts
    }

    package var canFlow: Int { people.reduce(0) { $0 + ($1.state == .canFlow ? 1 : 0) } }
    package var atSwasta: Int { people.reduce(0) { $0 + ($1.state == .swasta ? 1 : 0) } }

    /// The teachers who cannot flow, counted once by their first reason, most first.
    package var reasons: [ReportModel.BlockReason] {
        var first = [String: Int]()
        for status in people {
            if case .blocked(let reasons) = status.state, let reason = reasons.first { first[reason, default: 0] += 1 }
        }
        return first.map { code, n in ReportModel.BlockReason(code: code, label: BlockReasonText.of(code).uraian, people: n) }
            .sorted { $0.people != $1.people ? $0.people > $1.people : BlockReasonText.order($0.code) < BlockReasonText.order($1.code) }
    }
}
