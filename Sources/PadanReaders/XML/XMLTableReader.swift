import CLibXML2

/// Streaming reader of an XML input file (`inputs.md`, "Reading rules common to all kinds", **XML**).
///
/// The document is a root element holding repeated record elements (any names). A record's fields
/// are its attributes and its child elements (both may occur, in that order), named by local name;
/// a child element's value is its text content.
///
/// **Header.** Exports often leave out a record's empty elements, so no single record names every
/// column. The reader is given the kind's columns, each as a group of names (canonical name, then
/// aliases); the ``header`` is the first record's field names, in order, then the canonical name of
/// every group none of whose names that record holds (compared by ``ColumnSpec/key(_:)``, as CSV
/// headers are). A later record's fields are placed by the same key: `<NPSN>`, `<npsn>` and an alias
/// of the column land in one column; unknown names are ignored, missing fields are `""`, and
/// ``noRecordHeld(_:)`` tells which columns no record held at all. When a key occurs several times in
/// a record, its n-th occurrence goes to the n-th header column of that key (the first wins where
/// there are fewer). A well-formed document whose root holds no record is an empty table, like a
/// header-only CSV file; its header is the groups' canonical names.
///
/// **Parsing.** libxml2's push parser with SAX2 callbacks, handed the ``ByteSource``'s bytes 64 KB at a
/// time, so memory stays bounded whatever the file size; the callbacks build each record's fields and raw
/// text as bytes, and no document tree is made (libxml2's `xmlTextReader` builds one node by node and was
/// half the time of reading an XML file). The parser's document holds only the DTD, if any, for its entity
/// declarations. libxml2 is never allowed to fetch
/// anything: no `XML_PARSE_NOENT`, `DTDLOAD`, `DTDATTR` or `DTDVALID`; `XML_PARSE_NONET`; and a
/// process-wide external entity loader that refuses every load (see `XMLInputFeed.swift`).
/// Errors are collected through the parser's structured error handler (`XML_PARSE_NOERROR` and
/// `NOWARNING` keep libxml2 off stderr). libxml2's limits stay on (no `XML_PARSE_HUGE`), and the two its
/// tree builder adds are kept by the reader: nesting deeper than 256 elements, entity amplification
/// (billion laughs) and texts over 10 MB are well-formedness errors. The first error that makes the
/// document not well-formed ends the reading where it stands, as libxml2's own reader did.
///
/// **Entities.** Entities declared in a DTD are never expanded: a reference in a field or attribute
/// is kept as its literal text `&name;` (so nothing is silently dropped and the operator sees what
/// the file says), and the file gets one warning. The predefined entities (`&amp;` …), character
/// references and CDATA sections are ordinary text and are decoded.
///
/// **Lines and offsets.** The parser's position in the file's bytes (`xmlByteConsumed`) at the end of a
/// record's start tag finds the tag's `<`, and ``TableRecord/line`` is the line of that `<` (line feeds
/// counted, at any line number). The position after the record's end tag is where its damaged rest would
/// start. While the parser converts another encoding than UTF-8, it is handed one tag at a time, so the
/// position it converts back stays cheap to find.
///
/// **Raw text.** ``TableRecord/raw`` is a compact re-serialization of the record
/// (`<sekolah><npsn>20504741</npsn>…</sekolah>`, white space between elements dropped, text escaped,
/// entity references as written), cut after 64 KB.
///
/// **Damage.** A document that is not well-formed, an empty file, a file without a root, or a root
/// whose first thousand records have no field is fatal (``InputError/Kind/malformed``), unless at least
/// one record has been read: then
/// everything already read is kept, the rest of the file is one ``RowReject`` (its first 4 KB of text,
/// from the start of the damaged record, or the line after the last good record), and the reader
/// ends. A record without any field is a reject.
package final class XMLTableReader: TableReader {
    /// The first record's field names, in order, then the canonical names of the column groups it lacks.
    package private(set) var header: [String] = []

    /// Notes about the file, in Bahasa Indonesia.
    package var warnings: [String] {
        var notes = ownWarnings
        for issue in feed.nonFatal {
            notes.append("XML kurang sah di baris \(issue.line) (tetap dibaca): \(issue.explained)")
        }
        if feed.nonFatalCount > feed.nonFatal.count {
            notes.append("… dan \(feed.nonFatalCount - feed.nonFatal.count) catatan XML lain")
        }
        return notes
    }

    /// Most distinct field names whose header columns are remembered (a hostile file may name every field anew).
    private static let slotCacheLimit = 4096
    /// Most leading records without fields tolerated before the first record with fields.
    private static let leadingRejectLimit = 1_000
    /// Longest text of a damaged rest kept in its reject, in bytes.
    private static let damagedRestLimit = 4 * 1024
    /// Bytes handed to the parser at a time (but one tag at a time, see ``XMLInputFeed/tagPieces``).
    private static let pieceSize = 64 * 1024
    /// Deepest nesting of elements read: libxml2's `xmlParserMaxDepth`, which its tree builder enforces.
    private static let maxDepth = 256
    /// Longest text between two tags: libxml2's `XML_MAX_TEXT_LENGTH`, which its tree builder enforces.
    private static let maxTextLength = 10_000_000

    private enum Phase {
        case beforeRoot, inRoot, afterRoot, done
    }

    private let file: String
    private let feed: XMLInputFeed
    /// libxml2's push parser; `nil` only while `init` makes it. Freed in `deinit`, with the document holding
    /// the DTD.
    private var parser: xmlParserCtxtPtr?
    /// The piece of input being handed to the parser.
    private let piece = UnsafeMutableRawPointer.allocate(byteCount: pieceSize, alignment: 16)

    private var phase = Phase.beforeRoot
    /// Whether the reader stopped the parser (an error of its own, or the document not well-formed).
    private var stopped = false
    private var ownWarnings: [String] = []
    private var warnedEntity = false
    private var warnedStrayText = false
    /// Records and rejects the parser's callbacks made, not yet handed out: `events[nextEvent...]`.
    private var events: [TableEvent] = []
    private var nextEvent = 0

    /// Elements open.
    private var depth = 0
    /// Whether a record is open (``record`` is being built).
    private var inRecord = false
    private var record = XMLRecordBuilder()
    /// Whether the element last opened was written `<name/>` and has not been closed yet.
    private var emptyElementOpen = false
    /// Raw bytes (and values) the last record took, a little more: room the next one starts with.
    private var lastRecordRoom = 0
    /// The text met since the last tag, when inside a record; its length and where it stands, anywhere.
    private var text = XMLBytes(capacity: 4096)
    private var textLength = 0
    private var textDepth = 0
    private var textLine = 0
    private var textIsBlank = true
    /// A piece of raw text being put together (a start tag, escaped text).
    private var scratch = XMLBytes(capacity: 4096)
    /// An attribute's value being read.
    private var attributeValue = XMLBytes()
    private var names = XMLNames()

    /// The kind's columns, each its canonical name then its aliases.
    private let columnGroups: [[String]]
    /// The first record's field names: records named the same way are placed without a lookup.
    private var firstNames: [Int32] = []
    /// Header columns after `firstNames` (groups the first record lacks), empty in records shaped like it.
    private var appendedCount = 0
    /// Header positions of each name key (``ColumnSpec/key(_:)``), in order; an alias's key goes to its group's.
    private var slotsByKey: [String: [Int]] = [:]
    /// `slotsByKey` by the name as written, filled as names are met.
    private var slotsByName: [String: [Int]] = [:]
    /// Per header column, whether a record held that field.
    private var held: [Bool] = []
    /// The field names of the last record not shaped like the first, and the header column of each.
    private var otherShape: (names: [Int32], slots: [Int]) = ([], [])
    /// Records with fields read so far.
    private var recordCount = 0
    /// The parser's line at its last callback.
    private var currentLine = 1
    /// Line where the last record (or reject) ends.
    private var lastRecordEndLine = 0
    /// Offset just after the last record's end tag, when known.
    private var lastRecordEndOffset: Int?
    /// First line after the last record; used when offsets are unknown.
    private var lineAfterLastRecord = 1

    /// Opens the XML document in `source` and reads up to its first record, which gives ``header``.
    ///
    /// - Parameters:
    ///   - source: the file's bytes (plain or un-gzipped); read front to back, on demand.
    ///   - file: the path as the operator gave it, for messages.
    ///   - columns: the columns the file's kind reads, each its canonical name then its aliases; empty
    ///     for a header of the first record's names only.
    /// - Throws: `.malformed` when the document is empty, has no root, only records without fields, or
    ///   is not well-formed before its first full record; the source's own error when reading it fails.
    package init(source: any ByteSource, file: String, columns: [[String]] = []) throws(InputError) {
        prepareLibXML2()
        padan_xml_silence_generic_errors()
        self.file = file
        self.columnGroups = columns.filter { !$0.isEmpty }
        let feed = XMLInputFeed(source: source)
        self.feed = feed
        // The parser detects the encoding from the first four bytes, as libxml2's own reader hands them over.
        var first = 0
        while first < 4 {
            let count = feed.fill(piece + first, capacity: 4 - first)
            if count == 0 { break }
            first += count
        }
        if let failure = feed.failure { throw failure }
        var handler = Self.makeHandler()
        let firstBytes = piece.assumingMemoryBound(to: CChar.self)
        guard
            let parser = xmlCreatePushParserCtxt(&handler, nil, first == 4 ? firstBytes : nil, first == 4 ? 4 : 0, nil)
        else {
            throw InputError(.malformed, file: file, message: "XML tidak sah: libxml2 tidak dapat membuka dokumen")
        }
        self.parser = parser
        // The callbacks find the reader through the parser; its `userData` is the parser itself, so the parser
        // libxml2 makes to check an entity's text is told apart by its own pointer.
        parser.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        // Never XML_PARSE_NOENT, DTDLOAD, DTDATTR, DTDVALID (entity expansion, DTD loading) nor HUGE
        // (it lifts the depth, size and amplification limits).
        let options = Int32(
            truncatingIfNeeded:
                XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        xmlCtxtUseOptions(parser, options)
        if first > 0, first < 4 { try parse(count: first) }

        while true {
            var rejects = 0
            var recordFound = false
            for event in events[nextEvent...] {
                if case .record = event {
                    recordFound = true
                    break
                }
                rejects += 1
            }
            if rejects > Self.leadingRejectLimit {
                throw InputError(
                    .malformed, file: file,
                    message:
                        "berkas XML tidak berisi rekaman: \(Self.leadingRejectLimit) rekaman pertama tidak berkolom")
            }
            if recordFound { break }
            // The document ended well-formed before any record with fields: an empty table.
            guard phase != .done else {
                header = columnGroups.map { $0[0] }
                break
            }
            try pump()
        }
    }

    deinit {
        if let parser {
            if let document = parser.pointee.myDoc {
                xmlFreeDoc(document)
                parser.pointee.myDoc = nil
            }
            xmlFreeParserCtxt(parser)
        }
        piece.deallocate()
        record.free()
        text.free()
        scratch.free()
        attributeValue.free()
    }

    /// The next record or reject, in file order; `nil` at the end (and after a damaged rest).
    package func next() throws(InputError) -> TableEvent? {
        while nextEvent == events.count {
            guard phase != .done else { return nil }
            events.removeAll()
            nextEvent = 0
            try pump()
        }
        let event = events[nextEvent]
        nextEvent += 1
        return event
    }

    // MARK: - Parsing

    /// Hands the parser the next piece of input, or the end of it; the callbacks add to ``events``.
    private func pump() throws(InputError) {
        // One tag at a time until the root has started (the declaration may name an encoding), and as long as
        // the parser converts an encoding.
        feed.tagPieces = phase == .beforeRoot || parser?.pointee.input?.pointee.buf?.pointee.encoder != nil
        try parse(count: feed.fill(piece, capacity: Self.pieceSize))
    }

    /// Parses `count` bytes of ``piece`` (0: the end of input).
    private func parse(count: Int) throws(InputError) {
        guard let parser else { return }
        let status =
            count == 0
            ? xmlParseChunk(parser, nil, 0, 1)
            : xmlParseChunk(parser, piece.assumingMemoryBound(to: CChar.self), Int32(count), 0)
        if stopped || status != 0 || parser.pointee.wellFormed == 0 {
            stopped = true
            events.append(.reject(try damaged()))
            phase = .done
        } else if count == 0 {
            phase = .done
            if let failure = feed.failure { throw failure }
        }
    }

    /// Runs `body` on the reader of a callback's `context`, unless the callback comes from the parser libxml2
    /// makes to check an entity's text, or after the document stopped being well-formed (nothing after its first
    /// error is read). The reader is borrowed, not retained: it owns the parser whose callback this is.
    private static func withReader(_ context: UnsafeMutableRawPointer?, _ body: (XMLTableReader) -> Void) {
        guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let owner = parser.pointee._private
        else { return }
        Unmanaged<XMLTableReader>.fromOpaque(owner)._withUnsafeGuaranteedRef { reader in
            guard reader.parser == parser, !reader.stopped else { return }
            if parser.pointee.wellFormed == 0 {
                reader.stop()
                return
            }
            reader.currentLine = Int(parser.pointee.input.pointee.line)
            body(reader)
        }
    }

    /// Stops the parser: nothing more is read.
    private func stop() {
        stopped = true
        if let parser { xmlStopParser(parser) }
    }

    /// Stops the parser on an error of libxml2's tree builder, which the reader keeps (see "Parsing" above).
    private func fail(code: xmlParserErrors, message: String) {
        feed.note(level: Int(XML_ERR_FATAL.rawValue), code: Int(code.rawValue), line: currentLine, message: message)
        stop()
    }

    /// The parser's position in the file's bytes, when it can tell.
    private func position() -> Int? {
        guard let parser else { return nil }
        let consumed = xmlByteConsumed(parser)
        return consumed >= 0 ? Int(consumed) : nil
    }

    /// The callbacks: SAX2's own for the document and its DTD (entity declarations), the reader's for the rest.
    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        xmlSAXVersion(&handler, 2)
        handler.startElementNs = {
            context, localName, prefix, _, namespaceCount, namespaces, attributeCount, defaulted, attributes in
            guard let localName else { return }
            XMLTableReader.withReader(context) { reader in
                reader.startElement(
                    name: reader.names.id(local: localName, prefix: prefix),
                    namespaces: UnsafeBufferPointer(start: namespaces, count: 2 * Int(namespaceCount)),
                    // Attributes defaulted by the DTD are not the file's (libxml2's tree builder leaves them out too).
                    attributes: UnsafeBufferPointer(start: attributes, count: 5 * Int(attributeCount - defaulted)))
            }
        }
        handler.endElementNs = { context, localName, prefix, _ in
            guard let localName else { return }
            XMLTableReader.withReader(context) { $0.endElement(name: $0.names.id(local: localName, prefix: prefix)) }
        }
        let characters: charactersSAXFunc = { context, bytes, count in
            guard let bytes, count > 0 else { return }
            XMLTableReader.withReader(context) { $0.characters(UnsafeBufferPointer(start: bytes, count: Int(count))) }
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.reference = { context, name in
            guard let name else { return }
            XMLTableReader.withReader(context) {
                $0.reference(UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name))))
            }
        }
        handler.comment = { context, _ in XMLTableReader.withReader(context) { $0.flushText() } }
        handler.processingInstruction = { context, _, _ in XMLTableReader.withReader(context) { $0.flushText() } }
        handler.serror = { context, error in
            guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self),
                let owner = parser.pointee._private,
                let issue = error?.pointee
            else { return }
            Unmanaged<XMLTableReader>.fromOpaque(owner).takeUnretainedValue().feed.note(
                level: Int(issue.level.rawValue), code: Int(issue.code), line: Int(issue.line),
                message: issue.message.map { String(cString: $0) } ?? "")
        }
        return handler
    }

    // MARK: - Callbacks

    /// A start tag: the record's (depth 1), a field's (2) or deeper. `attributes` holds five pointers an
    /// attribute (local name, prefix, URI, value, end of value), `namespaces` two a declaration (prefix, URI).
    private func startElement(
        name: Int32, namespaces: UnsafeBufferPointer<UnsafePointer<xmlChar>?>,
        attributes: UnsafeBufferPointer<UnsafePointer<xmlChar>?>
    ) {
        flushText()
        let level = depth
        depth += 1
        if level > Self.maxDepth {
            fail(
                code: XML_ERR_INTERNAL_ERROR,
                message: "Excessive depth in document: \(Self.maxDepth) use XML_PARSE_HUGE option")
            return
        }
        // The parser stands on the tag's `>`, or on the `/` of `/>`.
        let isEmpty = parser?.pointee.input.pointee.cur.pointee == UInt8(ascii: "/")
        emptyElementOpen = isEmpty
        if level == 0 {
            phase = .inRoot
            // Only read for the warning about entity references.
            startTag(name: name, namespaces: namespaces, attributes: attributes, isEmpty: isEmpty, fields: false)
            return
        }
        if level == 1 {
            let start = position().flatMap(feed.lastTagStart(before:))
            record.start(
                line: start.flatMap(feed.line(atOffset:)) ?? currentLine, offset: start, capacity: lastRecordRoom)
            inRecord = true
        } else if level == 2, inRecord {
            record.openField(name, isEmpty: isEmpty)
        }
        startTag(name: name, namespaces: namespaces, attributes: attributes, isEmpty: isEmpty, fields: level == 1)
        if inRecord { record.appendRaw(scratch.buffer) }
    }

    /// Writes `<name a="v"…>` (or `/>`) into ``scratch``; with `fields`, each attribute is also a field of the record.
    private func startTag(
        name: Int32, namespaces: UnsafeBufferPointer<UnsafePointer<xmlChar>?>,
        attributes: UnsafeBufferPointer<UnsafePointer<xmlChar>?>, isEmpty: Bool, fields: Bool
    ) {
        scratch.removeAll()
        scratch.append(UInt8(ascii: "<"))
        names.appendQualifiedName(name, to: &scratch)
        for index in stride(from: 0, to: namespaces.count, by: 2) {
            scratch.append(" xmlns")
            if let prefix = namespaces[index] {
                scratch.append(UInt8(ascii: ":"))
                scratch.append(UnsafeBufferPointer(start: prefix, count: Int(xmlStrlen(prefix))))
            }
            scratch.append("=\"")
            if let uri = namespaces[index + 1] {
                XMLRecordBuilder.appendEscaped(
                    UnsafeBufferPointer(start: uri, count: Int(xmlStrlen(uri))), quote: true, to: &scratch)
            }
            scratch.append(UInt8(ascii: "\""))
        }
        for index in stride(from: 0, to: attributes.count, by: 5) {
            guard let localName = attributes[index] else { continue }
            let attribute = names.id(local: localName, prefix: attributes[index + 1])
            scratch.append(UInt8(ascii: " "))
            names.appendQualifiedName(attribute, to: &scratch)
            scratch.append("=\"")
            if let value = attributes[index + 3], let end = attributes[index + 4] {
                readAttributeValue(UnsafeBufferPointer(start: value, count: end - value))
            } else {
                attributeValue.removeAll()
            }
            scratch.append(UInt8(ascii: "\""))
            if fields { record.addField(attribute, value: attributeValue.buffer) }
        }
        scratch.append(isEmpty ? "/>" : ">")
    }

    /// `&#38;`, the parser's writing of a literal `&` in an attribute value (made once: made for each value, it was
    /// an allocation per attribute, five per unit of the national `unor.xml`).
    private static let escapedAmpersand: [UInt8] = Array("&#38;".utf8)

    /// Reads an attribute's value as the parser hands it into ``attributeValue``, and appends it escaped to
    /// ``scratch``.
    ///
    /// Without entity expansion the parser writes an entity reference as it stands (`&kab;`, kept so) and a
    /// literal `&` as `&#38;`, so every `&` in the value is one or the other.
    private func readAttributeValue(_ bytes: UnsafeBufferPointer<UInt8>) {
        attributeValue.removeAll()
        var index = 0
        var plainStart = 0
        func takePlain(upTo end: Int) {
            let plain = UnsafeBufferPointer(rebasing: bytes[plainStart..<end])
            attributeValue.append(plain)
            XMLRecordBuilder.appendEscaped(plain, quote: true, to: &scratch)
        }
        let ampersand = Self.escapedAmpersand
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&") else {
                index += 1
                continue
            }
            takePlain(upTo: index)
            if bytes[index...].starts(with: ampersand) {
                attributeValue.append(UInt8(ascii: "&"))
                scratch.append("&amp;")
                index += ampersand.count
            } else {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: ";")).map { $0 + 1 } ?? bytes.count
                let literal = UnsafeBufferPointer(rebasing: bytes[index..<end])
                attributeValue.append(literal)
                scratch.append(literal)
                warnEntity(String(decoding: literal, as: UTF8.self))
                index = end
            }
            plainStart = index
        }
        takePlain(upTo: bytes.count)
    }

    /// An end tag (also after `<name/>`).
    private func endElement(name: Int32) {
        flushText()
        depth -= 1
        let level = depth
        let wasEmpty = emptyElementOpen
        emptyElementOpen = false
        if level == 0 {
            phase = .afterRoot
            return
        }
        guard inRecord else { return }
        if level == 2 { record.closeField() }
        if !wasEmpty {
            scratch.removeAll()
            scratch.append("</")
            names.appendQualifiedName(name, to: &scratch)
            scratch.append(UInt8(ascii: ">"))
            record.appendRaw(scratch.buffer)
        }
        if level == 1 { finishRecord() }
    }

    /// Text (character data, references to characters or predefined entities, CDATA), in pieces.
    private func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if textLength == 0 {
            textDepth = depth
            textLine = currentLine
        }
        textLength += bytes.count
        if textLength > Self.maxTextLength {
            fail(code: XML_ERR_NO_MEMORY, message: "xmlSAX2Characters: huge text node")
            return
        }
        if inRecord, depth >= 2 {
            text.append(bytes)
        } else if textIsBlank {
            textIsBlank = Self.isBlank(bytes)
        }
    }

    /// Ends the text met since the last tag: a field's text goes to its value and, escaped, to the raw text; text
    /// directly in a record only when it is not white space; text between records is only warned about.
    private func flushText() {
        guard textLength > 0 else { return }
        defer {
            text.removeAll()
            textLength = 0
            textIsBlank = true
        }
        if inRecord, textDepth >= 2 {
            if textDepth >= 3 {
                record.appendToField(text.buffer)
            } else if Self.isBlank(text.buffer) {
                return
            }
            scratch.removeAll()
            XMLRecordBuilder.appendEscaped(text.buffer, quote: false, to: &scratch)
            record.appendRaw(scratch.buffer)
            return
        }
        if textDepth == 1 { lineAfterLastRecord = textLine }
        if !textIsBlank && !warnedStrayText {
            warnedStrayText = true
            ownWarnings.append("teks di luar rekaman diabaikan (baris \(textLine))")
        }
    }

    /// A reference to an entity of the DTD (`&name;`), kept as written, never expanded.
    private func reference(_ name: UnsafeBufferPointer<UInt8>) {
        flushText()
        scratch.removeAll()
        scratch.append(UInt8(ascii: "&"))
        scratch.append(name)
        scratch.append(UInt8(ascii: ";"))
        warnEntity(String(decoding: scratch.buffer, as: UTF8.self))
        guard inRecord, depth >= 2 else { return }
        if depth >= 3 { record.appendToField(scratch.buffer) }
        record.appendRaw(scratch.buffer)
    }

    /// The file's one warning about entity references (`literal` is made only for it).
    private func warnEntity(_ literal: @autoclosure () -> String) {
        guard !warnedEntity else { return }
        warnedEntity = true
        ownWarnings.append(
            "rujukan entitas DTD tidak diuraikan dan dibaca apa adanya, mis. \(literal()) (baris \(currentLine))")
    }

    /// Whether `bytes` are XML white space only.
    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy(XMLInputFeed.isBlank)
    }

    // MARK: - Records

    /// Turns the record just closed into an event.
    private func finishRecord() {
        inRecord = false
        let end = position()
        lastRecordEndOffset = end
        lastRecordEndLine = end.flatMap { feed.line(atOffset: $0 - 1) } ?? max(currentLine, record.line)
        lineAfterLastRecord = lastRecordEndLine + 1
        var bytes = record.takeRaw()
        let rawCount = bytes.count
        lastRecordRoom = (rawCount + record.values.count) * 9 / 8 + 16
        if record.names.isEmpty {
            events.append(
                .reject(
                    RowReject(
                        line: record.line, reason: "rekaman XML tanpa kolom (tanpa elemen anak maupun atribut)",
                        raw: String(decoding: bytes, as: UTF8.self))))
            return
        }
        recordCount += 1
        if recordCount == 1 { makeHeader(firstNames: record.names) }
        var bounds: [Int32]
        // Nearly every record names its fields as the first did, in that order: each value is then its own
        // column, as placing them by name would find (a dictionary lookup a field made it a tenth of reading).
        if record.names == firstNames {
            bounds = []
            bounds.reserveCapacity(2 * header.count)
            bytes.append(contentsOf: record.values.buffer)
            for bound in record.bounds { bounds.append(bound + Int32(rawCount)) }
            for _ in 0..<(2 * appendedCount) { bounds.append(Int32(bytes.count)) }
        } else {
            // Exports that leave out empty elements repeat a few shapes: the last other one is placed without lookups.
            if record.names != otherShape.names { otherShape = (record.names, placement(of: record.names)) }
            bounds = [Int32](repeating: Int32(rawCount), count: 2 * header.count)
            for (index, slot) in otherShape.slots.enumerated() where slot >= 0 {
                let value = Int(record.bounds[2 * index])..<Int(record.bounds[2 * index + 1])
                bounds[2 * slot] = Int32(bytes.count)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: record.values.buffer[value]))
                bounds[2 * slot + 1] = Int32(bytes.count)
            }
        }
        events.append(.record(TableRecord(line: record.line, bytes: bytes, bounds: bounds, rawCount: rawCount)))
    }

    /// The header column of each of a record's field `names` (-1: not read); marks those columns held.
    private func placement(of fieldNames: [Int32]) -> [Int] {
        var placement = [Int](repeating: -1, count: fieldNames.count)
        var filled = [Bool](repeating: false, count: header.count)
        // Occurrences so far of each key, counted by its first header position.
        var seen: [Int: Int] = [:]
        for (index, name) in fieldNames.enumerated() {
            let slots = slots(of: names.localName(name))
            guard let first = slots.first else { continue }
            let occurrence = seen[first, default: 0]
            seen[first] = occurrence + 1
            guard occurrence < slots.count, !filled[slots[occurrence]] else { continue }
            let slot = slots[occurrence]
            placement[index] = slot
            filled[slot] = true
            held[slot] = true
        }
        return placement
    }

    /// The header from the first record's names and the column groups it lacks, and where each key goes.
    private func makeHeader(firstNames fieldNames: [Int32]) {
        firstNames = fieldNames
        header = fieldNames.map(names.localName)
        for (index, name) in header.enumerated() { slotsByKey[ColumnSpec.key(name), default: []].append(index) }
        for group in columnGroups {
            let keys = group.map(ColumnSpec.key)
            // The column the typed layer reads for this group: its first name the record holds, as `ColumnMap` picks.
            let position: Int
            if let present = keys.lazy.compactMap({ self.slotsByKey[$0]?.first }).first {
                position = present
            } else {
                position = header.count
                header.append(group[0])
            }
            for key in keys where slotsByKey[key] == nil { slotsByKey[key] = [position] }
        }
        appendedCount = header.count - fieldNames.count
        held = [Bool](repeating: true, count: fieldNames.count) + [Bool](repeating: false, count: appendedCount)
    }

    /// The header positions a field named `name` may go to (empty: not a column of the header).
    private func slots(of name: String) -> [Int] {
        if let known = slotsByName[name] { return known }
        let slots = slotsByKey[ColumnSpec.key(name)] ?? []
        if slotsByName.count < Self.slotCacheLimit { slotsByName[name] = slots }
        return slots
    }

    /// Whether records were read and none of them held the field of header column `column`.
    package func noRecordHeld(_ column: Int) -> Bool {
        recordCount > 0 && held.indices.contains(column) && !held[column]
    }

    // MARK: - Damage

    /// The document is not well-formed from here on: the rest of the file as one reject, or the file's error
    /// when no record came before.
    private func damaged() throws(InputError) -> RowReject {
        let rootSeen = phase != .beforeRoot
        let rootClosed = phase == .afterRoot
        phase = .done
        if let failure = feed.failure { throw failure }
        let issue = feed.fatal ?? feed.lastIssue
        var message = issue?.explained ?? "dokumen tidak utuh"
        if rootSeen, !rootClosed, issue?.code == Int(XML_ERR_DOCUMENT_END.rawValue) {
            // libxml2's push parser calls a file that ends inside the root "Extra content at the end".
            message = "berkas terpotong, elemen belum ditutup di akhir berkas"
        }
        // An error inside an entity's replacement text carries the entity's own line (1 for a billion-laughs
        // bomb), yet it was met past everything the reader has delivered.
        let errorLine = (issue?.line).flatMap { $0 > 0 ? max($0, currentLine) : nil }
        guard recordCount > 0 else {
            // Nothing but white space, or markup without any element ("<?xml …?>", a comment): libxml2
            // calls it "Document is empty" or "Extra content at the end"; for the operator it is empty.
            let emptyCodes = [Int(XML_ERR_DOCUMENT_EMPTY.rawValue), Int(XML_ERR_DOCUMENT_END.rawValue)]
            if !rootSeen,
                feed.firstContentByte == nil
                    || (feed.firstContentByte == UInt8(ascii: "<") && emptyCodes.contains(issue?.code ?? -1))
            {
                throw InputError(.malformed, file: file, message: "berkas XML tidak berisi rekaman")
            }
            throw InputError(.malformed, file: file, line: errorLine, message: "XML tidak sah: \(message)")
        }
        let at = errorLine.map { " (baris \($0))" } ?? ""
        let reason = "XML rusak setelah baris \(lastRecordEndLine): \(message)\(at)"
        // The rest starts at the damaged record's start tag, or right after the last record.
        let restOffset: Int? = inRecord ? record.offset : lastRecordEndOffset
        if let restOffset, let rest = feed.recoverText(fromOffset: restOffset, limit: Self.damagedRestLimit) {
            return RowReject(line: rest.line, reason: reason, raw: rest.text)
        }
        let start = inRecord ? record.line : min(lineAfterLastRecord, errorLine ?? lineAfterLastRecord)
        return RowReject(
            line: start, reason: reason, raw: feed.recoverText(fromLine: start, limit: Self.damagedRestLimit))
    }
}

