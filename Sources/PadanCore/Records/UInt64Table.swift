/// A hash table from 64-bit keys (NIPs as 18-digit numbers, the first 8 bytes of payload keys) to integers
/// (positions in a table).
///
/// Open addressing with linear probing and a multiplicative hash: one multiply per lookup where `Dictionary`
/// runs SipHash, and one cache miss where it takes two. At national scale the NIP tables hold millions of
/// keys and are asked for every PTK, SIASN and SKP row; through `Dictionary` the lookups were a third of the
/// exact linking stage. Filled to three quarters at most: about the memory of a `Dictionary` of the same.
public struct UInt64Table<Value: FixedWidthInteger & Sendable>: Sendable {
    // Key 0 marks an empty slot; a key that is 0 is kept aside.
    private var keys: [UInt64]
    private var values: [Value]
    private var zero: Value?
    private var shift: UInt64
    /// How many keys the table holds.
    public private(set) var count = 0

    /// An empty table with room for `minimumCapacity` keys before it grows.
    public init(minimumCapacity: Int = 0) {
        var slots = 16
        while slots * 3 < minimumCapacity * 4 { slots *= 2 }
        keys = Array(repeating: 0, count: slots)
        values = Array(repeating: 0, count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
    }

    /// The value of `key`, or nil; setting nil is not supported (nothing is ever removed).
    public subscript(key: UInt64) -> Value? {
        if key == 0 { return zero }
        var i = slot(key)
        while true {
            let found = keys[i]
            if found == key { return values[i] }
            if found == 0 { return nil }
            i = (i + 1) & (keys.count - 1)
        }
    }

    /// Sets the value of `key`, added or replaced.
    public mutating func set(_ value: Value, for key: UInt64) {
        if key == 0 {
            if zero == nil { count += 1 }
            zero = value
            return
        }
        if (count + 1) * 4 > keys.count * 3 { grow() }
        var i = slot(key)
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & (keys.count - 1) }
        if keys[i] == 0 { count += 1 }
        keys[i] = key
        values[i] = value
    }

    /// Sets the value of `key` unless it has one; returns the value it already had (nil when set now).
    public mutating func setIfAbsent(_ value: Value, for key: UInt64) -> Value? {
        if let known = self[key] { return known }
        set(value, for: key)
        return nil
    }

    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = zero == nil ? 0 : 1
        for i in oldKeys.indices where oldKeys[i] != 0 { set(oldValues[i], for: oldKeys[i]) }
    }
}
