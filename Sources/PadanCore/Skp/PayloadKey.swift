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

    /// Lower-case hex, 64 digits: the `idempotency_key` as written.
    public var hex: String {
        var out = [UInt8]()
        appendHex(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the 64 lower-case hex digits to `out` (payload lines are written as bytes).
    public func appendHex(to out: inout [UInt8]) {
        out.reserveCapacity(out.count + 64)
        HexDigits.append(a, to: &out)
        HexDigits.append(b, to: &out)
        HexDigits.append(c, to: &out)
        HexDigits.append(d, to: &out)
    }

    public var description: String { hex }

    /// The first 8 bytes (keys are SHA-256 digests: as good a hash as the whole).
    public var prefix: UInt64 { a }

    public static func < (x: PayloadKey, y: PayloadKey) -> Bool { (x.a, x.b, x.c, x.d) < (y.a, y.b, y.c, y.d) }
}

/// Distinct payload keys in the order first inserted: what `skp/delta.jsonl` needs while it is streamed.
///
/// Indexed by each key's first 8 bytes, pointing into the key list, rather than a `Set<PayloadKey>` beside
/// the list: 12 bytes a slot instead of 32, about 80 MB less at the national scale's 1.6 million keys. Keys
/// that share a first 8 bytes with an earlier one (never seen in practice, but possible) are kept exact in
/// a small set.
public struct PayloadKeyList: Sendable {
    private var byPrefix = UInt64Table<Int32>()
    private var sharingPrefix = Set<PayloadKey>()
    /// Every key inserted, once each, in order.
    public private(set) var keys: [PayloadKey] = []

    public init() {}

    /// Adds `key` unless it is already in; true when it was new.
    public mutating func insert(_ key: PayloadKey) -> Bool {
        if let at = byPrefix[key.prefix] {
            guard keys[Int(at)] != key, sharingPrefix.insert(key).inserted else { return false }
        } else {
            byPrefix.set(Int32(keys.count), for: key.prefix)
        }
        keys.append(key)
        return true
    }

    public func contains(_ key: PayloadKey) -> Bool {
        guard let at = byPrefix[key.prefix] else { return false }
        return keys[Int(at)] == key || sharingPrefix.contains(key)
    }
}
