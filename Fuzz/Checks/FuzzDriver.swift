import Foundation

#if PADAN_FUZZ
    // libFuzzer's documented entry for programs that keep their own `main` (LLVM 11+). SwiftPM renames an
    // executable's `main` and links `main` to it, so libFuzzer's own `main` is never used; this runs it.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func runLibFuzzer(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif

/// The `main` of every fuzz executable.
package enum FuzzDriver {
    /// In the fuzzing build (`-DPADAN_FUZZ`, `-sanitize=fuzzer`), hands control to libFuzzer with
    /// `entry` as `LLVMFuzzerTestOneInput`. In a normal build, runs `check` on each file named on the
    /// command line, prints what it found and exits 1 when anything is wrong.
    package static func main(
        entry: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32, check: ([UInt8]) -> [String]
    ) -> Never {
        #if PADAN_FUZZ
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runLibFuzzer(&argc, &argv, entry))
        #else
            let files = CommandLine.arguments.dropFirst()
            guard !files.isEmpty else {
                FileHandle.standardError.write(Data("pakai: \(CommandLine.arguments[0]) BERKAS…\n".utf8))
                exit(64)
            }
            var failed = false
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    print("\(file): tidak dapat dibaca")
                    failed = true
                    continue
                }
                let problems = check(Array(data))
                print("\(file): \(problems.isEmpty ? "baik" : problems.joined(separator: "\n  "))")
                failed = failed || !problems.isEmpty
            }
            exit(failed ? 1 : 0)
        #endif
    }

    /// The body of `LLVMFuzzerTestOneInput`: runs `check` and traps when it reports anything, so that
    /// libFuzzer keeps the input as a crash.
    package static func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int, _ check: ([UInt8]) -> [String])
        -> Int32
    {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let problems = check(bytes)
        if !problems.isEmpty {
            FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
            abort()
        }
        return 0
    }
}
