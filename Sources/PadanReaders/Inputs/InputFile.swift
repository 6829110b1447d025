/// Opens one input file as a table, whatever its form: CSV or XML, plain or gzip.
///
/// The form is decided by content, never by extension (`inputs.md`): the magic bytes `1f 8b` mean
/// gzip, and after inflating, a first visible byte `<` (past a byte order mark and white space)
/// means XML; anything else is CSV.
package enum InputFile {
    /// Leading white space looked through before deciding; beyond it the file is taken as CSV.
    private static let maximumLeadingSpace = 1024 * 1024

    /// Opens `path` and reads its header; errors and rejects name the file as `displayName`.
    package static func open(path: String, displayName: String) throws(InputError) -> any TableReader {
        try open(PeekableByteSource(try FileByteSource(path: path, displayName: displayName)), displayName: displayName)
    }

    /// Opens `path` as ``open(path:displayName:)`` does, showing every byte of the file as stored (before
    /// any gzip inflating) to `tap` as it is read: the run's digest of each input in the same pass.
    package static func open(path: String, displayName: String, tap: ByteTap) throws(InputError) -> any TableReader {
        try tap.attach(FileByteSource(path: path, displayName: displayName))
        return try open(PeekableByteSource(tap), displayName: displayName)
    }

    private static func open(_ file: PeekableByteSource, displayName: String) throws(InputError) -> any TableReader {
        var source: any ByteSource = file
        var peekable = file
        if try file.peek(2).elementsEqual([0x1F, 0x8B]) {
            peekable = PeekableByteSource(try GzipByteSource(upstream: file, file: displayName))
            source = peekable
        }
        if try startsWithMarkup(peekable) {
            return try XMLTableReader(source: source, file: displayName)
        }
        return try CSVTableReader(source: source, file: displayName)
    }

    /// True when the first byte past a UTF-8 byte order mark and white space is `<`.
    static func startsWithMarkup(_ source: PeekableByteSource) throws(InputError) -> Bool {
        var wanted = 512
        while true {
            let bytes = try source.peek(wanted)
            var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                index += 1
            }
            if index < bytes.count { return bytes[index] == 0x3C }
            // All white space so far: look further, unless the file ended or is absurdly blank.
            if bytes.count < wanted || wanted >= maximumLeadingSpace { return false }
            wanted *= 4
        }
    }
}
