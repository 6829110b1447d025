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

    /// - Parameter isInSchoolUnit: whether an employee's unit is (under) a school's unit.
    public func match(batch: Batch, isInSchoolUnit: (SiasnEmployee) -> Bool) -> Linkage {
        var linkage = linkExactly(batch: batch)
        searchCandidates(batch: batch, linkage: &linkage)
        findMissing(batch: batch, linkage: &linkage, isInSchoolUnit: isInSchoolUnit)
        return linkage
    }

    /// Steps 1 and 4: people grouped, exact NIP links, doubled NIPs, every other NIP problem.
    public func linkExactly(batch: Batch) -> Linkage {
        let teachers = batch.teachers
        let people = Self.group(teachers)

        // NIPs carried by ASN and PNS Depag rows, with the people carrying them.
        var carriers = [String: [Int]]()
        var anyByNIP = [String: [Int]]()
        var kemenag = 0
        for (p, person) in people.enumerated() {
            let employment = teachers[person.induk].employment
            if employment == .kemenag { kemenag += 1 }
            var nips = Set<String>()
            for row in person.rows { if let nip = teachers[row].nip.nip { nips.insert(nip.digits) } }
            for nip in nips {
                anyByNIP[nip, default: []].append(p)
                if employment.isASN || employment == .kemenag { carriers[nip, default: []].append(p) }
            }
        }

        var siasnByNIP = [String: Int](minimumCapacity: batch.employees.count)
        for (i, employee) in batch.employees.enumerated() where siasnByNIP[employee.nipBaru] == nil {
            siasnByNIP[employee.nipBaru] = i
        }

        var links = [PersonLink]()
        var linkOfPerson = [Int: Int]()
        for (p, person) in people.enumerated() {
            let row = teachers[person.induk]
            guard row.employment.isASN else { continue }
            var link = PersonLink(person: p, method: .none, employee: nil, candidates: 0, nipProblem: nil)
            switch row.nip {
            case .empty: link.nipProblem = .nipKosong
            case .corrupted: link.nipProblem = .nipRusak
            case .invalid: link.nipProblem = .nipTidakValid
            case .valid(let nip):
                if (carriers[nip.digits]?.count ?? 0) > 1 {
                    link.nipProblem = .nipGanda
                } else if let employee = siasnByNIP[nip.digits] {
                    link.method = .nip
                    link.employee = employee
                } else {
                    link.nipProblem = .nipTidakDitemukan
                }
            }
            linkOfPerson[p] = links.count
            links.append(link)
        }

        var linkage = Linkage(
            people: people, links: links, linkOfPerson: linkOfPerson, missingFromDapodik: [],
            kemenagPeople: kemenag, peopleByNIP: carriers, anyPersonByNIP: anyByNIP)
        for link in links where link.nipProblem == .nipTidakValid {
            if let text = teachers[people[link.person].induk].nipText {
                linkage.peopleByInvalidNIP[Self.compact(text), default: []].append(link.person)
            }
        }
        return linkage
    }

    /// Step 2: candidates for the unlinked (not for doubled NIPs): SIASN people not linked in step 1 with
    /// the same birth date and sex and the same person's name. One is suggested; several are counted.
    public func searchCandidates(batch: Batch, linkage: inout Linkage) {
        var linkedEmployees = Set<Int>()
        for link in linkage.links where link.method == .nip { if let e = link.employee { linkedEmployees.insert(e) } }
        var pool = [CandidateKey: [Int]]()
        for (i, employee) in batch.employees.enumerated() where !linkedEmployees.contains(i) {
            guard let birth = employee.birthDate, let gender = employee.gender else { continue }
            pool[CandidateKey(birthDate: birth, gender: gender), default: []].append(i)
        }
        // Each SIASN name is normalized at most once, however many Dapodik rows share its block.
        var names = [Int: PersonName]()
        for l in linkage.links.indices where linkage.links[l].method != .nip && linkage.links[l].nipProblem != .nipGanda {
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
            linkage.links[l].candidates = found.count
            if found.count == 1 {
                linkage.links[l].method = .suggested
                linkage.links[l].employee = found[0]
            } else if found.count > 1 {
                linkage.links[l].method = .ambiguous
            }
        }
    }

    /// Step 3: SIASN teachers nobody in Dapodik carries, who are not a single suggested candidate and have
    /// not left service.
    /// - Parameter isInSchoolUnit: whether an employee's unit is (under) a school's unit.
    public func findMissing(batch: Batch, linkage: inout Linkage, isInSchoolUnit: (SiasnEmployee) -> Bool) {
        var suggested = Set<Int>()
        for link in linkage.links where link.method == .suggested { if let e = link.employee { suggested.insert(e) } }
        var missing = [Int]()
        for (i, employee) in batch.employees.enumerated() {
            guard employee.isTeacherBySiasn || isInSchoolUnit(employee) else { continue }
            guard linkage.peopleByNIP[employee.nipBaru] == nil, !suggested.contains(i), !employee.hasLeftService else { continue }
            missing.append(i)
        }
        linkage.missingFromDapodik = missing
    }

    /// A NIP's text without spaces, dots, dashes and a leading `'`.
    public static func compact(_ text: String) -> String {
        String(text.trimmingSpaces.filter { $0 != " " && $0 != "." && $0 != "-" && $0 != "'" })
    }

    /// Groups rows into people by `ptk_id`, else valid NIP, else line; the first `Induk` row decides.
    static func group(_ teachers: [DapodikTeacher]) -> [DapodikPerson] {
        var people = [DapodikPerson]()
        var byKey = [String: Int]()
        for (i, row) in teachers.enumerated() {
            let key: String
            if let id = row.ptkId?.lowercased(), !id.isEmpty {
                key = "ptk:" + id
            } else if let nip = row.nip.nip {
                key = "nip:" + nip.digits
            } else {
                key = "row:" + row.source.description
            }
            if let p = byKey[key] {
                people[p].rows.append(i)
                if row.isInduk && !teachers[people[p].induk].isInduk { people[p].induk = i }
            } else {
                byKey[key] = people.count
                people.append(DapodikPerson(key: key, rows: [i], induk: i))
            }
        }
        return people
    }

    struct CandidateKey: Hashable {
        var birthDate: CalendarDate
        var gender: Gender
    }
}
