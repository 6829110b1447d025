import Foundation
import Testing

@testable import PadanWriters

@Suite("ByteFile")
struct ByteFileTests {
    /// Bytes 0, 1, 2, … (mod 251, so no block boundary lines up with the pattern).
    static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8($0 % 251) } }

    /// Writes `bytes` in pieces of sizes drawn from `generator`, each up to `largest` bytes.
    static func write(
        _ bytes: [UInt8], to file: ByteFile, largest: Int, using generator: inout some RandomNumberGenerator
    )
        throws
    {
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + Int.random(in: 0...largest, using: &generator))
            try file.write(Array(bytes[start..<end]))
            start = end
        }
    }

    @Test(arguments: [true, false])
    func piecesOfEverySizeArriveWholeAndInOrder(direct: Bool) throws {
        let dir = try ScratchFolder()
        let path = dir.path("payloads.jsonl")
        // Two whole blocks and a tail that is not a multiple of the alignment.
        let bytes = Self.pattern(2 * ByteFile.blockSize + 5 * ByteFile.alignment + 123)
        var generator = SystemRandomNumberGenerator()
        let file = try ByteFile(path: path, direct: direct)
        try Self.write(bytes, to: file, largest: 300_000, using: &generator)
        try file.close()
        #expect(FileManager.default.contents(atPath: path) == Data(bytes))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o640)
    }

    @Test func oneWriteLargerThanABlockArrivesWhole() throws {
        let dir = try ScratchFolder()
        let path = dir.path("big.jsonl")
        let bytes = Self.pattern(ByteFile.blockSize * 3 / 2 + 7)
        let file = try ByteFile(path: path, direct: true)
        try file.write([1, 2, 3])
        try file.write(bytes)
        try file.close()
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3] + bytes))
    }

    @Test func settledBytesCanBeReadBackAndWritingGoesOn() throws {
        let dir = try ScratchFolder()
        let path = dir.path("payloads.jsonl"), copyPath = dir.path("delta.jsonl")
        let first = Self.pattern(ByteFile.blockSize + 1_000), second = Array(Self.pattern(9_999).reversed())
        let file = try ByteFile(path: path, direct: true)
        try file.write(first)
        try file.settle()
        #expect(!file.isDirect)
        let copy = try ByteFile(path: copyPath, direct: true)
        try copy.copy(prefix: first.count, of: path)
        try file.write(second)
        try file.close()
        try copy.close()
        #expect(FileManager.default.contents(atPath: path) == Data(first + second))
        #expect(FileManager.default.contents(atPath: copyPath) == Data(first))
    }

    @Test func anEmptyFileIsCreatedEmpty() throws {
        let dir = try ScratchFolder()
        let path = dir.path("delta.jsonl")
        let file = try ByteFile(path: path, direct: true)
        try file.close()
        #expect(FileManager.default.contents(atPath: path) == Data())
    }
}
