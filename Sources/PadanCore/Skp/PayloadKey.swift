/// An SKP payload's `idempotency_key`: the SHA-256 of its canonical JSON (`skp-payload.schema.json`).
///
/// Kept as its 32 bytes (four words) rather than 64 hex characters: a national run holds 1.6 million keys
/// in a set and an array or two, where each key as a `String` was a heap block of 112 bytes. ``hex`` is
/// the text files and the store hold.
public struct PayloadKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Big-endian words: comparing them in order compares the hex text.
    private let a: UInt64, b: UInt64, c: UInt64, d: UInt64

    /// The key of a digest's 32 bytes (fewer bytes are padded with zeros, more ignored).
    public init(digest bytes: UnsafeRawBufferPointer) {
        func word(_ at: Int) -> UInt64 {
            var value: UInt64 = 0
            for i in at..<(at + 8) { value = value << 8 | UInt64(i < bytes.count ? bytes[i] : 0) }
            return value
        }
        (a, b, c, d) = (word(0), word(8), word(16), word(24))
    }

    /// The key of a digest's 32 bytes.
    public init(digest bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { PayloadKey(digest: $0) }
    }

    /// The key written as 64 hex digits (either case); nil for anything else.
    public init?(hex: String) {
        var hex = hex
        guard let key = hex.withUTF8({ PayloadKey(hexBytes: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = key
    }

    /// The key from the UTF-8 bytes of 64 hex digits (either case); nil for anything else.
    public init?(hexBytes utf8: UnsafeRawBufferPointer) {
        guard utf8.count == 64 else { return nil }
        func word(_ at: Int) -> UInt64? {
            var value: UInt64 = 0
            for i in at..<(at + 16) {
                guard let nibble = HexDigits.value(utf8[i]) else { return nil }
                value = value << 4 | UInt64(nibble)
            }
            return value
        }
        guard let a = word(0), let b = word(16), let c = word(32), let d = word(48) else { return nil }
        (self.a, self.b, self.c, self.d) = (a, b, c, d)
    }

    /// `body` of the key's 32 bytes, in order (the digest itself: what the store keeps).
    public func withDigest<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: (a.bigEndian, b.bigEndian, c.bigEndian, d.bigEndian)) { try body($0) }
    }

    /// Lower-case hex, 64 digits: the `idempotency_key` as written.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { out in
            writeHex(into: out)
            return 64
        }
    }

    /// Writes the 64 lower-case hex digits over the first 64 bytes of `out`.
    public func writeHex(into out: UnsafeMutableBufferPointer<UInt8>) {
        precondition(out.count >= 64, "PayloadKey.writeHex: room for 64 digits needed")
        HexDigits.write(a, into: out, at: 0)
        HexDigits.write(b, into: out, at: 16)
        HexDigits.write(c, into: out, at: 32)
        HexDigits.write(d, into: out, at: 48)
    }

    /// Appends the 64 lower-case hex digits to `out` (payload lines are written as bytes).
    public func appendHex(to out: inout [UInt8]) {
        out.appendWritten(64) { writeHex(into: $0) }
    }

    public var description: String { hex }

    /// The first 8 bytes (keys are SHA-256 digests: as good a hash as the whole).
    public var prefix: UInt64 { a }

    public static func < (x: PayloadKey, y: PayloadKey) -> Bool { (x.a, x.b, x.c, x.d) < (y.a, y.b, y.c, y.d) }
}

/// Which payload keys were seen: what `skp/delta.jsonl` needs while it is streamed (each new key once).
///
/// Holds only each key's first 8 bytes and where the key came from (a payload's row, in 32 bits): 16 bytes
/// a slot, where the keys themselves beside a table were 64 MB at the national scale's 1.3 million keys.
/// When a key's first 8 bytes match an earlier key's, the earlier key is made again from its source
/// (`keyAt`) and compared whole: equal payloads (a row given twice) are caught exactly, and keys that only
/// share their first bytes (never seen in practice, but possible) are kept apart in a small set.
public struct PayloadKeySet: Sendable {
    private var byPrefix: UInt64Table<Int32>
    private var sharingPrefix = Set<PayloadKey>()
    /// How many distinct keys were inserted.
    public private(set) var count = 0

