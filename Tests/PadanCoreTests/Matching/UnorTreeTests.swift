import PadanCore
import PadanTestSupport
import Testing

@Suite("UnorTree")
struct UnorTreeTests {
    @Test func lineageRootsAndPeople() throws {
        var b = BatchBuilder()
        let root = b.government("Pemerintah Kab. Tuban")
        let school = b.unit("SD NEGERI 1 LOJEJER", under: root)
        let sub = b.unit("SUB BAGIAN TATA USAHA", under: school)
        let subSchool = b.unit("SD NEGERI 2 LOJEJER", under: sub)
        let orphan = b.unit("SD NEGERI 3 LOJEJER", under: Fixture.id(number: 999, prefix: "c"))
        b.employee("A", nip: Fixture.pnsNIP(serial: 1), unit: sub)
        b.employee("B", nip: Fixture.pnsNIP(serial: 2), unit: school)
        b.employee("C", nip: Fixture.pnsNIP(serial: 3), unit: Fixture.id(number: 998, prefix: "c"))
        let tree = UnorTree(units: b.batch.unors, employees: b.batch.employees)
        let (r, s, u, ss, o) = (
            try #require(tree.index[root]), try #require(tree.index[school]), try #require(tree.index[sub]),
            try #require(tree.index[subSchool]), try #require(tree.index[orphan])
        )
        #expect(tree.lineage(of: ss) == [ss, u, s, r])
        #expect(tree.root[ss] == r)
        #expect(tree.root[o] == o)
        #expect(tree.parent[o] == nil)
        #expect(tree.government(of: ss)?.key == "KAB:TUBAN")
        #expect(tree.government(of: o) == nil)
        #expect(tree.isUnit(ss, atOrUnder: s))
        #expect(tree.isUnit(s, atOrUnder: s))
        #expect(!tree.isUnit(s, atOrUnder: ss))
        #expect(tree.peopleInSubtree[r] == 2)
        #expect(tree.peopleInSubtree[s] == 2)
        #expect(tree.peopleInSubtree[u] == 1)
        #expect(tree.peopleInSubtree[ss] == 0)
        #expect(tree.hasSchoolLikeAncestor == [false, false, true, true, false])
        #expect(tree.isSchoolCandidate(s))
        #expect(!tree.isSchoolCandidate(u))
        #expect(!tree.isSchoolCandidate(ss))
        #expect(tree.isSchoolCandidate(o))
    }

    @Test func idsAreMatchedWhateverTheirSpelling() throws {
        let unit = Unor(
            id: Fixture.id("ABCDEF01-2345-6789-ABCD-EF0123456789"), nama: "SD NEGERI 1 X", parentId: nil,
            instansiId: nil,
            isActive: true, source: SourceLocation(file: "unor.csv", line: 2))
        let tree = UnorTree(units: [unit], employees: [])
        #expect(tree.index[Fixture.id("abcdef0123456789abcdef0123456789")] == 0)
    }

    @Test func aCycleDoesNotHang() throws {
        let a = Fixture.id(number: 1), b = Fixture.id(number: 2)
        let units = [
            Unor(
                id: a, nama: "SD NEGERI 1 X", parentId: b, instansiId: nil, isActive: true,
                source: .init(file: "u", line: 2)),
            Unor(
                id: b, nama: "SD NEGERI 2 X", parentId: a, instansiId: nil, isActive: true,
                source: .init(file: "u", line: 3)),
            Unor(
                id: Fixture.id(number: 3), nama: "SELF", parentId: Fixture.id(number: 3), instansiId: nil,
                isActive: true,
                source: .init(file: "u", line: 4)),
        ]
        let employee = SiasnEmployee(
            pnsId: Fixture.id(number: 9), nipBaru: Fixture.pnsNIP(), nipLama: nil, nama: "A", gelarDepan: nil,
            gelarBelakang: nil, birthDate: nil, gender: nil, kedudukan: "Aktif", statusCpnsPns: nil, golonganText: nil,
            jabatan: "Guru", unorId: a, unorNama: nil, instansiKerja: "", source: .init(file: "p", line: 2))
        let tree = UnorTree(units: units, employees: [employee])
        // Bounded: a cycle repeats nodes at most once round.
        #expect(tree.lineage(of: 0).count <= units.count + 1)
        #expect(!tree.isUnit(0, atOrUnder: 2))
        #expect(tree.parent[2] == nil)
    }
}
