import PadanReaders

/// An in-memory ``ByteSource`` for tests: hands out its bytes in chunks of at most `chunk` bytes,
/// and can fail with an I/O error once `failAfter` bytes have been read.
final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private let chunk: Int
    private let failAfter: Int?
    private var offset = 0
    /// How many `read` calls were made.
    private(set) var reads = 0

    init(_ bytes: [UInt8], chunk: Int = .max, failAfter: Int? = nil) {
        self.bytes = bytes
        self.chunk = max(chunk, 1)
        self.failAfter = failAfter
    }

    convenience init(_ text: String, chunk: Int = .max, failAfter: Int? = nil) {
        self.init(Array(text.utf8), chunk: chunk, failAfter: failAfter)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        reads += 1
        if let failAfter, offset >= failAfter {
            throw InputError(.unreadable, file: "memori", message: "galat baca (uji)")
        }
        var count = min(buffer.count, chunk, bytes.count - offset)
        if let failAfter { count = min(count, failAfter - offset) }
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}
