import CByteScan
import CLibXML2

/// One-time, process-wide libxml2 setup, run lazily and thread-safely (a Swift global is initialized
/// once, under `swift_once`) before the first ``XMLTableReader`` is created.
///
/// - `xmlInitParser()` must run once before parsers are used from several threads.
/// - The external entity loader is replaced by one that refuses **everything**. Padan's XML inputs are
///   data exports; they never need a DTD or an external entity, and loading one would let a file read
///   local files into a report (XXE: `SYSTEM "file:///etc/passwd"`) or reach the network
///   (`SYSTEM "http://…"`, slow or hanging runs, data leaks). `XML_PARSE_NONET` only stops the default
///   loader's *network* access and still reads local files, and libxml2 2.9 has no per-parser loader,
///   so the loader is swapped for the whole process. Nothing else in Padan uses libxml2; anything that
///   ever does will get the same refusal, which is the behaviour we want everywhere.
private let libxml2Ready: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader { _, _, _ in nil }
}()

/// Makes sure ``libxml2Ready`` has run.
func prepareLibXML2() {
    _ = libxml2Ready
}

/// Something libxml2 reported while parsing, copied out of its `xmlError`.
struct XMLParseIssue: Sendable, Equatable {
    /// `xmlErrorLevel`: 1 warning, 2 error, 3 fatal.
    var level: Int
    /// `xmlParserErrors` code (4 = document empty).
    var code: Int
    /// 1-based line, 0 when unknown.
    var line: Int
    /// libxml2's message, trimmed, at most a couple of hundred characters.
    var message: String

    /// What went wrong, for the BKD operator: in Bahasa Indonesia for the errors an export can have, libxml2's
    /// own (English) words after it for whoever fixes the file, which name the tags and characters involved.
    var explained: String {
        guard let text = Self.indonesian[code] else { return "kesalahan XML nomor \(code) [libxml2: \(message)]" }
        return message.isEmpty ? text : "\(text) [libxml2: \(message)]"
    }

    /// libxml2's error codes (`xmlParserErrors`) an export can meet, in Bahasa Indonesia.
    private static let indonesian: [Int: String] = [
        1: "galat di dalam pembaca XML", 2: "memori tidak cukup untuk membaca XML", 4: "dokumen kosong",
        5: "ada isi setelah akhir dokumen", 6: "rujukan karakter heksadesimal (&#x…;) tidak sah",
        7: "rujukan karakter desimal (&#…;) tidak sah", 9: "ada karakter yang tidak boleh ada dalam XML",
        23: "rujukan entitas (&…) tanpa titik koma", 26: "entitas yang tidak dikenal",
        27: "entitas yang tidak dikenal", 31: "pengodean karakter tidak dikenal",
        32: "pengodean karakter tidak didukung", 34: "nilai atribut tidak ditutup tanda kutip",
        38: "tanda '<' di dalam nilai atribut", 39: "nilai atribut tidak diawali tanda kutip",
        41: "atribut tanpa nilai", 42: "satu atribut ditulis dua kali dalam satu elemen",
        45: "komentar tidak ditutup", 47: "instruksi pemrosesan (<?…?>) tidak ditutup",
        61: "deklarasi DOCTYPE tidak ditutup", 62: "']]>' di luar bagian CDATA", 63: "bagian CDATA tidak ditutup",
        64: "deklarasi <?xml …?> hanya boleh di awal dokumen",
        65: "spasi yang wajib tidak ada", 68: "nama elemen atau atribut tidak ada atau tidak sah",
        72: "tanda '<' tidak ada", 73: "tanda '>' tidak ada", 74: "tanda '</' tidak ada",
        75: "tanda '=' tidak ada setelah nama atribut", 76: "tag penutup tidak cocok dengan tag pembukanya",
        77: "elemen belum ditutup", 81: "isi bukan teks yang sah dalam pengodean berkas",
        85: "elemen tidak seimbang", 86: "ada isi tambahan di luar elemen akar",
        89: "entitas merujuk dirinya sendiri atau terlalu banyak (dihentikan demi keamanan)",
        201: "awalan namespace tidak dideklarasikan",
    ]
}

