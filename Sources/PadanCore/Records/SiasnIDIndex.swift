/// Positions (of SIASN units) by id: open addressing over one array of slots holding the id's two words and the
/// position together.
///
/// The unit of a SIASN person is looked up for every linked person by three `UNOR_*` rules and for each
/// penilai of the payloads, in no order of units: through `Dictionary` each lookup of the 185,000 national units
/// missed the cache twice (the key, then the value apart from it), here once.
public struct SiasnIDIndex: Sendable {
    /// An id's words and its position plus one (0: an empty slot).
    private struct Slot: Sendable {
        var hi: UInt64 = 0
        var lo: UInt64 = 0
        var position: Int32 = 0
    }
    private var slots: [Slot]
    private var shift: UInt64
    /// How many ids the index holds.
    public private(set) var count = 0

    /// An empty index with room for `minimumCapacity` ids before it grows.
    public init(minimumCapacity: Int = 0) {
        let size = OpenAddressing.size(holding: minimumCapacity)
        slots = Array(repeating: Slot(), count: size.slots)
        shift = size.shift
    }

    /// The position of `id`, or nil.
    public subscript(id: SiasnID) -> Int? {
        let (hi, lo) = id.words
        return slots.withUnsafeBufferPointer { slots in
            var i = slot(hi, lo)
            while true {
                let found = slots[i]
                if found.position == 0 { return nil }
                if found.hi == hi, found.lo == lo { return Int(found.position) - 1 }
                i = (i + 1) & (slots.count - 1)
            }
        }
    }

    /// Sets the position of `id` unless it has one (the first of several units with one id stands); returns the
    /// position it already had (nil when set now).
    @discardableResult
    public mutating func setIfAbsent(_ position: Int, for id: SiasnID) -> Int? {
        if let known = self[id] { return known }
        if OpenAddressing.isFull(count, of: slots.count) { grow() }
        insert(Int32(position) + 1, hi: id.words.hi, lo: id.words.lo)
        count += 1
        return nil
    }

    /// Puts a new key's slot (`stored`: its position plus one) in the first free slot of its run.
    private mutating func insert(_ stored: Int32, hi: UInt64, lo: UInt64) {
        let start = slot(hi, lo)
        slots.withUnsafeMutableBufferPointer { slots in
            var i = start
            while slots[i].position != 0 { i = (i + 1) & (slots.count - 1) }
            slots[i] = Slot(hi: hi, lo: lo, position: stored)
        }
    }

    private func slot(_ hi: UInt64, _ lo: UInt64) -> Int {
        Int(truncatingIfNeeded: ((hi ^ (lo &* 0xBF58_476D_1CE4_E5B9)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        shift -= 1
        for entry in old where entry.position != 0 { insert(entry.position, hi: entry.hi, lo: entry.lo) }
    }
}
