import Foundation
import Mustache
import PadanCore

/// The page templates, styles and scripts shipped as the module's resources (`Templates/`).
package enum ReportTemplates {
    /// Every `*.mustache` of `Templates/`, registered by name without extension, and every `*.css`
    /// and `*.js` as text by full name; loaded once.
    static let loaded: Result<(library: MustacheLibrary, assets: [String: String]), WriterError> = load()

    /// The library, or why it could not be loaded.
    static func library() throws(WriterError) -> MustacheLibrary {
        try loaded.get().library
    }

    /// A style sheet or script by file name (`report.css`), to be inlined.
    static func asset(_ name: String) throws(WriterError) -> String {
        guard let text = try loaded.get().assets[name] else {
            throw WriterError(path: "Templates/\(name)", message: "sumber daya tidak ada")
        }
        return text
    }

    private static func load() -> Result<(library: MustacheLibrary, assets: [String: String]), WriterError> {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            return .failure(WriterError(path: "Templates", message: "folder templat tidak ditemukan di bundle modul"))
        }
        var library = MustacheLibrary()
        var assets = [String: String]()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            return .failure(WriterError(path: folder.path, message: SystemErrorText.reason(error)))
        }
        for name in names {
            let url = folder.appendingPathComponent(name)
            do {
                if name.hasSuffix(".mustache") {
                    let text = try String(contentsOf: url, encoding: .utf8)
                    try library.register(text, named: String(name.dropLast(".mustache".count)))
                } else if name.hasSuffix(".css") || name.hasSuffix(".js") {
                    assets[name] = try String(contentsOf: url, encoding: .utf8)
                }
            } catch {
                return .failure(WriterError(path: url.path, message: "templat tidak dapat dibaca: \(SystemErrorText.reason(error))"))
            }
        }
        return .success((library, assets))
    }

    /// Renders a registered template; a missing template is an error, not an empty page.
    static func render(_ name: String, _ view: [String: Any]) throws(WriterError) -> String {
        guard let text = try library().render(view, withTemplate: name) else {
            throw WriterError(path: "Templates/\(name).mustache", message: "templat tidak ada")
        }
        return text
    }
}
