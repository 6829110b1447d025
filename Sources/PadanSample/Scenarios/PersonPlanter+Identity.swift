/// People who cannot be identified: empty, destroyed, invalid, unknown or doubled NIPs, with the
/// candidates SIASN offers for them, and SIASN people Dapodik lacks.
extension PersonPlanter {
    mutating func plantIdentityCases() throws(SampleError) {
        // Empty NIP, SIASN holds the person: the single candidate is the suggestion.
        var (person, _) = teacher()
        let empty = random.pick(["", "null", "-"])
        try linked(person) { $0.nip = empty }
        writer.negative(
            code: "ASN_TIDAK_ADA_DI_DAPODIK", pnsID: person.pnsID, why: "the single suggested candidate of a row",
            always: true)
        try guruSkp(person, note: "PMM's NIP is unknown to Dapodik (Dapodik's NIP is empty): that code alone")
        count("nip_kosong")

        // Empty NIP, nobody in SIASN.
        (person, _) = teacher(.pppk)
        try writer.dapodik(person, plain: true, random: &random) { $0.nip = "" }
        count("nip_kosong")

        // Empty NIP, two SIASN people fit: no suggestion, both stay missing from Dapodik.
        (person, _) = teacher()
        try writer.dapodik(person, plain: true, random: &random) { $0.nip = "" }
        var twin = person
        twin.pnsID = Identifiers.siasnID(&random)
        twin.nip = writer.nips.pns(birth: person.birth, sex: person.sex, random: &random)
        twin.name = person.name + " " + random.pick(NameBank.family.filter { !person.name.contains($0) })
        for candidate in [person, twin] {
            try writer.siasn(candidate, dapodik: nil, plain: true, random: &random)
            writer.note(
                "asn:" + candidate.pnsID.lowercased(),
                "Guru in SIASN; one of several candidates of a row: not suggested")
        }
        note(person, "two SIASN candidates: none suggested (both stay missing from Dapodik)")
        count("nip_kosong_two_candidates")

        // NIPs destroyed by a spreadsheet; SIASN holds the person.
        let damages: [(String) -> String] = [NIP.scientific, { NIP.decimal($0, comma: true) }, NIP.rounded]
        let notes = ["scientific notation", "decimal part of zeros", "rounded to 15 digits, decimal part of zeros"]
        for (damage, text) in zip(damages, notes) {
            (person, _) = teacher()
            let damaged = damage(person.nip)
            try linked(person, file: text == notes[1] ? 1 : nil) { $0.nip = damaged }
            note(person, text)
            count("nip_rusak")
        }

        // 17 digits in Dapodik and PMM; SIASN holds the person.
        (person, _) = teacher()
        let short = String(person.nip.dropLast())
        try linked(person) { $0.nip = short }
        try guruSkp(person, nip: short, note: "PMM holds the same 17-digit NIP as Dapodik")
        count("nip_tidak_valid")

        // Invalid shapes, nobody in SIASN.
        let shapes: [(String, (String) -> String)] = [
            ("birth month 13", { String($0.prefix(4)) + "13" + String($0.dropFirst(6)) }),
            ("TMT month 13", { String($0.prefix(12)) + "13" + String($0.dropFirst(14)) }),
            ("19 digits", { $0 + "7" }),
        ]
        for (text, damage) in shapes {
            (person, _) = teacher()
            let damaged = damage(person.nip)
            try writer.dapodik(person, plain: true, random: &random) { $0.nip = damaged }
            note(person, text)
            count("nip_tidak_valid")
        }
        try plantUnknownNIPs()
        try plantDoubledNIPs()
    }

    /// Valid NIPs SIASN does not know.
    private mutating func plantUnknownNIPs() throws(SampleError) {
        // A slip: SIASN holds the person under the right NIP; PMM holds the slip.
        var (person, _) = teacher()
        var slip = mistyped(person)
        let first = slip
        try linked(person) { $0.nip = first }
        try guruSkp(person, nip: slip, note: "PMM holds Dapodik's mistyped NIP")
        count("nip_tidak_ditemukan")

        // The same slip; PMM holds the right NIP, which Dapodik does not know, at another school.
        let school: PlannedSchool
        (person, school) = teacher()
        slip = mistyped(person)
        let second = slip
        try linked(person) { $0.nip = second }
        try guruSkp(
            person, npsn: otherHost(than: school).real.npsn,
            note:
                "PMM holds the right NIP, which Dapodik does not know: that code alone"
                + " (no NPSN_SKP_BERBEDA, no penilai check)"
        )
        count("nip_tidak_ditemukan")

        // Not in SIASN; a namesake born on another day is no candidate (and is missing from Dapodik).
        (person, _) = teacher()
        try writer.dapodik(person, plain: true, random: &random)
        var namesake = writer.person(.asnTeacher(.pns), at: writer.host(), random: &random)
        namesake.name = person.name
        namesake.sex = person.sex
        namesake.birth = person.birth.adding(days: random.int(40...900))
        namesake.nip = writer.nips.pns(birth: namesake.birth, sex: namesake.sex, random: &random)
        try writer.siasn(namesake, dapodik: nil, plain: true, random: &random)
        writer.note("asn:" + namesake.pnsID.lowercased(), "Guru in SIASN; the namesake of a row born on another day")
        note(person, "not in SIASN; a namesake with another birth date is no candidate")
        try guruSkp(person, note: "a NIP SIASN does not know: that code alone")
        count("nip_tidak_ditemukan")

        // PMM's NIP is known to nobody.
        let stranger = writer.nips.pns(birth: Day.random(&random, years: 1970...1995), sex: .female, random: &random)
        try writer.skp(
            nip: stranger, npsn: writer.host().real.npsn, peran: .guru, penilai: nil, random: &random,
            note: "PMM's NIP is unknown to Dapodik and SIASN: that code alone")
        count("skp_nip_unknown")
    }

