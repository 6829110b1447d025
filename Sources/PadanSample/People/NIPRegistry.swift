/// Hands out NIPs no one else in the region holds, so that a doubled NIP is always a planted one.
package struct NIPRegistry: Sendable {
    /// NIPs as numbers (18 digits fit in 63 bits): a national region holds about 1.8 million.
    private var used = Set<UInt64>()

    private mutating func insert(_ nip: String) -> Bool {
        guard let number = UInt64(nip) else { return true }
        return used.insert(number).inserted
    }

    /// A fresh PNS NIP for someone born on `birth`: TMT 20 to 34 years after birth (not after 2023).
    mutating func pns(birth: Day, sex: Sex, random: inout SampleRandom) -> String {
        let latest = min(2023, birth.year + 34)
        let earliest = min(latest, birth.year + 20)
        while true {
            let nip = NIP.pns(
                birth: birth, tmtYear: random.int(earliest...latest), tmtMonth: random.int(1...12),
                sex: sex, serial: random.int(1...999))
            if insert(nip) { return nip }
        }
    }

    /// A fresh PPPK NIP: appointed 2019–2024, stage digit 1–3.
    mutating func pppk(birth: Day, sex: Sex, random: inout SampleRandom) -> String {
        while true {
            let nip = NIP.pppk(
                birth: birth, year: random.int(2019...2024), stage: random.int(1...3), sex: sex,
                serial: random.int(1...999))
            if insert(nip) { return nip }
        }
    }
}
