import CPrefetch
import PadanCore

/// The heap storage of a finding's texts asked for ahead of writing it.
///
/// The writers read each finding's texts (NIP, names, ids, values: a heap object each, made while the rules ran and
/// scattered over memory) one finding after another, and each text's first touch is the reference count's atomic
/// increment, which waits for memory before anything else may go on: making the store's rows, 170,000 national
/// findings, was more than half that wait. Asked for a few findings ahead, the texts are in the cache when read.
///
/// A `String` is two words, the second its storage object's address with flags in its top four bits when the
/// text is on the heap (the text itself, when short). The word is read raw and handed to the processor's prefetch,
/// a hint that never faults: a short text's word, not an address, costs a wasted hint and nothing more.
package enum TextPrefetch {
    /// How many findings ahead of the one being written.
    package static let distance = 4

    /// Where each text of a ``Disparity`` lies in it.
    static let disparityTexts: [Int] = [
        \Disparity.subjectKey, \.nip, \.pnsId, \.ptkId, \.nama, \.npsn, \.namaSekolah, \.unorId, \.kabupatenKota,
        \.upt, \.field, \.dapodikValue, \.siasnValue, \.suggestion, \.source,
    ].compactMap { MemoryLayout<Disparity>.offset(of: $0) }

    /// Asks for `found[i]` itself, when there is one (a finding is about 300 bytes: five cache lines), for a
    /// reading order that jumps about (the store's, by id). Ahead of ``disparity(_:at:)``, which reads it.
    @inline(__always)
    package static func finding(_ found: UnsafeBufferPointer<Disparity>, at i: Int) {
        guard i < found.count, let base = found.baseAddress else { return }
        let start = UInt(bitPattern: base + i)
        for line in stride(from: 0, to: MemoryLayout<Disparity>.stride, by: 64) { padan_prefetch(start &+ UInt(line)) }
    }

    /// Asks for the texts of `found[i]`, when there is one.
    @inline(__always)
    package static func disparity(_ found: UnsafeBufferPointer<Disparity>, at i: Int) {
        guard i < found.count, let base = found.baseAddress else { return }
        let finding = UnsafeRawPointer(base + i)
        for offset in disparityTexts {
            let object = finding.loadUnaligned(fromByteOffset: offset + 8, as: UInt.self) & 0x0FFF_FFFF_FFFF_FFFF
            padan_prefetch(object)
            padan_prefetch(object &+ 32)
        }
    }
}
