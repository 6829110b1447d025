/// A ``ByteSource`` that shows every byte it passes on to an observer (a digest computed while the file
/// is parsed, instead of reading it a second time).
package final class ByteTap: ByteSource {
    private var upstream: (any ByteSource)?
    private let observe: (UnsafeRawBufferPointer) -> Void
    /// Bytes passed on so far.
    package private(set) var count = 0

    /// `observe` sees each block of bytes once, in order.
    package init(_ observe: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.observe = observe
    }

    /// Sets the source the tap reads from.
    func attach(_ upstream: any ByteSource) {
        self.upstream = upstream
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard let upstream else { return 0 }
        let count = try upstream.read(into: buffer)
        if count > 0 { observe(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) }
        self.count += count
        return count
    }

    /// Reads and shows whatever the parser left unread (a reader may stop before the end of the file).
    package func drain() throws(InputError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { buffer.deallocate() }
        while try read(into: buffer) > 0 {}
    }
}
