import Foundation
import Testing

@testable import PadanReaders

@Suite("GzipByteSource")
struct GzipByteSourceTests {
    static let text = Array(
        (1...5000).map { "\($0);Guru Kelas;\($0 % 7 == 0 ? "PPPK" : "PNS")\n" }.joined().utf8)

    static let damaged = InputError(.malformed, file: "ptk.csv.gz", message: "berkas .gz terpotong atau rusak")

    @Test(arguments: [(Int.max, 64 * 1024), (1, 1024), (13, 1024), (4096, 100_000)])
    func inflatesInAnyChunking(step: Int, chunk: Int) throws {
        let compressed = try gzipped(Self.text)
        let source = try GzipByteSource(
            upstream: TrickleByteSource(compressed, step: step), file: "ptk.csv.gz", chunkSize: chunk)
        #expect(try drain(source, chunk: 333) == Self.text)
    }

    @Test(arguments: [1, 7, 64, 300, 4096])
    func smallOutputBuffersDrainWhatZlibHolds(chunk: Int) throws {
        // zlib may have read the last input bytes ahead while output is still pending: the end of the
        // input is then no error until inflate itself says it can make no progress.
        let bytes = Array(repeating: UInt8(0x41), count: 200_000) + Self.text
        let compressed = try gzipped(bytes)
        for step in [Int.max, 3] {
            let source = try GzipByteSource(
                upstream: TrickleByteSource(compressed, step: step), file: "ptk.csv.gz", chunkSize: 1024)
            #expect(try drain(source, chunk: chunk) == bytes)
        }
    }

    @Test func multipleMembersReadAsOneStream() throws {
        let first = Array("a;b\n1;2\n".utf8)
        let second = Array("3;4\n".utf8)
        let joined = try gzipped(first) + gzipped([]) + gzipped(second) + [0, 0, 0, 0]
        let source = try GzipByteSource(upstream: TrickleByteSource(joined, step: 5), file: "ptk.csv.gz")
        #expect(try drain(source, chunk: 3) == first + second)
    }

    @Test(arguments: [1, 10, 20, 100])
    func truncatedStreamIsMalformed(cut: Int) throws {
        let compressed = try gzipped(Self.text)
        let source = try GzipByteSource(
            upstream: TrickleByteSource(Array(compressed.dropLast(cut))), file: "ptk.csv.gz")
        #expect(throws: Self.damaged) { try drain(source) }
    }

    @Test func corruptStreamIsMalformed() throws {
        var compressed = try gzipped(Self.text)
        for index in stride(from: 40, to: 200, by: 3) { compressed[index] ^= 0x5A }
        let source = try GzipByteSource(upstream: TrickleByteSource(compressed), file: "ptk.csv.gz")
        #expect(throws: Self.damaged) { try drain(source) }
    }

    @Test func wrongChecksumIsMalformed() throws {
        var compressed = try gzipped(Self.text)
        compressed[compressed.count - 6] ^= 0xFF  // inside the CRC-32 of the trailer
        let source = try GzipByteSource(upstream: TrickleByteSource(compressed), file: "ptk.csv.gz")
        #expect(throws: Self.damaged) { try drain(source) }
    }

    @Test func garbageAfterTheLastMemberIsMalformed() throws {
        let compressed = try gzipped(Self.text) + Array("sampah".utf8)
        let source = try GzipByteSource(upstream: TrickleByteSource(compressed), file: "ptk.csv.gz")
        #expect(throws: Self.damaged) { try drain(source) }
    }

    @Test func magicBytesOnlyIsMalformed() throws {
        let source = try GzipByteSource(upstream: TrickleByteSource([0x1F, 0x8B]), file: "ptk.csv.gz")
        #expect(throws: Self.damaged) { try drain(source) }
    }
}
