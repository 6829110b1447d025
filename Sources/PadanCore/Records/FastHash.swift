/// The hash that dictionaries and sets of the records' ids use (`_rawHashValue(seed:)`), in place of
/// `Hasher`'s SipHash over the same bits.
///
/// Ids are looked up millions of times a national run: finding the duplicate `pns_id`s of 1.7 million SIASN
/// rows alone took 0.4 s on one core, most of it in `Hasher`. This is a 64-bit mixer (SplitMix64's
/// finalizer, twice) of the id's bits and the process's per-run seed, so equal ids hash equally and the
/// layout of a table still changes from run to run. The ids come from the registers' exports, not from
/// strangers, and a table of colliding ids only gets slower.
enum FastHash {
    static func mix(_ a: UInt64, _ b: UInt64, seed: Int) -> Int {
        var x = a ^ (UInt64(UInt(bitPattern: seed)) &* 0x9E37_79B9_7F4A_7C15)
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        x ^= b
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: x ^ (x >> 31))
    }
}