    /// One NIP on two Dapodik people.
    private mutating func plantDoubledNIPs() throws(SampleError) {
        // The same person registered twice (another school, a name typed differently).
        var (person, school) = teacher()
        try linked(person)
        var again = person
        again.ptkID = Identifiers.uuid(&random)
        again.npsn = otherHost(than: school).real.npsn
        let otherName = NameBank.name(person.sex, &random)
        try writer.dapodik(again, plain: true, random: &random) { $0.nama = otherName }
        for copy in [person, again] { note(copy, "the same NIP registered twice (once under another name)") }
        writer.negative(
            ("NAMA_BERBEDA", "rows of a doubled NIP are not linked: no attribute checks"), for: again,
            always: true, byIDOnly: true)
        writer.negative(
            code: "ASN_TIDAK_ADA_DI_DAPODIK", pnsID: person.pnsID,
            why: "its NIP is carried by Dapodik ASN rows (doubled: NIP_GANDA), so not missing", always: true)
        try guruSkp(
            person, npsn: again.npsn,
            note:
                "the NIP is on two people: NIP_GANDA alone (no NPSN or penilai check),"
                + " even where the SKP was made at the other one's school"
        )
        count("nip_ganda")

        // Another person's NIP typed in.
        (person, school) = teacher()
        try linked(person)
        let other = writer.person(.asnTeacher(.pns), at: otherHost(than: school), random: &random)
        let borrowed = person.nip
        try writer.dapodik(other, plain: true, random: &random) { $0.nip = borrowed }
        for copy in [person, other] { note(copy, "another person's NIP typed in") }
        count("nip_ganda")

        // Registered twice under a NIP SIASN does not have.
        (person, school) = teacher(.pppk)
        try writer.dapodik(person, plain: true, random: &random)
        again = person
        again.ptkID = Identifiers.uuid(&random)
        again.npsn = otherHost(than: school).real.npsn
        try writer.dapodik(again, plain: true, random: &random)
        for copy in [person, again] {
            note(copy, "registered twice under a NIP SIASN does not have")
            writer.negative(
                ("NIP_TIDAK_DITEMUKAN", "NIP_GANDA comes first in the catalogue"), for: copy, always: true,
                byIDOnly: true)
        }
        count("nip_ganda")
    }

    /// SIASN people Dapodik lacks, and some it rightly lacks.
    mutating func plantMissingFromDapodik() throws(SampleError) {
        for _ in 0..<2 {
            let person = writer.person(.asnTeacher(.pns), at: writer.host(), random: &random)
            try writer.siasn(person, dapodik: nil, plain: true, random: &random)
            writer.note("asn:" + person.pnsID.lowercased(), "Guru in SIASN")
            count("asn_tidak_ada")
        }
        var school = writer.host()
        var person = writer.person(.administration(asn: true), at: school, random: &random)
        person.unitID = school.seatUnit
        person.unitName = writer.plan.unitNames[school.seatUnit] ?? ""
        try writer.siasn(person, dapodik: nil, plain: true, random: &random)
        writer.note("asn:" + person.pnsID.lowercased(), "in a school's unit")
        count("asn_tidak_ada")
        if let withSub = writer.hostWithSubUnits {
            school = withSub
            person = writer.person(.administration(asn: true), at: school, random: &random)
            person.unitID = school.subUnits[0]
            person.unitName = writer.plan.unitNames[person.unitID] ?? ""
            try writer.siasn(person, dapodik: nil, plain: true, random: &random)
            writer.note("asn:" + person.pnsID.lowercased(), "in a sub-unit of a school's unit")
            count("asn_tidak_ada")
        }
        for ending in ["Pensiun", "Meninggal"] {
            person = writer.person(.asnTeacher(.pns), at: writer.host(), random: &random)
            person.kedudukan = ending
            try writer.siasn(person, dapodik: nil, plain: true, random: &random)
            writer.negative(
                code: "ASN_TIDAK_ADA_DI_DAPODIK", pnsID: person.pnsID,
                why: "SIASN \(ending): never missing from Dapodik", always: true)
        }
    }
}
