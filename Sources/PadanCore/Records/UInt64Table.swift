import Synchronization

/// A hash table from 64-bit keys (NIPs as 18-digit numbers, the first 8 bytes of payload keys) to integers
/// (positions in a table).
///
/// Open addressing with linear probing and a multiplicative hash: one multiply per lookup where `Dictionary`
/// runs SipHash, and one cache miss where it takes two. At national scale the NIP tables hold millions of
/// keys and are asked for every PTK, SIASN and SKP row; through `Dictionary` the lookups were a third of the
/// exact linking stage. Filled to three quarters at most: about the memory of a `Dictionary` of the same.
public struct UInt64Table<Value: FixedWidthInteger & Sendable>: Sendable {
    /// A key and its value side by side (key 0 marks an empty slot; a key that is 0 is kept aside). In two arrays,
    /// a lookup of a table of millions missed the cache twice, for the key and then for its value (matching people
    /// nationally, one core: 1.08–1.22 → 1.00–1.05 s). For a 4-byte value a slot takes 16 bytes instead of 12.
    private struct Slot: Sendable {
        var key: UInt64
        var value: Value
    }
    private var slots: [Slot]
    private var zero: Value?
    private var shift: UInt64
    /// How many keys the table holds.
    public private(set) var count = 0

    /// An empty table with room for `minimumCapacity` keys before it grows.
    public init(minimumCapacity: Int = 0) {
        let size = OpenAddressing.size(holding: minimumCapacity)
        slots = Array(repeating: Slot(key: 0, value: 0), count: size.slots)
        shift = size.shift
    }

    /// The value of `key`, or nil; setting nil is not supported (nothing is ever removed).
    public subscript(key: UInt64) -> Value? {
        if key == 0 { return zero }
        return slots.withUnsafeBufferPointer { slots in
            var i = slot(key)
            while true {
                let found = slots[i]
                if found.key == key { return found.value }
                if found.key == 0 { return nil }
                i = (i + 1) & (slots.count - 1)
            }
        }
    }

    /// Sets the value of `key`, added or replaced.
    public mutating func set(_ value: Value, for key: UInt64) {
        if key == 0 {
            if zero == nil { count += 1 }
            zero = value
            return
        }
        if OpenAddressing.isFull(count, of: slots.count) { grow() }
        let start = slot(key)
        let added = slots.withUnsafeMutableBufferPointer { slots in
            var i = start
            while slots[i].key != 0 && slots[i].key != key { i = (i + 1) & (slots.count - 1) }
            let added = slots[i].key == 0
            slots[i] = Slot(key: key, value: value)
            return added
        }
        if added { count += 1 }
    }

    /// Sets the value of `key` unless it has one; returns the value it already had (nil when set now).
    public mutating func setIfAbsent(_ value: Value, for key: UInt64) -> Value? {
        if let known = self[key] { return known }
        set(value, for: key)
        return nil
    }

    /// Loads the slot each of `keys` is looked for first, all at once, so that the lookups right after find them in
    /// the cache. Looked up one by one, each key of a table of millions waits for memory before the next is asked;
    /// these loads do not depend on each other, so the processor has them all on the way together.
    public func prefetch(_ keys: UnsafeBufferPointer<UInt64>) {
        slots.withUnsafeBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            // Each read as an atomic (relaxed: on x86 a plain load), which the optimizer keeps although nothing
            // uses it. An ordinary load's value passed to a function that ignores it was removed by link-time
            // optimization, and the lookups missed the cache as before.
            for key in keys {
                let slot = UnsafeRawPointer(base + slot(key)).assumingMemoryBound(to: Atomic<UInt64>.self)
                _ = slot.pointee.load(ordering: .relaxed)
            }
        }
    }

    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, value: 0), count: old.count * 2)
        shift -= 1
        count = zero == nil ? 0 : 1
        for entry in old where entry.key != 0 { set(entry.value, for: entry.key) }
    }
}

/// The sizing both open-addressing tables share (``UInt64Table``, ``SiasnIDIndex``): a power of two of slots, filled
/// to three quarters at most.
enum OpenAddressing {
    /// The slots for `keys` keys, and the shift that takes a 64-bit hash's top bits to one of them.
    static func size(holding keys: Int) -> (slots: Int, shift: UInt64) {
        var slots = 16
        while slots * 3 < keys * 4 { slots *= 2 }
        return (slots, UInt64(64 - slots.trailingZeroBitCount))
    }

    /// Whether a table of `count` keys in `slots` slots must grow before it takes one more.
    static func isFull(_ count: Int, of slots: Int) -> Bool { (count + 1) * 4 > slots * 3 }
}

/// Batches of table lookups whose slots are loaded first, all together (``UInt64Table/prefetch(_:)``).
///
/// At national scale the tables of NIPs and identities are tens of megabytes, and nearly every lookup misses the
/// cache: matching people took 20 times as long as at 10% for 10 times the rows.
public struct Lookahead {
    /// Keys per batch. National, one core, matching people then deciding: 16, 0.74 and 0.78–0.80 s; 32, 0.68–0.70
    /// and 0.72–0.79 s; 64, 0.67–0.69 and 0.73–0.82 s.
    public static let size = 32

    /// The keys of the batch at hand.
    public var keys: [UInt64] = []

    public init() { keys.reserveCapacity(Self.size * 2) }

    /// `range` cut into batches of ``size``, in order.
    public static func batches(_ range: Range<Int>) -> some Sequence<Range<Int>> {
        stride(from: range.lowerBound, to: range.upperBound, by: size).lazy.map {
            $0..<min($0 + size, range.upperBound)
        }
    }

    /// Loads the slots of ``keys`` in `table`.
    public func prefetch<Value>(in table: UInt64Table<Value>) { keys.withUnsafeBufferPointer { table.prefetch($0) } }

    /// Loads the slots of ``keys`` in `index`.
    public func prefetch(in index: NIPIndex) { keys.withUnsafeBufferPointer { index.prefetch($0) } }

    /// Loads the elements of `array` at `positions` (the first cache line of each).
    public static func touch<Element>(_ array: [Element], at positions: [UInt64]) {
        array.withUnsafeBufferPointer { elements in
            guard let base = elements.baseAddress else { return }
            for position in positions where position < elements.count {
                let first = UnsafeRawPointer(base + Int(position)).assumingMemoryBound(to: Atomic<UInt8>.self)
                _ = first.pointee.load(ordering: .relaxed)
            }
        }
    }
}
