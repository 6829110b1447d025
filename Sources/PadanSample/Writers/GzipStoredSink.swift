/// A gzip stream (RFC 1952) whose deflate data are stored blocks (RFC 1951, `BTYPE=00`).
///
/// PadanSample may not link zlib (C stays in PadanReaders, `STYLE.md`), and a `.csv.gz` input only
/// has to be valid gzip for the readers to prove they inflate it: stored blocks are, with a CRC-32
/// and length trailer like any other, at the price of no compression.
package final class GzipStoredSink: ByteSink {
    private let file: any ByteSink
    private var block: [UInt8] = []
    private var crc: UInt32 = 0xFFFF_FFFF
    private var size: UInt32 = 0
    private static let blockLimit = 65_535
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// Starts the stream on `file` (which this sink closes).
    package init(file: any ByteSink) throws(SampleError) {
        self.file = file
        block.reserveCapacity(Self.blockLimit)
        // Magic, deflate, no flags, no mtime, no extra flags, OS unknown.
        try file.write([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF])
    }

    package var bytesWritten: Int { file.bytesWritten }

    package func write(_ bytes: [UInt8]) throws(SampleError) {
        var crc = self.crc
        for byte in bytes {
            crc = Self.table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        self.crc = crc
        size &+= UInt32(truncatingIfNeeded: bytes.count)
        var offset = 0
        while offset < bytes.count {
            let take = min(Self.blockLimit - block.count, bytes.count - offset)
            block.append(contentsOf: bytes[offset..<(offset + take)])
            offset += take
            if block.count == Self.blockLimit { try emitBlock(final: false) }
        }
    }

    package func close() throws(SampleError) {
        try emitBlock(final: true)
        let check = crc ^ 0xFFFF_FFFF
        try file.write(littleEndian(check) + littleEndian(size))
        try file.close()
    }

    private func emitBlock(final: Bool) throws(SampleError) {
        let length = UInt16(block.count)
        try file.write([
            final ? 0x01 : 0x00, UInt8(length & 0xFF), UInt8(length >> 8),
            UInt8(~length & 0xFF), UInt8(~length >> 8),
        ])
        try file.write(block)
        block.removeAll(keepingCapacity: true)
    }

    private func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
