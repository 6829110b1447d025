/// Opens one input file as a table, whatever its form: CSV or XML, plain or gzip.
///
/// The form is decided by content, never by extension (`inputs.md`): the magic bytes `1f 8b` mean
/// gzip, and after inflating, a first visible character `<` (past a byte order mark and white space)
/// means XML; anything else is CSV. UTF-16 text is looked at by its code units (with a byte order mark,
/// or without one when the first unit is `<` or white space), so a UTF-16 XML export is XML.
package enum InputFile {
    /// Leading white space looked through before deciding; beyond it the file is taken as CSV.
    private static let maximumLeadingSpace = 1024 * 1024

    /// Opens `path` and reads its header; errors and rejects name the file as `displayName`. `columns` are
    /// the columns the file's kind reads, each its canonical name then its aliases: an XML file's header
    /// is completed with them (``XMLTableReader``); a CSV file's header is its first line, whatever they are.
    package static func open(path: String, displayName: String, columns: [[String]] = []) throws(InputError)
        -> any TableReader
    {
        try open(
            PeekableByteSource(try FileByteSource(path: path, displayName: displayName)), displayName: displayName,
            columns: columns)
    }

    /// Opens `path` as ``open(path:displayName:)`` does, showing every byte of the file as stored (before
    /// any gzip inflating) to `tap` as it is read: the run's digest of each input in the same pass.
    package static func open(path: String, displayName: String, tap: ByteTap, columns: [[String]] = [])
        throws(InputError)
        -> any TableReader
    {
        try tap.attach(FileByteSource(path: path, displayName: displayName))
        return try open(PeekableByteSource(tap), displayName: displayName, columns: columns)
    }

    /// Whether the file at `path` holds XML (un-gzipped first), as opening it would decide; false when it cannot
    /// be read (opening it will say why).
    package static func isMarkup(path: String) -> Bool {
        do throws(InputError) {
            return try startsWithMarkup(text(of: PeekableByteSource(try FileByteSource(path: path)), displayName: path))
        } catch {
            return false
        }
    }

    private static func open(_ file: PeekableByteSource, displayName: String, columns: [[String]]) throws(InputError)
        -> any TableReader
    {
        let text = try text(of: file, displayName: displayName)
        if try startsWithMarkup(text) {
            return try XMLTableReader(source: text, file: displayName, columns: columns)
        }
        return try CSVTableReader(source: text, file: displayName)
    }

    /// The file's text: its bytes, inflated when they are gzip (the magic bytes `1f 8b`).
    private static func text(of file: PeekableByteSource, displayName: String) throws(InputError) -> PeekableByteSource
    {
        guard try file.peek(2).elementsEqual([0x1F, 0x8B]) else { return file }
        return PeekableByteSource(try GzipByteSource(upstream: file, file: displayName))
    }

    /// True when the first character past a byte order mark and white space is `<`: in UTF-8, or in UTF-16
    /// of either byte order (marked `FF FE` / `FE FF`, or unmarked with a first unit `3C 00` / `00 3C`, or
    /// white space written so).
    static func startsWithMarkup(_ source: PeekableByteSource) throws(InputError) -> Bool {
        var wanted = 512
        while true {
            let bytes = Array(try source.peek(wanted))
            let (start, width, bigEndian) = textLayout(bytes)
            var index = start
            while index + width <= bytes.count {
                // The code unit's low byte; the high byte of a UTF-16 unit must be 0 for white space or `<`.
                let low = width == 1 ? bytes[index] : bytes[bigEndian ? index + 1 : index]
                if width == 2, bytes[bigEndian ? index : index + 1] != 0 { return false }
                guard [0x20, 0x09, 0x0A, 0x0D].contains(low) else { return low == 0x3C }
                index += width
            }
            // All white space so far: look further, unless the file ended or is absurdly blank.
            if bytes.count < wanted || wanted >= maximumLeadingSpace { return false }
            wanted *= 4
        }
    }

    /// Where the text of `bytes` starts past a byte order mark, its code unit width (1: UTF-8 or a legacy
    /// code page, 2: UTF-16) and, for UTF-16, whether it is big-endian.
    private static func textLayout(_ bytes: [UInt8]) -> (start: Int, width: Int, bigEndian: Bool) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (3, 1, false) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (2, 2, false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (2, 2, true) }
        guard bytes.count >= 2 else { return (0, 1, false) }
        let markupOrSpace: Set<UInt8> = [0x3C, 0x20, 0x09, 0x0A, 0x0D]
        if bytes[1] == 0, markupOrSpace.contains(bytes[0]) { return (0, 2, false) }
        if bytes[0] == 0, markupOrSpace.contains(bytes[1]) { return (0, 2, true) }
        return (0, 1, false)
    }
}
