import Foundation
import Testing

/// What an operator reads when the command line itself is wrong: Bahasa Indonesia, exit 64.
struct CommandLineTests {
    @Test(arguments: [
        (["run", "--frobnicate"], "opsi tidak dikenal: '--frobnicate'"),
        (["run", "a.toml", "b.toml"], "argumen tidak dikenal: 'b.toml'"),
        (
            ["run", "a.toml", "--progress", "bogus"],
            "nilai 'bogus' tidak sah untuk '--progress <progress>'; pilih salah satu:"
        ),
        (["run", "a.toml", "--as-of"], "nilai tidak ada untuk '--as-of <as-of>'"),
        (["explain", "a.toml"], "pilih salah satu: --nip NIP atau --npsn NPSN"),
        (["history", "a.toml", "--last", "0"], "--last harus 1 atau lebih, bukan 0"),
    ])
    func usageErrorsAreToldInBahasaIndonesia(_ arguments: [String], _ message: String) throws {
        let run = try PadanProcess.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("padan: " + message), "\(run.stderr)")
        #expect(!run.stderr.contains("Error:"), "\(run.stderr)")
    }
}