    /// An empty set with room for `minimumCapacity` keys before it grows.
    public init(minimumCapacity: Int = 0) {
        byPrefix = UInt64Table(minimumCapacity: minimumCapacity)
    }

    /// Loads the table's slots for `keys` at once, before they are inserted one by one (``Lookahead``).
    public func prefetch(_ keys: ArraySlice<PayloadKey>) {
        var ahead = Lookahead()
        for key in keys { ahead.keys.append(key.prefix) }
        ahead.prefetch(in: byPrefix)
    }

    /// Adds `key`, which came from `source` (0 ..< 2³¹), unless it is already in; true when it was new.
    /// `keyAt` gives again the key of an earlier source.
    public mutating func insert(_ key: PayloadKey, from source: Int, keyAt: (Int) -> PayloadKey) -> Bool {
        if let earlier = byPrefix[key.prefix] {
            guard keyAt(Int(earlier)) != key, sharingPrefix.insert(key).inserted else { return false }
        } else {
            byPrefix.set(Int32(source), for: key.prefix)
        }
        count += 1
        return true
    }
}

/// The payload keys earlier runs emitted, for asking whether a key is among them.
///
/// The keys sorted, with where each of 65,536 buckets of their first two bytes starts (keys are SHA-256
/// digests, so the buckets are even, about 20 keys each nationally): 32 bytes a key, where a `Set` took 52
/// (67 MB for a national store's 1.3 million keys, held through a second run's write stage, against 41 MB),
/// and a lookup is a binary search of a few steps inside one bucket.
public struct PayloadKeyIndex: Sendable, Equatable {
    private let keys: [PayloadKey]
    /// `starts[b] ..< starts[b + 1]`: the positions of the keys whose first two bytes are `b`.
    private let starts: [Int32]

    /// The distinct keys of `keys` (any order; already sorted is cheapest).
    public init(_ keys: [PayloadKey]) {
        var sorted = keys
        if zip(sorted, sorted.dropFirst()).contains(where: { $0 >= $1 }) { sorted = Self.sortedDistinct(keys) }
        var starts = [Int32](repeating: 0, count: Self.buckets + 1)
        for key in sorted { starts[Self.bucket(key) + 1] += 1 }
        for b in 0..<Self.buckets { starts[b + 1] += starts[b] }
        self.keys = sorted
        self.starts = starts
    }

    static let buckets = 1 << 16

    /// The distinct keys of `keys`, in order (``bucketSorted(_:)``, then each repeat dropped).
    public static func sortedDistinct(_ keys: [PayloadKey]) -> [PayloadKey] {
        var sorted = bucketSorted(keys)
        var last: PayloadKey?
        sorted.removeAll { key in
            defer { last = key }
            return key == last
        }
        return sorted
    }

    /// `keys` in order: placed by bucket, then each bucket (about 20 keys) sorted. A store's keys come as
    /// blocks, each in order; one comparison sort of them all was most of reading a national store's keys.
    static func bucketSorted(_ keys: [PayloadKey]) -> [PayloadKey] {
        var next = [Int](repeating: 0, count: buckets + 1)
        for key in keys { next[bucket(key) + 1] += 1 }
        for b in 0..<buckets { next[b + 1] += next[b] }
        let starts = next
        var sorted = [PayloadKey](unsafeUninitializedCapacity: keys.count) { out, count in
            for key in keys {
                let b = bucket(key)
                out.initializeElement(at: next[b], to: key)
                next[b] += 1
            }
            count = keys.count
        }
        for b in 0..<buckets where starts[b + 1] - starts[b] > 1 { sorted[starts[b]..<starts[b + 1]].sort() }
        return sorted
    }

    static func bucket(_ key: PayloadKey) -> Int { Int(truncatingIfNeeded: key.prefix >> 48) }

    /// How many distinct keys.
    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }
    /// The keys, in order.
    public var sortedKeys: [PayloadKey] { keys }

    public func contains(_ key: PayloadKey) -> Bool {
        let b = Self.bucket(key)
        var low = Int(starts[b]), high = Int(starts[b + 1])
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < Int(starts[b + 1]) && keys[low] == key
    }

    public static func == (a: PayloadKeyIndex, b: PayloadKeyIndex) -> Bool { a.keys == b.keys }
}
