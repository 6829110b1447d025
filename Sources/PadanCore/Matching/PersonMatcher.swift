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

        // Step 1 and 4: exact links, doubled NIPs.
        var links = [PersonLink]()
        var linkOfPerson = [Int: Int]()
        var linkedEmployees = Set<Int>()
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
                    linkedEmployees.insert(employee)
                } else {
                    link.nipProblem = .nipTidakDitemukan
                }
            }
            linkOfPerson[p] = links.count
            links.append(link)
        }

        // Step 2: candidates for the unlinked (not for doubled NIPs).
        var pool = [CandidateKey: [Int]]()
        for (i, employee) in batch.employees.enumerated() where !linkedEmployees.contains(i) {
            guard let birth = employee.birthDate, let gender = employee.gender else { continue }
            pool[CandidateKey(birthDate: birth, gender: gender), default: []].append(i)
        }
        var suggested = Set<Int>()
        for l in links.indices where links[l].method != .nip && links[l].nipProblem != .nipGanda {
            let row = teachers[people[links[l].person].induk]
            guard let birth = row.birthDate, let gender = row.gender,
                let block = pool[CandidateKey(birthDate: birth, gender: gender)]
            else { continue }
            let name = PersonName(row.nama)
            let found = block.filter { name.isSamePerson(as: PersonName(batch.employees[$0].nama), threshold: nameThreshold) }
            links[l].candidates = found.count
            if found.count == 1 {
                links[l].method = .suggested
                links[l].employee = found[0]
                suggested.insert(found[0])
            } else if found.count > 1 {
                links[l].method = .ambiguous
            }
        }

        // Step 3: SIASN teachers nobody in Dapodik carries.
        var missing = [Int]()
        for (i, employee) in batch.employees.enumerated() {
            guard employee.isTeacherBySiasn || isInSchoolUnit(employee) else { continue }
            guard carriers[employee.nipBaru] == nil, !suggested.contains(i), !employee.hasLeftService else { continue }
            missing.append(i)
        }

        var linkage = Linkage(
            people: people, links: links, linkOfPerson: linkOfPerson, missingFromDapodik: missing,
            kemenagPeople: kemenag, peopleByNIP: carriers, anyPersonByNIP: anyByNIP)
        for link in links where link.nipProblem == .nipTidakValid {
            if let text = teachers[people[link.person].induk].nipText {
                linkage.peopleByInvalidNIP[Self.compact(text), default: []].append(link.person)
            }
        }
        return linkage
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
