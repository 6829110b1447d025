import Mustache
import PadanCore

/// The page templates, styles and scripts (`Templates/`, compiled in as ``EmbeddedTemplates``: an installed
/// `padan` needs no resource folder beside it).
package enum ReportTemplates {
    /// Every `*.mustache` of `Templates/`, registered by name without extension, and every `*.css`
    /// and `*.js` as text by full name; parsed once.
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
        var library = MustacheLibrary()
        var assets = [String: String]()
        for (name, text) in EmbeddedTemplates.files {
            if name.hasSuffix(".mustache") {
                do {
                    try library.register(text, named: String(name.dropLast(".mustache".count)))
                } catch {
                    return .failure(WriterError(path: "Templates/\(name)", message: "templat tidak sah: \(error)"))
                }
            } else {
                assets[name] = text
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
