/// Synthetic identifiers in the shapes the source systems use.
package enum Identifiers {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// 32 hex characters (SIASN's usual id), lower- or upper-case.
    package static func hex32(_ random: inout SampleRandom, upper: Bool) -> String {
        hex(random.next(), random.next(), upper: upper, dashed: false)
    }

    /// A random version-4 UUID with dashes, lower-case (Dapodik's `ptk_id`, SIASN's newer ids).
    package static func uuid(_ random: inout SampleRandom, upper: Bool = false) -> String {
        var high = random.next()
        var low = random.next()
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return hex(high, low, upper: upper, dashed: true)
    }

    /// A SIASN id: mostly 32 hex characters in either case, sometimes a dashed UUID.
    package static func siasnID(_ random: inout SampleRandom, dashedShare: Double = 0.12) -> String {
        if random.chance(dashedShare) { return uuid(&random, upper: random.chance(0.3)) }
        return hex32(&random, upper: random.chance(0.5))
    }

    /// A 16-digit number (NIK, NUPTK) that does not start with 0.
    package static func digits16(_ random: inout SampleRandom) -> String {
        String(1_000_000_000_000_000 + random.int(0..<9_000_000_000_000_000))
    }

    /// A 9-digit `nip_lama`.
    package static func nipLama(_ random: inout SampleRandom) -> String {
        String(100_000_000 + random.int(0..<900_000_000))
    }

    private static func hex(_ high: UInt64, _ low: UInt64, upper: Bool, dashed: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for (index, word) in [high, low].enumerated() {
            for nibble in 0..<16 {
                let position = index * 16 + nibble
                if dashed, [8, 12, 16, 20].contains(position) { bytes.append(UInt8(ascii: "-")) }
                var digit = hexDigits[Int((word >> UInt64(60 - nibble * 4)) & 0xF)]
                if upper, digit >= UInt8(ascii: "a") { digit -= 32 }
                bytes.append(digit)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
