import Foundation
import PadanTestSupport

/// A fresh temporary directory, removed when the value is.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = TestScratch.url("padan-writers")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
