import CZlib

/// The inflated bytes of a gzip stream read from another ``ByteSource``, streaming.
///
/// Several gzip members one after the other (as `cat a.gz b.gz` makes) read as one stream, and
/// zero padding after the last member is ignored. A stream that ends early or does not inflate
/// throws ``InputError/Kind/malformed`` (`berkas .gz terpotong atau rusak`).
package final class GzipByteSource: ByteSource {
    private let upstream: any ByteSource
    private let file: String
    // zlib keeps a pointer back to its z_stream and checks it on every call, so the stream must
    // never move: it lives in its own allocation, as does the compressed input buffer.
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var upstreamEnded = false
    /// True from the first byte of a member until its trailer has been checked.
    private var insideMember = false
    private var finished = false

    /// Wraps `upstream`, whose bytes must be gzip; `file` names it in errors.
    package init(upstream: any ByteSource, file: String, chunkSize: Int = 256 * 1024) throws(InputError) {
        self.upstream = upstream
        self.file = file
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: max(chunkSize, 1024), alignment: 16)
        // 15 + 16: the largest window, gzip framing only (not raw deflate or zlib).
        let status = inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            input.deallocate()
            throw InputError(.malformed, file: file, message: "zlib tidak dapat dimulai (kode \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard let out = buffer.baseAddress, !buffer.isEmpty, !finished else { return 0 }
        let capacity = UInt32(clamping: buffer.count)
        stream.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = capacity
        while stream.pointee.avail_out == capacity {
            if stream.pointee.avail_in == 0 && !upstreamEnded {
                try refill()
            }
            if !insideMember {
                guard try startMember() else {
                    finished = true
                    break
                }
            }
            // Even with no input left, inflate may still hold output (or input it read ahead):
            // only its own Z_BUF_ERROR says that the stream really stops short.
            let status = inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                insideMember = false
                guard inflateReset(stream) == Z_OK else { throw damaged() }
            case Z_BUF_ERROR:
                // No progress possible: more input is needed, and there is none.
                if upstreamEnded { throw damaged() }
            case Z_MEM_ERROR:
                throw InputError(.malformed, file: file, message: "memori tidak cukup untuk membuka berkas .gz")
            default:
                throw damaged()
            }
        }
        return Int(capacity) - Int(stream.pointee.avail_out)
    }

    /// Decides whether another member follows; skips zero padding. False at the clean end.
    private func startMember() throws(InputError) -> Bool {
        while true {
            if stream.pointee.avail_in == 0 {
                if upstreamEnded { return false }
                try refill()
                continue
            }
            guard let next = stream.pointee.next_in else { return false }
            if next.pointee == 0 {
                stream.pointee.next_in = next + 1
                stream.pointee.avail_in -= 1
                continue
            }
            // Anything else must be the next member; zlib checks its magic and header.
            insideMember = true
            return true
        }
    }

    private func refill() throws(InputError) {
        let count = try upstream.read(into: input)
        if count == 0 {
            upstreamEnded = true
            return
        }
        stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(count)
    }

    private func damaged() -> InputError {
        InputError(.malformed, file: file, message: "berkas .gz terpotong atau rusak")
    }
}