/// Element and attribute names as the reader's numbers: libxml2 hands a name out of its dictionary, one pointer
/// per distinct name (and prefix) for the parser's life, so a name's pointers find its number without reading
/// its text; the text is read once, when the name is first met.
private struct XMLNames {
    private struct Key: Hashable {
        var local: UInt
        var prefix: UInt
    }

    private static let slotCount = 128
    private var slotKeys = [Key](repeating: Key(local: 0, prefix: 0), count: slotCount)
    private var slotNames = [Int32](repeating: 0, count: slotCount)
    private var numbers: [Key: Int32] = [:]
    /// Each name's local part (`npsn` of `d:npsn`), by number.
    private var localNames: [String] = []
    /// Each name as written (`d:npsn`), by number.
    private var qualifiedNames: [[UInt8]] = []

    /// The number of the name `prefix:local` (or `local`).
    mutating func id(local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?) -> Int32 {
        let key = Key(local: UInt(bitPattern: local), prefix: UInt(bitPattern: prefix))
        let slot = Int(truncatingIfNeeded: (key.local >> 3) ^ (key.prefix >> 5)) & (Self.slotCount - 1)
        if slotKeys[slot] == key { return slotNames[slot] }
        let number: Int32
        if let known = numbers[key] {
            number = known
        } else {
            number = Int32(localNames.count)
            let localBytes = UnsafeBufferPointer(start: local, count: Int(xmlStrlen(local)))
            var qualified: [UInt8] = []
            if let prefix {
                qualified.append(contentsOf: UnsafeBufferPointer(start: prefix, count: Int(xmlStrlen(prefix))))
                qualified.append(UInt8(ascii: ":"))
            }
            qualified.append(contentsOf: localBytes)
            localNames.append(String(decoding: localBytes, as: UTF8.self))
            qualifiedNames.append(qualified)
            numbers[key] = number
        }
        slotKeys[slot] = key
        slotNames[slot] = number
        return number
    }

    func localName(_ number: Int32) -> String { localNames[Int(number)] }

    /// Appends the name as written to `bytes`.
    func appendQualifiedName(_ number: Int32, to bytes: inout XMLBytes) {
        qualifiedNames[Int(number)].withUnsafeBufferPointer { bytes.append($0) }
    }
}