/// The input side of ``XMLTableReader``: the pieces it hands to libxml2's parser, and what it learns of them.
///
/// It pulls bytes from the ``ByteSource`` as the reader asks, keeps a bounded window of the most recent
/// bytes (so a record's start and the damaged rest of a file can be found), and collects libxml2's errors.
final class XMLInputFeed {
    /// Bytes kept after a trim of the window.
    private static let windowKeep = 256 * 1024
    /// Window size that triggers a trim.
    private static let windowLimit = 512 * 1024
    /// Bytes read from the source at a time.
    private static let blockSize = 64 * 1024
    /// Non-fatal libxml2 issues kept for warnings.
    private static let issueLimit = 5

    private let source: any ByteSource
    /// The source's failure, if reading it failed. libxml2 is then told "end of input".
    private(set) var failure: InputError?
    /// The first byte read that is not white space (nor part of a UTF-8 byte order mark).
    private(set) var firstContentByte: UInt8?
    /// Whether the document is UTF-16 big-endian (`true`) or little-endian (`false`), as its first two bytes
    /// show (a byte order mark, or a unit with a zero byte); `nil` for UTF-8 and single-byte encodings.
    /// Recovered text is then decoded as UTF-16. Lines are still counted by `0A` bytes (exact but for the
    /// rare characters U+0A00…U+0AFF in little-endian).
    private(set) var utf16BigEndian: Bool?
    /// Whether the first two bytes have been looked at for ``utf16BigEndian``.
    private var encodingSeen = false
    /// The first fatal error libxml2 reported.
    private(set) var fatal: XMLParseIssue?
    /// The last error of any level.
    private(set) var lastIssue: XMLParseIssue?
    /// The first few non-fatal errors (level 2), in order.
    private(set) var nonFatal: [XMLParseIssue] = []
    /// How many non-fatal errors were reported in all.
    private(set) var nonFatalCount = 0

    /// Bytes read from the source and not yet handed to libxml2: `staged[stagedStart...]`.
    private var staged: [UInt8] = []
    private var stagedStart = 0

    /// Bytes handed to libxml2 so far.
    private(set) var fedCount = 0
    /// The most recent bytes handed to libxml2: offsets `fedCount - window.count ..< fedCount`.
    private var window: [UInt8] = []
    /// Line of `window[0]`.
    private var windowFirstLine = 1
    /// Offset of `window[0]` in the input.
    private var windowStart: Int { fedCount - window.count }

    init(source: any ByteSource) {
        self.source = source
    }

