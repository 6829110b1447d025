/// Invented Indonesian names: common given names and family or second names combined at random,
/// never taken from any register.
enum NameBank {
    static let male = [
        "Agus", "Ahmad", "Andi", "Anwar", "Arif", "Bambang", "Bayu", "Budi", "Dedi", "Didik", "Eko", "Edi", "Fajar",
        "Gatot", "Hadi", "Hasan", "Hendra", "Heru", "Ilham", "Imam", "Irfan", "Joko", "Kusnadi", "Lukman", "Mulyono",
        "Muhammad", "Nur", "Priyo", "Rahmat", "Rudi", "Slamet", "Sugeng", "Supriyadi", "Sutrisno", "Taufik", "Teguh",
        "Wahyu", "Yudi", "Yusuf", "Zainal", "Aris", "Danang", "Fauzan", "Guntur", "Hariyanto", "Iwan", "Jarot",
        "Kukuh", "Mahmud", "Nanang", "Purwanto", "Ridwan", "Sigit", "Tri", "Untung", "Wawan", "Yoga", "Zulkifli",
    ]
    static let female = [
        "Ani", "Anis", "Ayu", "Dewi", "Diah", "Dwi", "Eka", "Endang", "Erna", "Fitri", "Heni", "Indah", "Kartini",
        "Laila", "Lina", "Mega", "Nanik", "Novi", "Nur", "Putri", "Ratna", "Retno", "Rina", "Siti", "Sri", "Suci",
        "Sulastri", "Tutik", "Umi", "Wahyuni", "Wulan", "Yeni", "Yuli", "Winarsih", "Anggun", "Bella", "Citra",
        "Dian", "Elok", "Farida", "Galuh", "Hesti", "Ika", "Juwita", "Kurnia", "Lestari", "Maya", "Nadia", "Oktavia",
        "Puji", "Rahayu", "Sari", "Titik", "Utami", "Vivi", "Yanti", "Zahro",
    ]
    /// Second names used for men (and, for some, women too).
    static let family = [
        "Susanto", "Wibowo", "Prasetyo", "Hidayat", "Santoso", "Kurniawan", "Setiawan", "Nugroho", "Saputra",
        "Pratama", "Wijaya", "Hakim", "Effendi", "Fauzi", "Maulana", "Rahman", "Hartono", "Suharto", "Wahyudi",
        "Ramadhan", "Syahputra", "Hasyim", "Firmansyah", "Mahfud", "Purnomo", "Sasongko", "Hermawan", "Gunawan",
    ]
    /// Second names used for women.
    static let femaleFamily = [
        "Aminah", "Rahayu", "Hasanah", "Lestari", "Handayani", "Puspitasari", "Kurniawati", "Fatimah", "Maisaroh",
        "Mardiyah", "Zulaikha", "Setyowati", "Suryani", "Mulyani", "Safitri", "Anggraini", "Hidayati", "Nurhayati",
        "Astuti", "Wahyuningsih", "Khotimah", "Rohmah", "Sholihah", "Wulandari", "Permatasari", "Yuliana",
    ]
    static let frontTitles = [["Drs."], ["Dra."], ["Dr."], ["H."], ["Hj."], ["Ir."], ["Drs.", "H."], ["Dra.", "Hj."]]
    static let backTitles = [
        ["S.Pd."], ["S.Pd.", "M.Pd."], ["S.Pd.SD"], ["S.Ag."], ["S.Si."], ["S.Kom."], ["S.Pd.I"], ["A.Ma."],
        ["S.Pd.", "Gr."], ["S.Pd.", "M.M."], ["S.E."], ["S.Pd.", "M.Si."],
    ]
    /// Names with letters beyond ASCII that Windows-1252 can also hold.
    static let nonASCII = ["Ni Made Sukarmá", "Désy Ratnasari", "Maria Agnès Wulandari", "Yohanes Müller Simanjuntak"]

    /// A name of two or three words for someone of `sex`.
    static func name(_ sex: Sex, _ random: inout SampleRandom) -> String {
        let given = sex == .male ? male : female
        let last = sex == .male ? family : (random.chance(0.8) ? femaleFamily : family)
        let first = random.pick(given)
        if random.chance(0.3) {
            var second = random.pick(given)
            while second == first { second = random.pick(given) }
            return first + " " + second + " " + random.pick(last)
        }
        return first + " " + random.pick(last)
    }

    /// Front titles (often none) for someone of `sex`.
    static func front(_ sex: Sex, _ random: inout SampleRandom) -> [String] {
        guard random.chance(0.12) else { return [] }
        let titles = random.pick(frontTitles)
        let female = titles.contains("Dra.") || titles.contains("Hj.")
        let male = titles.contains("Drs.") || titles.contains("H.")
        if (sex == .male && female) || (sex == .female && male) { return ["Dr."] }
        return titles
    }

    /// Back titles (usually some, for a teacher).
    static func back(_ random: inout SampleRandom) -> [String] {
        random.chance(0.75) ? random.pick(backTitles) : []
    }
}
