import PadanCore
import PadanWriters

/// Whether each Dapodik ASN teacher's SKP can flow to e-Kinerja, and if not, why.
///
/// A teacher can flow when linked by NIP, with no priority 1–3 disparity raised for them, and their
/// Induk school is Negeri with a unit. A teacher at a Swasta school is neither: PMM does not carry their SKP.
package struct PeopleFlow {
    /// Where one teacher stands.
    package enum State: Equatable {
        case canFlow
        case swasta
        /// Every reason, in catalogue order (codes, or `SEKOLAH_TIDAK_DIKENAL`).
        case blocked([String])
    }

    /// One Dapodik ASN teacher.
    package struct Status {
        /// Position in `Linkage.people`.
        package var person: Int
        package var npsn: String
        package var kabupatenKota: String
        package var state: State
    }

    /// One per Dapodik ASN person, in person order.
    package let people: [Status]

    package init(context: JudgementContext, disparities: [Disparity]) {
        let blocking = context.blockingCodes(disparities)
        people = context.linkage.links.map { link in
            let row = context.indukRow(ofPerson: link.person)
            let school = context.school(row.npsn)
            var status = Status(person: link.person, npsn: row.npsn.text, kabupatenKota: school?.kabupatenKota ?? "", state: .canFlow)
            if let school, !school.isNegeri {
                status.state = .swasta
                return status
            }
            var codes = Set<DisparityCode>()
            var extra = [String]()
            if link.method != .nip {
                codes.insert(link.nipProblem ?? .nipTidakDitemukan)
            } else {
                codes.formUnion(blocking.codes(ofPerson: link.person, in: context.linkage))
            }
            if let school {
                if context.unitMap.assignment(school.npsn)?.method == UnitMethod.none { codes.insert(.npsnBelumPadan) }
            } else {
                extra.append(BlockReasonText.unknownSchool)
            }
            let reasons = codes.sorted().map(\.rawValue) + extra
            if !reasons.isEmpty { status.state = .blocked(reasons) }
            return status
        }
    }

    package var canFlow: Int { people.filter { $0.state == .canFlow }.count }
    package var atSwasta: Int { people.filter { $0.state == .swasta }.count }

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