    /// The next piece of input for the parser: up to `capacity` bytes into `buffer`; 0 at the end.
    ///
    /// With ``tagPieces`` a piece ends after the first `>` in it (see there); otherwise it is as much as is
    /// staged, up to `capacity`.
    ///
    /// A failing source is remembered and reported as the end of input, so libxml2 never prints an
    /// I/O error of its own; the reader then throws ``failure``.
    func fill(_ buffer: UnsafeMutableRawPointer, capacity: Int) -> Int {
        guard capacity > 0 else { return 0 }
        if stagedStart == staged.count {
            guard refill() else { return 0 }
        }
        let available = min(capacity, staged.count - stagedStart)
        var count = available
        // The first piece is at least 4 bytes: libxml2 detects the encoding from them.
        let searchFrom = stagedStart + (fedCount < 4 ? min(3, available) : 0)
        if tagPieces, searchFrom < stagedStart + available,
            let close = Self.index(of: 0x3E, in: staged, searchFrom..<(stagedStart + available))
        {
            count = close + 1 - stagedStart
            // In UTF-16LE a `>` is `3E 00`: the piece ends after the whole code unit.
            if utf16BigEndian == false, count < available { count += 1 }
        }
        staged.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            buffer.copyMemory(from: base + stagedStart, byteCount: count)
        }
        remember(staged[stagedStart..<(stagedStart + count)])
        stagedStart += count
        return count
    }

    /// Whether ``fill(_:capacity:)`` hands out one tag at a time (each piece ends after a `>`).
    ///
    /// The reader asks for this while the parser converts the file from another encoding than UTF-8: the
    /// parser's position in the file's own bytes is then found by converting back what it holds unparsed
    /// (`xmlByteConsumed`), and one tag at a time it holds little.
    var tagPieces = true

    /// Reads the next block of the source into `staged`; `false` at the end or on failure.
    private func refill() -> Bool {
        guard failure == nil else { return false }
        staged.removeAll(keepingCapacity: true)
        stagedStart = 0
        guard readBlock() else { return false }
        if fedCount == 0 {
            // The start of the file: read on until the XML declaration, if any, is whole (a source may hand out
            // a few bytes at a time), then move white space before it to after it.
            while staged.count < Self.declarationLookahead, Self.declarationStart(staged) == .incomplete, readBlock() {}
            if case .spaceBefore(let space, let declaration) = Self.declarationStart(staged) {
                staged.replaceSubrange(
                    space.lowerBound...declaration.upperBound, with: staged[declaration] + staged[space])
            }
        }
        return true
    }

    /// Appends the source's next block to `staged`; `false` at the end or on failure.
    private func readBlock() -> Bool {
        guard failure == nil else { return false }
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.blockSize, alignment: 1)
        defer { block.deallocate() }
        let count: Int
        do {
            count = try source.read(into: block)
        } catch {
            failure = error
            return false
        }
        guard count > 0 else { return false }
        staged.append(
            contentsOf: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(block)[0..<min(count, block.count)]))
        return true
    }

    /// How far the start of a file is read for an XML declaration after white space.
    private static let declarationLookahead = 4096

    /// What the first bytes of a file hold before their XML declaration.
    enum DeclarationStart: Equatable {
        /// Too few bytes yet to tell (white space, or the start of a declaration, so far).
        case incomplete
        /// No white space before a declaration: nothing to move.
        case none
        /// White space at `space` (after a UTF-8 byte order mark, if any), then the declaration at `declaration`.
        case spaceBefore(space: Range<Int>, declaration: ClosedRange<Int>)
    }

    /// Whether `bytes`, the first bytes of a file, begin with white space before an XML declaration.
    ///
    /// XML allows nothing before the declaration, and libxml2 refuses such a file as damaged; exports written
    /// by scripts often begin with a stray newline, and inputs.md decides a file is XML by its "first non-blank,
    /// non-BOM byte". The reader moves the white space to just after the declaration: the same bytes stay in
    /// the file, so every line and offset after the declaration is where it was.
    static func declarationStart(_ bytes: [UInt8]) -> DeclarationStart {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        if bytes.count < mark.count, mark.starts(with: bytes) { return .incomplete }
        let start = bytes.starts(with: mark) ? mark.count : 0
        var i = start
        while i < bytes.count, isBlank(bytes[i]) { i += 1 }
        let opening = Array("<?xml".utf8), rest = bytes[i...]
        if rest.count <= opening.count { return opening.starts(with: rest) ? .incomplete : .none }
        guard rest.starts(with: opening) else { return .none }
        guard let close = Self.index(of: UInt8(ascii: ">"), in: bytes, i..<bytes.count) else { return .incomplete }
        guard i > start, isBlank(bytes[i + opening.count]), bytes[close - 1] == UInt8(ascii: "?") else { return .none }
        return .spaceBefore(space: start..<i, declaration: i...close)
    }

    /// Whether `byte` is XML white space (space, tab, CR, LF).
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// libxml2's structured error callback body.
    func note(level: Int, code: Int, line: Int, message: String) {
        var text = Self.trimmed(message)
        if text.count > 200 { text = String(text.prefix(200)) + "…" }
        let issue = XMLParseIssue(level: level, code: code, line: max(line, 0), message: text)
        if level >= 3, fatal == nil { fatal = issue }
        if level >= 2 { lastIssue = issue }
        if level == 2 {
            nonFatalCount += 1
            if nonFatal.count < Self.issueLimit { nonFatal.append(issue) }
        }
    }

    /// Offset of the last `<` handed to libxml2 before `offset` (a `<` code unit in UTF-16), searching back at
    /// most 64 KB; `nil` when not found.
    ///
    /// Given the parser's position at the end of a start tag, this is where the tag starts: a `<` can stand
    /// neither in a tag's name nor in its attribute values, and in UTF-8 or a single-byte encoding no other
    /// character holds the byte.
    func lastTagStart(before offset: Int) -> Int? {
        guard offset > windowStart, offset <= fedCount else { return nil }
        let lowest = max(0, offset - windowStart - 64 * 1024)
        return window.withUnsafeBufferPointer { bytes -> Int? in
            var index = offset - windowStart - 1
            switch utf16BigEndian {
            case nil:
                while index >= lowest {
                    if bytes[index] == 0x3C { return windowStart + index }
                    index -= 1
                }
            case let bigEndian?:
                // Code units stand at even offsets (a byte order mark is one), `offset` at one's start.
                var position = offset - 2 - offset % 2
                while position - windowStart >= lowest {
                    let i = position - windowStart
                    if bigEndian ? (bytes[i] == 0 && bytes[i + 1] == 0x3C) : (bytes[i] == 0x3C && bytes[i + 1] == 0) {
                        return position
                    }
                    position -= 2
                }
            }
            return nil
        }
    }

    /// The 1-based line of the byte at `offset`, when that byte is still in the window (or is the
    /// next byte to be handed over).
    ///
    /// Line feeds are counted on from the last offset asked, when it is at or before this one and still in
    /// the window, else from the window's first byte: the reader asks for its records' offsets in file order,
    /// so a file's lines are counted about once.
    func line(atOffset offset: Int) -> Int? {
        guard offset >= windowStart, offset <= fedCount else { return nil }
        if lineCursor.offset < windowStart || lineCursor.offset > offset { lineCursor = (windowStart, windowFirstLine) }
        let between = window.withUnsafeBufferPointer {
            Self.count(of: 0x0A, in: $0[(lineCursor.offset - windowStart)..<(offset - windowStart)])
        }
        lineCursor = (offset, lineCursor.line + between)
        return lineCursor.line
    }

    /// The last offset ``line(atOffset:)`` answered, and its line.
    private var lineCursor = (offset: -1, line: 0)

    /// The text of the input from `offset` on, white space at its start skipped, at most `limit`
    /// bytes, and the line where that text starts; `nil` when `offset` has left the window.
    func recoverText(fromOffset offset: Int, limit: Int) -> (line: Int, text: String)? {
        guard offset >= windowStart, offset <= fedCount, var line = self.line(atOffset: offset) else { return nil }
        var start = offset - windowStart
        // In UTF-16 the zero bytes of white space are skipped with it; `text` then realigns on a code unit.
        let blank: [UInt8] = utf16BigEndian == nil ? [0x20, 0x09, 0x0A, 0x0D] : [0x20, 0x09, 0x0A, 0x0D, 0x00]
        while start < window.count, blank.contains(window[start]) {
            if window[start] == 0x0A { line += 1 }
            start += 1
        }
        if start == window.count {
            while stagedStart < staged.count, blank.contains(staged[stagedStart]) {
                if staged[stagedStart] == 0x0A { line += 1 }
                stagedStart += 1
            }
        }
        return (line, text(from: start, limit: limit))
    }

    /// The text of the input from the start of `line` on, at most `limit` bytes (cut at a character
    /// boundary), reading further from the source when the window holds less. Bytes that are not
    /// UTF-8 are replaced. When `line` has already left the window, the text starts at the window's
    /// first byte (the window holds the last 256 KB or more, far beyond libxml2's look-ahead).
    func recoverText(fromLine line: Int, limit: Int) -> String {
        var start = 0
        var atLine = windowFirstLine
        while atLine < line, start < window.count {
            guard let newline = window[start...].firstIndex(of: 0x0A) else {
                start = window.count
                break
            }
            start = newline + 1
            atLine += 1
        }
        return text(from: start, limit: limit)
    }

    /// `window[start...]`, then the staged bytes, then more of the source: at most `limit` bytes, cut
    /// at a character boundary, decoded as UTF-8 (bytes that are not UTF-8 are replaced), or as UTF-16
    /// for a UTF-16 document, from the code unit `start` falls in (little-endian: the next one).
    private func text(from start: Int, limit: Int) -> String {
        var start = start
        var skip = 0
        if let bigEndian = utf16BigEndian, (windowStart + start) % 2 == 1 {
            if bigEndian, start > 0 { start -= 1 } else { skip = 1 }
        }
        var bytes = Array(window[start...].prefix(limit + 4))
        if bytes.count < limit + 4 {
            bytes.append(contentsOf: staged[stagedStart...].prefix(limit + 4 - bytes.count))
            stagedStart = staged.count
        }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
        defer { chunk.deallocate() }
        while bytes.count < limit, failure == nil {
            let count: Int
            do {
                count = try source.read(into: chunk)
            } catch {
                failure = error
                break
            }
            if count <= 0 { break }
            bytes.append(
                contentsOf: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(chunk)[0..<min(count, chunk.count)])
            )
        }
        bytes.removeFirst(min(skip, bytes.count))
        if let bigEndian = utf16BigEndian {
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 0
            while i + 1 < min(bytes.count, limit) {
                let high = UInt16(bytes[bigEndian ? i : i + 1]), low = UInt16(bytes[bigEndian ? i + 1 : i])
                units.append(high << 8 | low)
                i += 2
            }
            // A surrogate pair cut in two is dropped, not replaced.
            if let last = units.last, (0xD800..<0xDC00).contains(last) { units.removeLast() }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.count > limit {
            var cut = limit
            // Do not split a UTF-8 sequence: step back over continuation bytes.
            while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            bytes.removeSubrange(cut...)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func remember(_ bytes: ArraySlice<UInt8>) {
        if firstContentByte == nil, let first = bytes.first(where: { !Self.isBlankOrMark($0) }) {
            firstContentByte = first
        }
        fedCount += bytes.count
        window.append(contentsOf: bytes)
        if !encodingSeen, window.count >= 2, windowStart == 0 {
            encodingSeen = true
            let first = window[0], second = window[1]
            if (first, second) == (0xFF, 0xFE) || (first != 0 && second == 0) {
                utf16BigEndian = false
            } else if (first, second) == (0xFE, 0xFF) || (first == 0 && second != 0) {
                utf16BigEndian = true
            }
        }
        guard window.count > Self.windowLimit else { return }
        var cut = window.count - Self.windowKeep
        if let newline = window[cut...].firstIndex(of: 0x0A) { cut = newline + 1 }
        windowFirstLine += window.withUnsafeBufferPointer { Self.count(of: 0x0A, in: $0[0..<cut]) }
        window.removeFirst(cut)
    }

    /// Where `byte` first stands in `bytes[range]`, searched in the contiguous bytes (through the slice's
    /// generic iteration, this search and the count below were a tenth of handing bytes to libxml2).
    private static func index(of byte: UInt8, in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            for i in range where buffer[i] == byte { return i }
            return nil
        }
    }

    /// How many times `byte` occurs in `bytes`, counted 16 bytes at a time (SSE2, `padan_count_byte`): byte by
    /// byte through the slice it was a tenth of reading a schools file.
    private static func count(of byte: UInt8, in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        let buffer = UnsafeBufferPointer(rebasing: bytes)
        guard let base = buffer.baseAddress else { return 0 }
        return padan_count_byte(base, buffer.count, byte)
    }

    /// `text` without leading and trailing XML white space (space, tab, CR, LF).
    static func trimmed(_ text: String) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = text.firstIndex(where: { !blank($0) }),
            let last = text.lastIndex(where: { !blank($0) })
        else { return "" }
        return String(text[first...last])
    }

    /// White space, or a byte of the UTF-8 byte order mark.
    private static func isBlankOrMark(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF: return true
        default: return false
        }
    }
}
