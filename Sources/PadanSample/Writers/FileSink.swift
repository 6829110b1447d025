#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a writer's bytes go: a file, or a gzip stream over a file.
package protocol ByteSink: AnyObject {
    /// Appends bytes.
    func write(_ bytes: [UInt8]) throws(SampleError)
    /// Flushes everything and closes; further writes are errors.
    func close() throws(SampleError)
    /// Bytes that reached the file so far (after compression).
    var bytesWritten: Int { get }
}

/// A file written through a large buffer with `fwrite`: no per-row system calls, no growing strings.
package final class FileSink: ByteSink {
    private var handle: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let path: String
    package private(set) var bytesWritten = 0

    /// Creates (or truncates) `path`.
    package init(path: String, capacity: Int = 1 << 20) throws(SampleError) {
        guard let handle = fopen(path, "wb") else {
            throw SampleError.output(path: path, message: String(cString: strerror(errno)))
        }
        self.handle = handle
        self.path = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if let handle { fclose(handle) }
    }

    package func write(_ bytes: [UInt8]) throws(SampleError) {
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count > capacity {
            try put(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    package func close() throws(SampleError) {
        try flush()
        guard let handle else { return }
        self.handle = nil
        if fclose(handle) != 0 { throw SampleError.output(path: path, message: String(cString: strerror(errno))) }
    }

    private func flush() throws(SampleError) {
        guard !buffer.isEmpty else { return }
        try put(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: [UInt8]) throws(SampleError) {
        if bytes.isEmpty { return }
        guard let handle else { throw SampleError.output(path: path, message: "berkas sudah ditutup") }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        if written != bytes.count {
            throw SampleError.output(path: path, message: String(cString: strerror(errno)))
        }
        bytesWritten += bytes.count
    }
}
