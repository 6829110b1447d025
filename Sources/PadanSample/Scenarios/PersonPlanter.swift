/// Plants the person-level cases of `rules.md` (every disparity code raised for people, every SKP
/// outcome, and the clean cases beside them) at plain host schools, one round at a time.
struct PersonPlanter {
    let writer: PeopleWriter
    var random: SampleRandom
    /// The round number; a few cases are planted in the first round only.
    let round: Int

    /// Plants one of everything.
    mutating func plantRound() throws(SampleError) {
        guard writer.hasHosts else { return }
        try plantIdentityCases()
        try plantMissingFromDapodik()
        try plantUnitCases()
        try plantAttributeCases()
        try plantCleanCases()
        try plantSpecialPeople()
        try plantSkpCases()
        if round == 0 { try plantRejects() }
    }

    /// A new ASN teacher at the next host school.
    mutating func teacher(_ status: EmploymentStatus = .pns, provincial: Bool = false) -> (Person, PlannedSchool) {
        let school = writer.host(provincial: provincial)
        return (writer.person(.asnTeacher(status), at: school, random: &random), school)
    }

    /// Writes a person in both registers with plain rows, each changed as given.
    @discardableResult
    mutating func linked(
        _ person: Person, file: Int? = nil, dapodik: ((inout PtkRow) -> Void)? = nil,
        siasn: ((inout PnsRow) -> Void)? = nil
    ) throws(SampleError) -> PtkRow {
        let row = try writer.dapodik(person, file: file, plain: true, random: &random, dapodik ?? { _ in })
        try writer.siasn(person, dapodik: row, plain: true, random: &random, siasn ?? { _ in })
        return row
    }

    /// The GURU penilai of a school as PMM would name it.
    func penilai(of npsn: String) -> String? {
        writer.principals[npsn].flatMap { $0.penilaiNIP ?? $0.anyHeadNIP }
    }

    /// A GURU SKP of `person` (at their own school unless `npsn` is given), rated by the school's
    /// principal unless `penilai` says otherwise.
    mutating func guruSkp(
        _ person: Person, nip: String? = nil, npsn: String? = nil, penilai: String?? = nil, semester: Int = 2,
        note: String? = nil, _ change: ((inout SkpRow) -> Void)? = nil
    ) throws(SampleError) {
        let rater = penilai ?? self.penilai(of: person.npsn)
        try writer.skp(
            nip: nip ?? person.nip, npsn: npsn ?? person.npsn, peran: .guru, penilai: rater,
            semester: semester, random: &random, note: note, change)
    }

    /// Notes the truth entry of a Dapodik person.
    func note(_ person: Person, _ text: String, code: String? = nil) {
        writer.note("ptk:" + person.ptkID, text, code: code)
    }

    /// Counts a planted case.
    func count(_ name: String) { writer.plan.annotations.count(name) }

    /// A NIP for `person` that is valid but not theirs in SIASN (a typing slip).
    mutating func mistyped(_ person: Person) -> String {
        person.status.isPPPK
            ? writer.nips.pppk(birth: person.birth, sex: person.sex, random: &random)
            : writer.nips.pns(birth: person.birth, sex: person.sex, random: &random)
    }

    /// Another host school of the same level than `school` (for a person sitting or rated elsewhere).
    mutating func otherHost(than school: PlannedSchool) -> PlannedSchool {
        var other = writer.host(provincial: school.real.level.isProvincial)
        var tries = 0
        while other.real.npsn == school.real.npsn && tries < 4 {
            other = writer.host(provincial: school.real.level.isProvincial)
            tries += 1
        }
        return other
    }
}
