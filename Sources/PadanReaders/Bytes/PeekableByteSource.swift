/// A ``ByteSource`` that can look at its first bytes before anyone reads them.
///
/// Used to tell gzip from plain text by the magic bytes, and XML from CSV by the first visible
/// byte, without losing what was looked at: peeked bytes are served again by ``read(into:)``.
package final class PeekableByteSource: ByteSource {
    private let upstream: any ByteSource
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var upstreamEnded = false

    /// Wraps `upstream`.
    package init(_ upstream: any ByteSource) {
        self.upstream = upstream
    }

    /// The next `count` bytes without consuming them; fewer only when the source ends first.
    package func peek(_ count: Int) throws(InputError) -> ArraySlice<UInt8> {
        if pendingOffset > 0 {
            pending.removeFirst(pendingOffset)
            pendingOffset = 0
        }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        while pending.count < count && !upstreamEnded {
            let wanted = min(chunk.count, count - pending.count)
            let read = try upstream.read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[0..<wanted]))
            if read == 0 {
                upstreamEnded = true
            } else {
                pending.append(contentsOf: chunk[0..<read])
            }
        }
        return pending[0..<min(count, pending.count)]
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard !buffer.isEmpty else { return 0 }
        let available = pending.count - pendingOffset
        if available == 0 {
            if !pending.isEmpty {
                pending = []
                pendingOffset = 0
            }
            if upstreamEnded { return 0 }
            return try upstream.read(into: buffer)
        }
        let count = min(available, buffer.count)
        pending.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[pendingOffset..<pendingOffset + count]))
        }
        pendingOffset += count
        return count
    }
}
