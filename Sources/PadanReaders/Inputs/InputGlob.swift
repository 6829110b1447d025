#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the paths and globs of a pipeline file's input entry into the files to read.
package enum InputGlob {
    /// Expands `patterns` (paths or globs with `*`, `?`, `[…]`, relative to `baseDirectory` unless
    /// absolute) into sorted, de-duplicated paths.
    ///
    /// A plain path is returned as written even when missing or a folder, so that opening it reports
    /// exactly what is wrong. A glob matches files only (a folder it meets is not an input) and must
    /// match at least one: otherwise `InputError(.unreadable, file: pattern, "tidak ada berkas yang cocok")`.
    /// One file reached by two spellings (`dapodik/ptk-2.csv`, `./dapodik/ptk-2.csv`, a link to it) is read
    /// once, under the spelling that sorts first once `.` and empty path parts are dropped.
    package static func expand(patterns: [String], relativeTo baseDirectory: String) throws(InputError) -> [String] {
        var paths = Set<String>()
        for pattern in patterns {
            let joined = join(baseDirectory, pattern)
            guard isGlob(pattern) else {
                paths.insert(tidied(joined))
                continue
            }
            let escapedBase = pattern.hasPrefix("/") ? "" : escape(baseDirectory)
            let matches = try glob(join(escapedBase, pattern), pattern: pattern)
            if matches.isEmpty {
                throw InputError(.unreadable, file: pattern, message: "tidak ada berkas yang cocok")
            }
            paths.formUnion(matches.map(tidied))
        }
        var files = Set<String>()
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.filter { path in
            guard let file = resolved(path) else { return true }
            return files.insert(file).inserted
        }
    }

    /// `path` without `.` parts and repeated slashes (`..` is kept: it may pass through a link).
    package static func tidied(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? path : joined
    }

    /// A file's or folder's canonical path (links and `..` resolved), nil when it cannot be resolved (missing).
    package static func resolved(_ path: String) -> String? {
        guard let canonical = realpath(path, nil) else { return nil }
        defer { free(canonical) }
        return String(cString: canonical)
    }

    static func isGlob(_ pattern: String) -> Bool {
        pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    private static func join(_ base: String, _ path: String) -> String {
        if path.hasPrefix("/") || base.isEmpty { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    /// The base folder is literal text: a folder named `data[2024]` must not act as a bracket expression.
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "*?[]\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Runs POSIX `glob`; folders (marked with a trailing `/` by `GLOB_MARK`) are left out.
    private static func glob(_ fullPattern: String, pattern: String) throws(InputError) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        #if canImport(Glibc)
            let status = Glibc.glob(fullPattern, GLOB_MARK, nil, &result)
        #else
            let status = Darwin.glob(fullPattern, GLOB_MARK, nil, &result)
        #endif
        switch status {
        case 0:
            break
        case GLOB_NOMATCH:
            return []
        case GLOB_ABORTED:
            throw InputError(.unreadable, file: pattern, message: "tidak dapat dibaca: folder tidak bisa dibuka")
        default:
            throw InputError(.unreadable, file: pattern, message: "pola berkas tidak dapat diuraikan (kode \(status))")
        }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            guard let entry = result.gl_pathv[index] else { continue }
            let path = String(cString: entry)
            if !path.hasSuffix("/") { paths.append(path) }
        }
        return paths
    }
}
