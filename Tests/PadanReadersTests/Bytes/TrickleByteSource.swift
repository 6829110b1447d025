import Foundation
import PadanTestSupport
import Testing

@testable import PadanReaders

/// Bytes from memory, handed out at most `step` at a time, so that every chunk boundary is exercised.
final class TrickleByteSource: ByteSource {
    private let bytes: [UInt8]
    private let step: Int
    private var offset = 0

    init(_ bytes: [UInt8], step: Int = .max) {
        self.bytes = bytes
        self.step = max(step, 1)
    }

    convenience init(_ text: String, step: Int = .max) {
        self.init(Array(text.utf8), step: step)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(buffer.count, step, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}

/// Reads a source to its end in chunks of `chunk` bytes.
func drain(_ source: any ByteSource, chunk: Int = 4096) throws(InputError) -> [UInt8] {
    var result: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1)
    defer { buffer.deallocate() }
    while true {
        let count = try source.read(into: buffer)
        if count == 0 { return result }
        result.append(contentsOf: buffer[0..<count])
    }
}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct ReaderTestFolder {
    let path: String

    init() throws {
        path =
            TestScratch.url("padan-readers").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + name
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// `bytes` compressed by the system's `gzip` (`/bin/gzip -n`).
func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    let folder = try ReaderTestFolder()
    defer { folder.remove() }
    let path = try folder.write("data", bytes)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-n", "-f", path]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return Array(try Data(contentsOf: URL(fileURLWithPath: path + ".gz")))
}
