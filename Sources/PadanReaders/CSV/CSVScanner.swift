import CByteScan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The byte-level half of the CSV reader: finds records and field boundaries in a refillable buffer.
///
/// It never builds strings. Each ``scan()`` leaves the record's bytes in the buffer (``recordBytes``)
/// and its fields in ``fields``, valid until the next call. The buffer is one allocation that
/// holds the unread rest of the current chunk; it grows by doubling only when a single record is
/// larger than it, and scanning resumes where it stopped after a refill, so a 10 MB field or a
/// 1 MB line costs linear time.
final class CSVScanner {
    enum Outcome {
        /// A record: ``fields``, ``recordBytes``, ``recordLine``, ``containsNul``.
        case record
        /// A quote that is never closed: ``recordBytes`` is the first physical line of its record.
        case unterminatedQuote
        /// A record longer than ``maximumRecordBytes``: ``overlongPrefix`` holds its start; the rest was skipped.
        case tooLong
        /// No more bytes.
        case end
    }

    // Byte classes in the lookup tables.
    private static let ordinary: UInt8 = 0
    private static let delimiterClass: UInt8 = 1
    private static let quoteClass: UInt8 = 2
    private static let lineFeedClass: UInt8 = 3
    private static let carriageReturnClass: UInt8 = 4
    private static let nulClass: UInt8 = 5

    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    let maximumRecordBytes: Int
    private(set) var delimiter: UInt8 = 0x2C
    private(set) var fields = CSVFields()
    private(set) var recordLine = 1
    private(set) var containsNul = false
    private(set) var overlongPrefix: [UInt8] = []

    private let source: any ByteSource
    private let chunkSize: Int
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// First unconsumed byte; every offset the scan keeps is relative to it.
    private var start = 0
    private var end = 0
    private var recordOffset = 0
    private var recordLength = 0
    private var sourceEnded = false
    /// The last record ended in CR: a LF right after it belongs to the same line break.
    private var skipLineFeed = false
    /// Physical line of the byte at `start`.
    private var line = 1
    private let unquotedClasses: UnsafeMutablePointer<UInt8>
    /// Where the 64 bytes of ``windowBits`` start in `storage` (far below 0 when there are none: a refill moves
    /// the bytes). Stepping by these masks' bits, the scanner's share of reading the national `pns.txt` (406 MB,
    /// not decoded, `padan-csv-bench` under `perf`) fell from 0.29 s (eight bytes at a time, then a table lookup
    /// and a branch on each field's last byte) to 0.17 s.
    private var window = Int.min / 2
    /// Bit `i` set when byte `window + i` is the delimiter, a quote, CR, LF or NUL (`padan_csv_special_mask`).
    private var windowBits: UInt64 = 0
    /// The delimiters among ``windowBits``.
    private var windowDelimiters: UInt64 = 0
    private let quotedClasses: UnsafeMutablePointer<UInt8>

    init(source: any ByteSource, chunkSize: Int, maximumRecordBytes: Int) {
        self.source = source
        self.chunkSize = max(chunkSize, 16)
        self.maximumRecordBytes = max(maximumRecordBytes, 1)
        capacity = self.chunkSize * 2
        storage = .allocate(capacity: capacity)
        unquotedClasses = .allocate(capacity: 256)
        quotedClasses = .allocate(capacity: 256)
        unquotedClasses.initialize(repeating: Self.ordinary, count: 256)
        quotedClasses.initialize(repeating: Self.ordinary, count: 256)
        for table in [unquotedClasses, quotedClasses] {
            table[Int(Self.quote)] = Self.quoteClass
            table[Int(Self.lineFeed)] = Self.lineFeedClass
            table[Int(Self.carriageReturn)] = Self.carriageReturnClass
            table[0] = Self.nulClass
        }
        setDelimiter(0x2C)
    }

    deinit {
        storage.deallocate()
        fields.deallocate()
        unquotedClasses.deallocate()
        quotedClasses.deallocate()
    }

