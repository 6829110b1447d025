import Foundation
import Testing

@testable import PadanReaders

@Suite("InputGlob")
struct InputGlobTests {
    /// A region's hand-over: one file per kecamatan, a folder, and a hidden file.
    private func region() throws -> ReaderTestFolder {
        let folder = try ReaderTestFolder()
        for name in [
            "dapodik/ptk-ambulu.csv", "dapodik/ptk-wuluhan.csv", "dapodik/ptk-balung.csv.gz",
            "dapodik/ptk-1.csv", "dapodik/ptk-2.csv", "dapodik/.ptk-tersembunyi.csv", "siasn/pns.csv",
            "dapodik/arsip.csv/catatan.txt",
        ] {
            try folder.write(name, "a\n")
        }
        return folder
    }

    @Test(arguments: [
        (
            ["dapodik/*.csv"],
            ["dapodik/ptk-1.csv", "dapodik/ptk-2.csv", "dapodik/ptk-ambulu.csv", "dapodik/ptk-wuluhan.csv"]
        ),
        (["dapodik/ptk-?.csv"], ["dapodik/ptk-1.csv", "dapodik/ptk-2.csv"]),
        (["dapodik/ptk-[a-b]*"], ["dapodik/ptk-ambulu.csv", "dapodik/ptk-balung.csv.gz"]),
        (["dapodik/ptk-[!0-9a]*"], ["dapodik/ptk-balung.csv.gz", "dapodik/ptk-wuluhan.csv"]),
        (
            ["*/p*.csv"],
            [
                "dapodik/ptk-1.csv", "dapodik/ptk-2.csv", "dapodik/ptk-ambulu.csv", "dapodik/ptk-wuluhan.csv",
                "siasn/pns.csv",
            ]
        ),
        // Sorted and de-duplicated across patterns; a plain path passes as written.
        (
            ["siasn/pns.csv", "dapodik/ptk-2.csv", "dapodik/ptk-?.csv"],
            ["dapodik/ptk-1.csv", "dapodik/ptk-2.csv", "siasn/pns.csv"]
        ),
        (["belum-ada.csv"], ["belum-ada.csv"]),
    ])
    func expandsRelativeToBase(patterns: [String], expected: [String]) throws {
        let folder = try region()
        defer { folder.remove() }
        let paths = try InputGlob.expand(patterns: patterns, relativeTo: folder.path)
        #expect(paths == expected.map { folder.path + "/" + $0 })
    }

    @Test func oneFileSpelledTwiceIsReadOnce() throws {
        let folder = try region()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/ptk-dua.csv", withDestinationPath: folder.path + "/dapodik/ptk-2.csv")
        let paths = try InputGlob.expand(
            patterns: [
                "dapodik/ptk-?.csv", "./dapodik/ptk-2.csv", "dapodik//ptk-1.csv", "ptk-dua.csv",
                "siasn/../siasn/pns.csv",
            ],
            relativeTo: folder.path + "/.")
        #expect(
            paths
                == ["dapodik/ptk-1.csv", "dapodik/ptk-2.csv", "siasn/../siasn/pns.csv"].map { folder.path + "/" + $0 })
    }

    @Test func absolutePatternIgnoresBase() throws {
        let folder = try region()
        defer { folder.remove() }
        let paths = try InputGlob.expand(patterns: [folder.path + "/siasn/*.csv"], relativeTo: "/tidak/ada")
        #expect(paths == [folder.path + "/siasn/pns.csv"])
    }

    @Test func baseWithBracketsIsLiteral() throws {
        let folder = try ReaderTestFolder()
        defer { folder.remove() }
        try folder.write("data[2024]/ptk.csv", "a\n")
        try folder.write("data2/ptk.csv", "a\n")
        let paths = try InputGlob.expand(patterns: ["*.csv"], relativeTo: folder.path + "/data[2024]/")
        #expect(paths == [folder.path + "/data[2024]/ptk.csv"])
    }

    @Test(arguments: ["dapodik/*.xml", "tidak-ada/*.csv", "dapodik/arsip*"])
    func patternMatchingNoFileIsAnError(pattern: String) throws {
        let folder = try region()
        defer { folder.remove() }
        #expect(throws: InputError(.unreadable, file: pattern, message: "tidak ada berkas yang cocok")) {
            try InputGlob.expand(patterns: ["siasn/pns.csv", pattern], relativeTo: folder.path)
        }
    }

    @Test func folderGivenAsPlainPathFailsWhenOpened() throws {
        let folder = try region()
        defer { folder.remove() }
        let paths = try InputGlob.expand(patterns: ["siasn"], relativeTo: folder.path)
        #expect(paths == [folder.path + "/siasn"])
        #expect(throws: InputError(.unreadable, file: "siasn", message: "tidak dapat dibaca: bukan berkas (folder)")) {
            _ = try InputFile.open(path: paths[0], displayName: "siasn")
        }
    }

    @Test(arguments: [
        ("", "a.csv", "a.csv"), (".", "a.csv", "a.csv"), (".", "./b/./a.csv", "b/a.csv"), ("/x/", "a.csv", "/x/a.csv"),
        ("/x", "/y/a.csv", "/y/a.csv"),
    ])
    func plainPathsAreJoined(base: String, pattern: String, expected: String) throws {
        #expect(try InputGlob.expand(patterns: [pattern], relativeTo: base) == [expected])
    }
}
