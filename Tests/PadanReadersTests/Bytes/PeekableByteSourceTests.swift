import Testing

@testable import PadanReaders

@Suite("PeekableByteSource")
struct PeekableByteSourceTests {
    @Test(arguments: [1, 3, 1000])
    func peekedBytesAreReadAgain(step: Int) throws {
        let bytes = (0..<300).map { UInt8($0 % 256) }
        let source = PeekableByteSource(TrickleByteSource(bytes, step: step))
        #expect(try Array(source.peek(2)) == [0, 1])
        #expect(try Array(source.peek(10)) == Array(bytes[0..<10]))
        #expect(try drain(source, chunk: 7) == bytes)
    }

    @Test func peekPastTheEndGivesWhatThereIs() throws {
        let source = PeekableByteSource(TrickleByteSource([1, 2, 3], step: 1))
        #expect(try Array(source.peek(10)) == [1, 2, 3])
        #expect(try drain(source) == [1, 2, 3])
    }

    @Test func peekAfterPartialRead() throws {
        let source = PeekableByteSource(TrickleByteSource(Array(0..<20), step: 4))
        _ = try source.peek(8)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 3, alignment: 1)
        defer { buffer.deallocate() }
        #expect(try source.read(into: buffer) == 3)
        #expect(try Array(source.peek(2)) == [3, 4])
        #expect(try drain(source) == Array(3..<20))
    }
}
