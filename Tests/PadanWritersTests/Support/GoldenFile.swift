import Foundation
import Testing

/// Expected output committed under `Golden/`, compared byte for byte.
///
/// Set `PADAN_UPDATE_GOLDEN=1` to rewrite the files from the current output (then review the git diff).
enum GoldenFile {
    /// `Tests/PadanWritersTests/Golden`, found from this file's path (`Support/`; no resources in the test target).
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["PADAN_UPDATE_GOLDEN"] == "1" }

    /// Records an issue with a line diff when `actual` is not the golden file `name`.
    static func check(_ actual: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if updating {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual).write(to: url)
            } catch {
                Issue.record("cannot update \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "golden file \(name) is missing; run with PADAN_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        guard [UInt8](expected) != actual else { return }
        let report = diff([UInt8](expected), actual)
        Issue.record(
            "\(name) differs from the golden file (- expected, + actual):\n\(report)", sourceLocation: sourceLocation)
    }

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(Array(text.utf8), name, sourceLocation: sourceLocation)
    }

    /// A unified-ish diff of two byte strings by lines, invisible bytes shown (`\r`, `\t`, BOM, …).
    static func diff(_ a: [UInt8], _ b: [UInt8], context: Int = 2) -> String {
        let x = lines(a), y = lines(b)
        // Longest common subsequence table; golden files are small.
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var edits = [(Character, String)]()
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                edits.append((" ", x[i])); i += 1; j += 1
            } else if i < x.count, j == y.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                edits.append(("-", x[i])); i += 1
            } else {
                edits.append(("+", y[j])); j += 1
            }
        }
        let changed = edits.indices.filter { edits[$0].0 != " " }
        var out = [String]()
        var last = -1
        for k in edits.indices where changed.contains(where: { abs($0 - k) <= context }) {
            if last >= 0, k > last + 1 { out.append("@@") }
            out.append("\(edits[k].0) \(edits[k].1)")
            last = k
        }
        return out.joined(separator: "\n")
    }

    /// Lines with their terminator kept visible, so CRLF against LF shows.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var out = [String]()
        var current = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\n":
                out.append(current + "⏎")
                current = ""
            case "\r": current += "\\r"
            case "\t": current += "\\t"
            case "\u{FEFF}": current += "<BOM>"
            default:
                if scalar.value < 0x20 {
                    current += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    current.unicodeScalars.append(scalar)
                }
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