    /// The bytes of the last record (or reject), without its line break.
    var recordBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage + recordOffset, count: recordLength)
    }

    func setDelimiter(_ byte: UInt8) {
        unquotedClasses[Int(delimiter)] = Self.ordinary
        delimiter = byte
        unquotedClasses[Int(byte)] = Self.delimiterClass
    }

    /// The first `count` bytes not yet scanned (fewer at the end of the source).
    func lookAhead(_ count: Int) throws(InputError) -> UnsafeBufferPointer<UInt8> {
        while end - start < count && !sourceEnded { try fill() }
        return UnsafeBufferPointer(start: storage + start, count: min(count, end - start))
    }

    /// Drops `count` bytes that ``lookAhead(_:)`` showed (a byte order mark).
    func skip(_ count: Int) {
        start += min(count, end - start)
    }

    /// Counts `,` `;` `|` and TAB outside quotes on the first line that is not blank and returns
    /// the most frequent (ties in that order; `,` when none occurs). Consumes nothing.
    func detectDelimiter() throws(InputError) -> UInt8 {
        let candidates: [UInt8] = [0x2C, 0x3B, 0x7C, 0x09]
        var counts = [0, 0, 0, 0]
        var pos = 0
        var inQuotes = false
        var visible = false
        scanning: while true {
            let base = storage + start
            // Never past the size limit: a header line whose quotes run on would otherwise be judged on
            // however much the buffer happened to hold (found by padan-fuzz-csv).
            while pos < min(end - start, maximumRecordBytes) {
                let byte = base[pos]
                pos += 1
                if byte == Self.quote {
                    inQuotes.toggle()
                    visible = true
                } else if inQuotes {
                    continue
                } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                    if visible { break scanning }
                    counts = [0, 0, 0, 0]
                } else if let index = candidates.firstIndex(of: byte) {
                    counts[index] += 1
                    if byte != 0x09 { visible = true }
                } else if byte != 0x20 && byte != 0x09 {
                    visible = true
                }
            }
            if sourceEnded || pos >= maximumRecordBytes { break }
            try fill()
        }
        var best = 0
        for index in 1..<candidates.count where counts[index] > counts[best] { best = index }
        return candidates[best]
    }

    /// Finds the next record. See ``Outcome`` for what each result leaves behind.
    func scan() throws(InputError) -> Outcome {
        // Fields gather in a local copy of ``fields`` (its buffers, not their bytes), put back at the end:
        // appending to a class property costs a dynamic exclusivity check per field.
        var gathered = fields
        gathered.removeAll()
        defer { fields = gathered }
        containsNul = false
        if skipLineFeed {
            if start == end && !sourceEnded { try fill() }
            if start < end {
                if storage[start] == Self.lineFeed { start += 1 }
                skipLineFeed = false
            }
        }
        recordLine = line
        var pos = 0
        var fieldStart = 0
        var shape = CSVFieldSpan.Shape.plain
        var state = State.fieldStart
        var breaksInQuotes = 0
        let unquoted = unquotedClasses
        let quoted = quotedClasses
        while true {
            let base = storage + start
            // Never look past the size limit, so what happens to an over-long record does not depend
            // on how much of it happened to be in the buffer.
            let limit = min(end - start, maximumRecordBytes + 1)
            while pos < limit {
                switch state {
                case .fieldStart:
                    if base[pos] == Self.quote {
                        state = .quoted
                        shape = .quoted
                        pos += 1
                    } else {
                        state = .unquoted
                    }
                case .unquoted:
                    // Field after field by the set bits of 64 bytes' masks (``windowBits``), to the first special
                    // byte that is not a delimiter (a field that opens with a quote goes back to `.fieldStart`); the
                    // buffer's last bytes byte by byte.
                    var byteClass = Self.ordinary
                    fields: while pos < limit {
                        let at = start + pos
                        if at < window || at >= window + 64 {
                            if end - at < 64 { break }
                            window = at
                            windowBits = padan_csv_special_mask(storage + at, delimiter, &windowDelimiters)
                        }
                        let shift = UInt64(at - window)
                        var ahead = windowBits >> shift
                        let delimiters = windowDelimiters >> shift
                        while ahead != 0 {
                            let offset = ahead.trailingZeroBitCount
                            let found = pos + offset
                            if found >= limit {
                                pos = limit
                                break fields
                            }
                            if (delimiters >> UInt64(offset)) & 1 == 0 {
                                pos = found
                                byteClass = unquoted[Int(base[found])]
                                break fields
                            }
                            gathered.append(start: fieldStart, end: found, shape: shape)
                            fieldStart = found + 1
                            shape = .plain
                            ahead &= ahead &- 1
                        }
                        pos = min(window + 64 - start, limit)
                    }
                    // A quote that opens a field (found by the masks or left to the bytes below): the field's start
                    // decides.
                    if pos == fieldStart, pos < limit, base[pos] == Self.quote {
                        state = .fieldStart
                        break
                    }
                    while byteClass == Self.ordinary && pos < limit {
                        byteClass = unquoted[Int(base[pos])]
                        if byteClass != Self.ordinary { break }
                        pos += 1
                    }
                    if pos == limit { break }
                    switch byteClass {
                    case Self.delimiterClass:
                        gathered.append(start: fieldStart, end: pos, shape: shape)
                        pos += 1
                        fieldStart = pos
                        shape = .plain
                        state = .fieldStart
                    case Self.lineFeedClass, Self.carriageReturnClass:
                        gathered.append(start: fieldStart, end: pos, shape: shape)
                        return finishRecord(length: pos, terminator: base[pos], breaks: breaksInQuotes)
                    case Self.nulClass:
                        containsNul = true
                        pos += 1
                    default:
                        // A quote inside an unquoted field is kept as a literal character.
                        pos += 1
                    }
                case .quoted:
                    var byteClass = Self.ordinary
                    while pos < limit {
                        byteClass = quoted[Int(base[pos])]
                        if byteClass != Self.ordinary { break }
                        pos += 1
                    }
                    if pos == limit { break }
                    switch byteClass {
                    case Self.quoteClass:
                        state = .afterQuote
                    case Self.lineFeedClass:
                        // CRLF is one line break; the CR before it (same record, so in the buffer) counted it.
                        if base[pos - 1] != Self.carriageReturn { breaksInQuotes += 1 }
                    case Self.carriageReturnClass:
                        breaksInQuotes += 1
                    default:
                        containsNul = true
                    }
                    pos += 1
                case .afterQuote:
                    let byte = base[pos]
                    if byte == Self.quote {
                        shape = .complex
                        state = .quoted
                        pos += 1
                    } else {
                        if byte != delimiter && byte != Self.lineFeed && byte != Self.carriageReturn {
                            shape = .complex
                        }
                        state = .unquoted
                    }
                }
            }
            if pos > maximumRecordBytes {
                gathered.removeAll()
                if state == .quoted {
                    return try recoverUnterminatedQuote(scanned: pos, breaks: breaksInQuotes)
                }
                return try skipOverlong(scanned: pos, breaks: breaksInQuotes)
            }
            if sourceEnded {
                if state == .quoted {
                    gathered.removeAll()
                    return try recoverUnterminatedQuote(scanned: pos, breaks: breaksInQuotes)
                }
                if pos == 0 && gathered.count == 0 {
                    start = end
                    return .end
                }
                gathered.append(start: fieldStart, end: pos, shape: shape)
                return finishRecord(length: pos, terminator: nil, breaks: breaksInQuotes)
            }
            try fill()
        }
    }

    private func finishRecord(length: Int, terminator: UInt8?, breaks: Int) -> Outcome {
        recordOffset = start
        recordLength = length
        start += length + (terminator == nil ? 0 : 1)
        skipLineFeed = terminator == Self.carriageReturn
        line = recordLine + breaks + (terminator == nil ? 0 : 1)
        return .record
    }

    /// The record from `start` opened a quote that the file never closes (or not within
    /// ``maximumRecordBytes``). Its first physical line becomes the reject and scanning restarts on
    /// the next line, so the rows after a stray quote are read again on their own.
    private func recoverUnterminatedQuote(scanned: Int, breaks: Int) throws(InputError) -> Outcome {
        let base = storage + start
        var index = 0
        while index < scanned && base[index] != Self.lineFeed && base[index] != Self.carriageReturn {
            index += 1
        }
        containsNul = false
        fields.removeAll()
        if index < scanned {
            recordOffset = start
            recordLength = index
            skipLineFeed = base[index] == Self.carriageReturn
            start += index + 1
            line = recordLine + 1
            return .unterminatedQuote
        }
        if sourceEnded && scanned == end - start {
            recordOffset = start
            recordLength = scanned
            start += scanned
            return .unterminatedQuote
        }
        return try skipOverlong(scanned: scanned, breaks: breaks)
    }

    /// Keeps the first KiB of an over-long record for the reject and discards bytes up to the next
    /// line break, without holding them.
    private func skipOverlong(scanned: Int, breaks: Int) throws(InputError) -> Outcome {
        fields.removeAll()
        containsNul = false
        // Cut before a UTF-8 sequence, not inside one, so the prefix does not look like Windows-1252.
        var cut = min(scanned, 1024)
        while cut > 0 && cut < scanned && storage[start + cut] & 0xC0 == 0x80 { cut -= 1 }
        overlongPrefix = Array(UnsafeBufferPointer(start: storage + start, count: cut))
        recordOffset = start
        recordLength = 0
        start += scanned
        line = recordLine + breaks + 1
        while true {
            while start < end {
                let byte = storage[start]
                start += 1
                if byte == Self.lineFeed || byte == Self.carriageReturn {
                    skipLineFeed = byte == Self.carriageReturn
                    return .tooLong
                }
            }
            if sourceEnded { return .tooLong }
            try fill()
        }
    }

    /// Reads one more chunk after `end`, first moving the unconsumed bytes to the front or growing.
    private func fill() throws(InputError) {
        window = Int.min / 2
        let used = end - start
        if used + chunkSize > capacity {
            var newCapacity = capacity * 2
            while used + chunkSize > newCapacity { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: storage + start, count: used)
            storage.deallocate()
            storage = grown
            capacity = newCapacity
            start = 0
            end = used
        } else if capacity - end < chunkSize {
            if used > 0 { memmove(storage, storage + start, used) }
            start = 0
            end = used
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(start: storage + end, count: capacity - end))
        if count == 0 {
            sourceEnded = true
        } else {
            end += count
        }
    }
}
