// swift-tools-version:6.1
import PackageDescription

/// Linux release builds link the Swift runtime and Foundation into `padan` (`-static-stdlib`, what
/// `--static-swift-stdlib` does; every module that imports Foundation is compiled with it too, so that
/// Foundation's own static libraries are linked). Each `swift_retain` and `swift_release`, a tenth of a run's
/// CPU time, is then a direct call, and nothing is looked up at start. Six alternated pairs of runs each: national
/// median 12.93 → 12.46 s, 10% median 1.24 → 1.19 s; the binary is 116 MB instead of 44.
let staticStdlib: [SwiftSetting] = [
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
]

/// ``staticStdlib`` for the link of each executable.
let staticLink: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
]

/// Release builds of the hot modules skip the run-time exclusivity checks (the compile-time ones stay, and
/// debug builds, which run the tests, keep both): on a national run the checks on the readers' and matchers'
/// class properties were about 9% of the read stage's CPU time (`Benchmarks/README.md`).
let fast: [SwiftSetting] =
    [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))] + staticStdlib

let package = Package(
    name: "Padan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "padan", targets: ["padan"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        // Only for the CSV benchmark below.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        // C in one room: libxml2, zlib and the CSV byte masks are reached only from PadanReaders, the one file flag
        // Swift's Glibc leaves out (`O_DIRECT`) only from PadanWriters' `ByteFile`.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(name: "CFileFlags"),
        // SHA-256 of sixteen payload lines at once with AVX-512 (`Sources/CSHA256x16/sha256x16.c`).
        .target(name: "CSHA256x16"),
        // Byte scans 16 or 64 bytes at a time with SSE2: the bytes that end or mark a CSV field, the ASCII run
        // UTF-8 validation skips, line breaks counted (`Sources/CByteScan/bytescan.c`).
        .target(name: "CByteScan"),
        // A cache line asked for ahead of use (`__builtin_prefetch`), which Swift cannot spell.
        .target(name: "CPrefetch"),
        // Typed records, normalization, matching, rules, SKP decisions. No I/O, no C, no database.
        .target(name: "PadanCore", swiftSettings: fast),
        // CSV and XML readers, input files and globs, typed decoding of the six input kinds.
        .target(
            name: "PadanReaders", dependencies: ["PadanCore", "CLibXML2", "CZlib", "CByteScan"], swiftSettings: fast),
        // Machine-read CSVs, payload lines, summary, report and escalation lists.
        .target(
            name: "PadanWriters",
            dependencies: [
                "PadanCore", "CFileFlags", "CSHA256x16", "CPrefetch",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Compiled in (Report/EmbeddedTemplates.swift, written by scripts/embed-templates.py).
            exclude: ["Templates"],
            swiftSettings: fast
        ),
        // The store: one PadanDatabase over GRDB.
        .target(
            name: "PadanStore",
            dependencies: [
                "PadanCore", .product(name: "GRDB", package: "GRDB.swift"),
                // The C API for the two bulk inserts of a run's commit (see `BulkInsert`).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ], swiftSettings: staticStdlib),
        // The synthetic region generator behind `padan sample`.
        .target(name: "PadanSample", dependencies: ["PadanCore", "PadanReaders"], swiftSettings: staticStdlib),
        // Assembles a run from a pipeline file; every command's logic lives here.
        .target(
            name: "PadanKit",
            dependencies: [
                "PadanCore", "PadanReaders", "PadanWriters", "PadanStore", "PadanSample",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: fast
        ),
        // Linked with the Swift runtime and Foundation in, in a release build (``staticStdlib``).
        .executableTarget(
            name: "padan",
            dependencies: ["PadanKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: staticStdlib,
            linkerSettings: staticLink
        ),
        // `swift build -c release --product padan-csv-bench`: our CSV reader against SwiftCSV and CSV.swift.
        .executableTarget(
            name: "padan-csv-bench",
            dependencies: [
                "PadanReaders",
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            path: "Benchmarks/CSVBench",
            linkerSettings: staticLink
        ),
        // `swift build -c release --product padan-stage-bench`: each part of the write stage timed alone.
        .executableTarget(
            name: "padan-stage-bench", dependencies: ["PadanKit"], path: "Benchmarks/StageBench",
            swiftSettings: staticStdlib, linkerSettings: staticLink),
        // Fuzz targets (`Fuzz/README.md`): in a normal build, plain executables that check the files named on
        // their command line; built with `-sanitize=fuzzer -DPADAN_FUZZ`, libFuzzer programs.
        .target(name: "PadanFuzzChecks", dependencies: ["PadanCore", "PadanReaders"], path: "Fuzz/Checks"),
        .executableTarget(
            name: "padan-fuzz-csv", dependencies: ["PadanFuzzChecks"], path: "Fuzz/CSV", linkerSettings: staticLink),
        .executableTarget(
            name: "padan-fuzz-xml", dependencies: ["PadanFuzzChecks"], path: "Fuzz/XML", linkerSettings: staticLink),
        .executableTarget(
            name: "padan-fuzz-normalize", dependencies: ["PadanFuzzChecks"], path: "Fuzz/Normalize",
            linkerSettings: staticLink),
        .target(name: "PadanTestSupport", dependencies: ["PadanCore"], path: "Tests/PadanTestSupport"),
        .testTarget(name: "PadanCoreTests", dependencies: ["PadanCore", "PadanTestSupport"]),
        .testTarget(name: "PadanReadersTests", dependencies: ["PadanReaders", "PadanTestSupport", "PadanFuzzChecks"]),
        .testTarget(
            name: "PadanWritersTests", dependencies: ["PadanWriters", "PadanTestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "PadanStoreTests",
            dependencies: ["PadanStore", "PadanTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "PadanSampleTests", dependencies: ["PadanSample", "PadanTestSupport"]),
        .testTarget(
            name: "PadanKitTests", dependencies: ["PadanKit", "PadanTestSupport", "padan"],
            exclude: ["Hostile/Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
