/// Linked people whose SIASN unit does not fit their Dapodik school (`UNOR_*`, `rules.md` section 4).
extension PersonPlanter {
    mutating func plantUnitCases() throws(SampleError) {
        let plan = writer.plan
        // A kabupaten school's teacher whom SIASN files under the province.
        var (person, school) = teacher()
        let province = provinceOffices(of: school)
        try linked(
            person,
            siasn: {
                $0.instansi = province.government.rootName
                $0.unorID = province.offices.dinasID
                $0.unorNama = "DINAS PENDIDIKAN"
            })
        note(person, "SIASN under the province")
        try guruSkp(person)
        count("unor_wilayah")

        // Under another kabupaten; PMM names someone else as penilai too.
        (person, school) = teacher()
        if let other = plan.governments.indices.first(where: {
            $0 != school.government && plan.governments[$0].kind != .provinsi
        }) {
            let government = plan.governments[other]
            let dinas = plan.offices[other].dinasID
            try linked(
                person,
                siasn: {
                    $0.instansi = government.alternateName
                    $0.unorID = dinas
                    $0.unorNama = "DINAS PENDIDIKAN"
                })
            note(person, "SIASN under another kabupaten")
            try guruSkp(person, penilai: penilai(of: otherHost(than: school).real.npsn), note: "every reason is listed")
            count("unor_wilayah")
        }

        // A province school's teacher whom SIASN files under the kabupaten.
        (person, school) = teacher(provincial: true)
        if let kabupaten = plan.governmentOfRegion[school.real.regionIndex]?.kabupaten {
            let government = plan.governments[kabupaten]
            let dinas = plan.offices[kabupaten].dinasID
            try linked(
                person,
                siasn: {
                    $0.instansi = government.rootName
                    $0.unorID = dinas
                    $0.unorNama = "DINAS PENDIDIKAN"
                })
            note(person, "province school, SIASN under the kabupaten")
            try guruSkp(person)
            count("unor_wilayah")
        }

        // Sits in another school's unit (and a first-semester SKP, skipped before any block).
        (person, school) = teacher()
        var elsewhere = otherHost(than: school)
        person.unitID = elsewhere.seatUnit
        person.unitName = plan.unitNames[elsewhere.seatUnit] ?? ""
        try linked(person)
        note(person, "sits in another school's unit")
        try guruSkp(person)
        try guruSkp(person, semester: 1, note: "skipping comes before blocking")
        count("unor_satpen")

        // The same, with the SKP made at the school whose unit they sit in.
        (person, school) = teacher()
        elsewhere = otherHost(than: school)
        person.unitID = elsewhere.seatUnit
        person.unitName = plan.unitNames[elsewhere.seatUnit] ?? ""
        try linked(person)
        note(person, "sits in another school's unit")
        try guruSkp(
            person, npsn: elsewhere.real.npsn,
            note: "made at another school; rated by the principal of the person's own school")
        count("unor_satpen")

        // Sits in the education office itself.
        (person, school) = teacher()
        person.unitID = plan.offices[school.government].dinasID
        person.unitName = "DINAS PENDIDIKAN"
        try linked(person)
        note(person, "sits in the Dinas Pendidikan unit")
        count("unor_satpen")

        // Sits in an inactive sub-unit of the right school; the second also made the SKP elsewhere,
        // naming that school's principal (three reasons at once).
        for several in [false, true] {
            (person, school) = teacher()
            let inactive = Identifiers.siasnID(&random)
            plan.addUnit(
                PlannedUnit(
                    id: inactive, name: "KELOMPOK JABATAN FUNGSIONAL GURU " + school.name, parentID: school.seatUnit,
                    instansiID: plan.offices[school.government].rootID, aktif: random.pick(["0", "false", "N"]),
                    depth: 4))
            person.unitID = inactive
            person.unitName = plan.unitNames[inactive] ?? ""
            try linked(person)
            note(person, "an inactive sub-unit of the right school")
            if several {
                let there = otherHost(than: school)
                try guruSkp(
                    person, npsn: there.real.npsn, penilai: penilai(of: there.real.npsn),
                    note: "several reasons at once")
            } else {
                try guruSkp(person)
            }
            count("unor_tidak_aktif")
        }
    }

    /// The province government of a school's region and its offices.
    func provinceOffices(of school: PlannedSchool) -> (government: Government, offices: GovernmentOffices) {
        let plan = writer.plan
        let index = plan.governmentOfRegion[school.real.regionIndex]?.province ?? school.government
        return (plan.governments[index], plan.offices[index])
    }
}
