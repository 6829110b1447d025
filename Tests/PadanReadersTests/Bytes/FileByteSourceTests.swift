import Foundation
import Testing

@testable import PadanReaders

@Suite("FileByteSource")
struct FileByteSourceTests {
    @Test(arguments: [1, 5, 4096])
    func readsTheWholeFile(chunk: Int) throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let path = try folder.write("ptk.csv", bytes)
        #expect(try drain(FileByteSource(path: path), chunk: chunk) == bytes)
    }

    @Test func emptyFileReadsNothing() throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        let path = try folder.write("kosong.csv", [])
        #expect(try drain(FileByteSource(path: path)).isEmpty)
    }

    @Test func folderIsUnreadable() throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        #expect(throws: InputError(.unreadable, file: "data/", message: "tidak dapat dibaca: bukan berkas (folder)")) {
            try FileByteSource(path: folder.path, displayName: "data/")
        }
    }

    @Test func missingFileIsUnreadable() throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        #expect(throws: InputError(.unreadable, file: "ptk.csv", message: "tidak dapat dibaca: berkas tidak ada")) {
            try FileByteSource(path: folder.path + "/ptk.csv", displayName: "ptk.csv")
        }
    }

    @Test func pathThroughAFileIsUnreadable() throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        let path = try folder.write("ptk.csv", "a")
        let error = try #require(throws: InputError.self) { try FileByteSource(path: path + "/lain.csv") }
        #expect(error.kind == .unreadable)
        #expect(error.file == path + "/lain.csv")
    }
}
