import CSHA256x16
import Crypto
import Foundation
import PadanCore

/// Lines of JSON written straight into memory of their own through a pointer, for the payload lines: the
/// same bytes ``JSONBytes`` writes (strings escaped as Python's `json.dumps(..., ensure_ascii=False)`).
///
/// A payload line is about forty pieces; through `[UInt8].append(contentsOf:)` each paid the array's
/// uniqueness and capacity checks and a generic copy, a fifth of encoding the national 1.3 GB of lines
/// (`padan-stage-bench`, `payload_lines`). Here each piece is one capacity check and one copy. The bytes are
/// handed over whole, without a copy, as a ``ByteBlock`` (``finish()``).
package struct JSONLines: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far.
    package private(set) var count = 0

    package init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, handed over (this buffer ends).
    package consuming func finish() -> ByteBlock {
        let block = ByteBlock(base: base, count: count)
        discard self
        return block
    }

    /// The bytes written so far, for a moment.
    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(n) }
    }

    private mutating func grow(_ n: Int) {
        var newCapacity = capacity * 2
        while count + n > newCapacity { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    package mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    /// Appends bytes as they are.
    @inline(__always)
    package mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends bytes as they are.
    package mutating func raw(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { raw($0) }
    }

    /// Appends JSON punctuation and member names written in the code, from the literal's bytes.
    @inline(__always)
    package mutating func literal(_ text: StaticString) {
        raw(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends an integer.
    package mutating func int(_ n: Int) {
        reserve(20)
        var value = n.magnitude
        var digits = 0
        repeat {
            digits += 1
            value /= 10
        } while value > 0
        if n < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        value = n.magnitude
        for i in stride(from: count + digits - 1, through: count, by: -1) {
            base[i] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
        count += digits
    }

    /// Appends a JSON string literal.
    package mutating func string(_ s: String) {
        if let done = s.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) { return done }
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    /// Appends a JSON string literal, or `null`.
    package mutating func string(_ s: String?) {
        if let s { string(s) } else { literal("null") }
    }

    /// Appends a SIASN id as a JSON string literal (hex digits and dashes: nothing to escape).
    package mutating func string(_ id: SiasnID) {
        byte(UInt8(ascii: "\""))
        reserve(36)
        count += id.writeText(into: UnsafeMutableBufferPointer(start: base + count, count: 36))
        byte(UInt8(ascii: "\""))
    }

    /// Appends a digit text as a JSON string literal (its compact forms need no escape; the text kept as
    /// written is escaped as any).
    package mutating func string(_ digits: DigitText) {
        guard case .digits(_, let length) = digits else { return string(digits.text) }
        byte(UInt8(ascii: "\""))
        reserve(Int(length))
        count += digits.writeDigitRun(into: UnsafeMutableBufferPointer(start: base + count, count: Int(length))) ?? 0
        byte(UInt8(ascii: "\""))
    }

    /// Appends `utf8` as a JSON string literal: copied whole when nothing in it needs escaping (nearly always),
    /// else escaped by ``JSONBytes``.
    private mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        if JSONBytes.needsEscape(utf8) {
            var escaped = JSONBytes(capacity: utf8.count + 16)
            escaped.string(utf8: utf8)
            raw(escaped.bytes)
            return
        }
        reserve(utf8.count + 2)
        base[count] = UInt8(ascii: "\"")
        if let source = utf8.baseAddress { (base + count + 1).update(from: source, count: utf8.count) }
        base[count + 1 + utf8.count] = UInt8(ascii: "\"")
        count += utf8.count + 2
    }

    /// Appends room for a payload key's 64 hex digits (filled by ``fillHex(_:at:)``); returns where.
    package mutating func hexPlaceholder() -> Int {
        reserve(64)
        let at = count
        count += 64
        return at
    }

    /// Writes a payload key's 64 hex digits over the room ``hexPlaceholder()`` made at `at`.
    package func fillHex(_ key: PayloadKey, at: Int) {
        precondition(at >= 0 && at + 64 <= count, "JSONLines.fillHex: no room made at \(at)")
        key.writeHex(into: UnsafeMutableBufferPointer(start: base + at, count: 64))
    }

    /// The SHA-256 of `prefix`, then of the bytes in `ranges`, in order.
    package func sha256(prefix: StaticString, _ ranges: Range<Int>...) -> PayloadKey {
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        for range in ranges {
            precondition(range.lowerBound >= 0 && range.upperBound <= count, "JSONLines.sha256: range past the end")
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
        }
        return hasher.finalize().withUnsafeBytes { PayloadKey(digest: $0) }
    }
}

extension JSONLines {
    /// Fills in the keys of lines appended with room for them (``PayloadEncoder/appendUnkeyed(_:runId:penilaiJSON:to:)``)
    /// and returns them in order: each the SHA-256 of `{`, the line's members, then its `tahap`.
    ///
    /// Sixteen at a time where the processor has AVX-512 (``PendingKey/batchHashing``): the bodies are copied
    /// side by side and hashed together, one per 32-bit lane (`CSHA256x16`), about 1.8 times as fast as one after
    /// another with the processor's SHA instructions. Elsewhere, or for the few left over, one at a time.
    package func fillKeys(_ pending: [PendingKey]) -> [PayloadKey] {
        var keys = [PayloadKey]()
        keys.reserveCapacity(pending.count)
        var bodies = [UInt8]()
        fillKeys(pending[...], into: &keys, scratch: &bodies)
        return keys
    }

    /// ``fillKeys(_:)``, the keys appended to `keys`, the bodies gathered in `scratch` (kept for the next call).
    ///
    /// Called every sixteen lines, as they are written: their bytes are still in the processor's cache. Hashed
    /// once a block of 8,192 lines (8 MB) was written, the lines were read back from memory, an eighth of the
    /// time the payload lines took (`padan-stage-bench`, `payload_lines`).
    package func fillKeys(
        _ pending: ArraySlice<PendingKey>, into keys: inout [PayloadKey], scratch bodies: inout [UInt8]
    ) {
        var next = pending.startIndex
        if PendingKey.batchHashing {
            while pending.endIndex - next >= PendingKey.lanes / 2 {
                let group = pending[next..<min(pending.endIndex, next + PendingKey.lanes)]
                keys += hashed(group, scratch: &bodies)
                next += group.count
            }
        }
        for key in pending[next...] {
            let found = sha256(prefix: "{", key.members, key.tahap)
            fillHex(found, at: key.keyAt)
            keys.append(found)
        }
    }

    /// The keys of up to sixteen lines, hashed together; lanes without a line hash nothing.
    private func hashed(_ group: ArraySlice<PendingKey>, scratch bodies: inout [UInt8]) -> [PayloadKey] {
        bodies.removeAll(keepingCapacity: true)
        var starts = [Int]()
        for key in group {
            precondition(
                key.members.upperBound <= count && key.tahap.upperBound <= count, "JSONLines: key past the end")
            starts.append(bodies.count)
            bodies.append(UInt8(ascii: "{"))
            withBytes { line in
                bodies += UnsafeBufferPointer(rebasing: line[key.members])
                bodies += UnsafeBufferPointer(rebasing: line[key.tahap])
            }
        }
        starts.append(bodies.count)
        var digests = [UInt8](repeating: 0, count: 32 * PendingKey.lanes)
        bodies.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            var messages = [UnsafePointer<UInt8>?](repeating: base, count: PendingKey.lanes)
            var lengths = [Int](repeating: 0, count: PendingKey.lanes)
            for lane in 0..<group.count {
                messages[lane] = base + starts[lane]
                lengths[lane] = starts[lane + 1] - starts[lane]
            }
            digests.withUnsafeMutableBufferPointer { out in
                padan_sha256_x16(messages, lengths, out.baseAddress)
            }
        }
        return digests.withUnsafeBytes { digests in
            group.enumerated().map { lane, key in
                let found = PayloadKey(
                    digest: UnsafeRawBufferPointer(rebasing: digests[(32 * lane)..<(32 * lane + 32)]))
                fillHex(found, at: key.keyAt)
                return found
            }
        }
    }
}

/// Where a line's key goes, and the ranges of the line it is the hash of (after `{`).
package struct PendingKey: Sendable {
    package var keyAt: Int
    package var members: Range<Int>
    package var tahap: Range<Int>

    /// Lines hashed together.
    package static let lanes = 16
    /// Whether keys are hashed sixteen at a time (`PADAN_SHA_LANES=1` hashes them one by one, to compare).
    static let batchHashing: Bool = {
        if ProcessInfo.processInfo.environment["PADAN_SHA_LANES"] == "1" { return false }
        return padan_sha256_x16_available() != 0
    }()
}

/// Bytes written by ``JSONLines``, owned here and freed with the last reference.
package final class ByteBlock: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    package let count: Int

    fileprivate init(base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { base.deallocate() }

    /// `body` of the bytes (never written to once handed over, so safe to read from any thread), the block kept
    /// alive meanwhile.
    package func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        defer { withExtendedLifetime(self) {} }
        return try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes as a `String`.
    package var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}
