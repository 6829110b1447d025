import Foundation
import Testing

@testable import PadanWriters

/// The compiled-in templates are the files of `Sources/PadanWriters/Templates/`, byte for byte
/// (`python3 scripts/embed-templates.py` after editing them).
struct EmbeddedTemplatesTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/PadanWriters/Templates")

    @Test func everyTemplateFileIsCompiledInAsWritten() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".mustache") || $0.hasSuffix(".css") || $0.hasSuffix(".js") }.sorted()
        #expect(!names.isEmpty)
        #expect(EmbeddedTemplates.files.map(\.name) == names, "run: python3 scripts/embed-templates.py")
        for (name, text) in EmbeddedTemplates.files {
            let file = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text == file, "\(name) differs from Templates/\(name): run python3 scripts/embed-templates.py")
        }
    }

    @Test func theTemplatesLoad() throws {
        _ = try ReportTemplates.library()
        #expect(try ReportTemplates.asset("report.css").contains("{"))
    }
}
