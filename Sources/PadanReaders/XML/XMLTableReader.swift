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
/// **Parsing.** libxml2's streaming `xmlTextReader`, fed from the ``ByteSource`` through read
/// callbacks, so memory stays bounded whatever the file size. libxml2 is never allowed to fetch
/// anything: no `XML_PARSE_NOENT`, `DTDLOAD`, `DTDATTR` or `DTDVALID`; `XML_PARSE_NONET`; and a
/// process-wide external entity loader that refuses every load (see `XMLInputFeed.swift`).
/// Errors are collected through the reader's structured error handler (`XML_PARSE_NOERROR` and
/// `NOWARNING` keep libxml2 off stderr). libxml2's own limits stay on (no `XML_PARSE_HUGE`): nesting
/// deeper than 256 elements, entity amplification (billion laughs) and text nodes over 10 MB are
/// well-formedness errors.
///
/// **Entities.** Entities declared in a DTD are never expanded: a reference in a field or attribute
/// is kept as its literal text `&name;` (so nothing is silently dropped and the operator sees what
/// the file says), and the file gets one warning. The predefined entities (`&amp;` …), character
/// references and CDATA sections are ordinary text and are decoded.
///
/// **Lines.** ``TableRecord/line`` is the line of the record's start tag as libxml2 counts it (the
/// line of the tag's end, for a start tag spread over several lines). Beyond line 65,534 libxml2 no
/// longer stores element lines; the reader then uses the end line of the text before the tag (stored
/// exactly thanks to `XML_PARSE_BIG_LINES`), which is the tag's line when white space precedes it.
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

    private enum Phase {
        case beforeRoot, inRoot, afterRoot, done
    }

    private let file: String
    private let feed: XMLInputFeed
    /// The libxml2 reader (`xmlTextReaderPtr`); freed in `deinit`.
    private let reader: OpaquePointer

    private var phase = Phase.beforeRoot
    private var ownWarnings: [String] = []
    private var warnedEntity = false
    private var warnedStrayText = false
    /// Events read ahead by `init` (leading rejects, then the first record).
    private var pending: [TableEvent] = []
    private var pendingNext = 0
    /// The record being read.
    private var record: XMLRecordBuilder?
    /// The last record's field count and raw bytes (a little more), room the next one starts with.
    private var lastShape = (fields: 0, rawBytes: 0)
    private var nameTexts = NameTexts()
    /// The kind's columns, each its canonical name then its aliases.
    private let columnGroups: [[String]]
    /// The first record's field names: records named the same way are placed without a lookup.
    private var firstNames: [String] = []
    /// Header columns after `firstNames` (groups the first record lacks), empty in records shaped like it.
    private var appendedCount = 0
    /// Header positions of each name key (``ColumnSpec/key(_:)``), in order; an alias's key goes to its group's.
    private var slotsByKey: [String: [Int]] = [:]
    /// `slotsByKey` by the name as written, filled as names are met.
    private var slotsByName: [String: [Int]] = [:]
    /// Per header column, whether a record held that field.
    private var held: [Bool] = []
    /// The field names of the last record not shaped like the first, and the header column of each.
    private var otherShape: (names: [String], slots: [Int]) = ([], [])
    /// Records with fields read so far.
    private var recordCount = 0
    /// Best known line of the reader's position.
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
        let context = Unmanaged.passUnretained(feed).toOpaque()
        // Never XML_PARSE_NOENT, DTDLOAD, DTDATTR, DTDVALID (entity expansion, DTD loading) nor HUGE
        // (it lifts the depth, size and amplification limits).
        let options = Int32(truncatingIfNeeded:
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        guard
            let reader = xmlReaderForIO(
                { context, buffer, length in
                    guard let context, let buffer, length > 0 else { return 0 }
                    let feed = Unmanaged<XMLInputFeed>.fromOpaque(context).takeUnretainedValue()
                    return feed.fill(UnsafeMutableRawPointer(buffer), capacity: Int(length))
                },
                { _ in 0 },  // the feed is owned by this reader, not by libxml2
                context, nil, nil, options)
        else {
            if let failure = feed.failure { throw failure }
            throw InputError(.malformed, file: file, message: "XML tidak sah: libxml2 tidak dapat membuka dokumen")
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                let feed = Unmanaged<XMLInputFeed>.fromOpaque(context).takeUnretainedValue()
                let issue = error.pointee
                feed.note(
                    level: Int(issue.level.rawValue), code: Int(issue.code), line: Int(issue.line),
                    message: issue.message.map { String(cString: $0) } ?? "")
            },
            context)

        var leadingRejects = 0
        while true {
            // The document ended well-formed before any record with fields: an empty table.
            guard let event = try advance() else {
                header = columnGroups.map { $0[0] }
                break
            }
            pending.append(event)
            if case .record = event { break }
            leadingRejects += 1
            if leadingRejects > Self.leadingRejectLimit {
                throw InputError(
                    .malformed, file: file,
                    message: "berkas XML tidak berisi rekaman: \(Self.leadingRejectLimit) rekaman pertama tidak berkolom")
            }
        }
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// The next record or reject, in file order; `nil` at the end (and after a damaged rest).
    package func next() throws(InputError) -> TableEvent? {
        if pendingNext < pending.count {
            let event = pending[pendingNext]
            pendingNext += 1
            if pendingNext == pending.count {
                pending = []
                pendingNext = 0
            }
            return event
        }
        return try advance()
    }

    // MARK: - Reading

    /// Reads nodes until an event is complete; `nil` at the end of the document.
    private func advance() throws(InputError) -> TableEvent? {
        while phase != .done {
            let status = xmlTextReaderRead(reader)
            if status < 0 { return try damaged() }
            if status == 0 {
                phase = .done
                if let failure = feed.failure { throw failure }
                return nil
            }
            if let event = handleNode() { return event }
        }
        return nil
    }

    /// Handles the node the reader stands on; returns an event when a record ends.
    private func handleNode() -> TableEvent? {
        let type = xmlTextReaderNodeType(reader)
        let depth = Int(xmlTextReaderDepth(reader))
        switch type {
        case NodeType.element:
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            if depth == 0 {
                phase = isEmpty ? .afterRoot : .inRoot
                currentLine = elementLine()
                return nil
            }
            currentLine = elementLine()
            let attributes = readAttributes()
            if depth == 1 {
                let name = constName()
                let offset = feed.lastStartTag(named: name)
                let line = offset.flatMap { feed.line(atOffset: $0) } ?? currentLine
                record = XMLRecordBuilder(
                    line: line, offset: offset, name: name, attributes: attributes, isEmpty: isEmpty, capacity: lastShape)
                return isEmpty ? finishRecord(isEmpty: true) : nil
            }
            record?.openElement(
                name: constName(), localName: constLocalName(), depth: depth, attributes: attributes, isEmpty: isEmpty)
        case NodeType.endElement:
            if depth == 0 {
                phase = .afterRoot
            } else if depth == 1 {
                return finishRecord(isEmpty: false)
            } else {
                record?.closeElement(name: constName(), depth: depth)
            }
        case NodeType.text, NodeType.whitespace, NodeType.significantWhitespace, NodeType.cdata:
            // Read as bytes first: most text nodes are the white space between elements, never kept.
            let value = xmlTextReaderConstValue(reader)
            let isBlank = (type != NodeType.text && type != NodeType.cdata) || Self.isBlank(value)
            currentLine = textEndLine(value, isCDATA: type == NodeType.cdata)
            if depth >= 2 {
                record?.text({ value.map { String(cString: $0) } ?? "" }, depth: depth, isBlank: isBlank)
            } else if record == nil {
                if depth == 1 { lineAfterLastRecord = currentLine }
                if !isBlank && !warnedStrayText {
                    warnedStrayText = true
                    ownWarnings.append("teks di luar rekaman diabaikan (baris \(currentLine))")
                }
            }
        case NodeType.entityReference:
            let name = constName()
            if !warnedEntity {
                warnedEntity = true
                ownWarnings.append("rujukan entitas DTD tidak diuraikan dan dibaca apa adanya, mis. &\(name); (baris \(currentLine))")
            }
            if depth >= 2 { record?.entityReference(name, depth: depth) }
        default:
            break  // comments, processing instructions, the document type
        }
        return nil
    }

    /// Turns the finished record into an event.
    private func finishRecord(isEmpty: Bool) -> TableEvent? {
        guard var built = record else { return nil }
        record = nil
        built.finish(isEmpty: isEmpty)
        // Room for the raw text and the values after it, as the record's bytes hold them (`TableRecord`).
        let valueBytes = built.values.reduce(0) { $0 + $1.utf8.count }
        lastShape = (built.names.count + 2, (built.rawBytes.count + valueBytes) * 9 / 8 + 16)
        // The reader delivers an end tag (or an empty element) right after libxml2 got its `>`.
        lastRecordEndOffset = feed.lastFedIsTagEnd ? feed.fedCount : nil
        lastRecordEndLine = lastRecordEndOffset.flatMap { feed.line(atOffset: $0 - 1) } ?? max(currentLine, built.line)
        lineAfterLastRecord = lastRecordEndLine + 1
        if built.names.isEmpty {
            return .reject(RowReject(
                line: built.line, reason: "rekaman XML tanpa kolom (tanpa elemen anak maupun atribut)", raw: built.raw))
        }
        recordCount += 1
        if recordCount == 1 { makeHeader(firstNames: built.names) }
        // Nearly every record names its fields as the first did, in that order: each value is then its own
        // column, as placing them by name would find (a dictionary lookup a field made it a tenth of reading).
        if built.names == firstNames {
            return .record(
                TableRecord(line: built.line, fields: built.values, rawBytes: built.takeRawBytes(), emptyFields: appendedCount))
        }
        // Exports that leave out empty elements repeat a few shapes: the last other one is placed without lookups.
        if built.names != otherShape.names { otherShape = (built.names, placement(of: built.names)) }
        var fields = [String](repeating: "", count: header.count)
        for (index, slot) in otherShape.slots.enumerated() where slot >= 0 { fields[slot] = built.values[index] }
        return .record(TableRecord(line: built.line, fields: fields, rawBytes: built.takeRawBytes()))
    }

    /// The header column of each of a record's field `names` (-1: not read); marks those columns held.
    private func placement(of names: [String]) -> [Int] {
        var placement = [Int](repeating: -1, count: names.count)
        var filled = [Bool](repeating: false, count: header.count)
        // Occurrences so far of each key, counted by its first header position.
        var seen: [Int: Int] = [:]
        for (index, name) in names.enumerated() {
            let slots = slots(of: name)
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
    private func makeHeader(firstNames names: [String]) {
        firstNames = names
        header = names
        for (index, name) in names.enumerated() { slotsByKey[ColumnSpec.key(name), default: []].append(index) }
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
        appendedCount = header.count - names.count
        held = [Bool](repeating: true, count: names.count) + [Bool](repeating: false, count: appendedCount)
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

    /// The reader failed: the document is not well-formed from here on.
    private func damaged() throws(InputError) -> TableEvent? {
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
                feed.firstContentByte == nil || (feed.firstContentByte == UInt8(ascii: "<") && emptyCodes.contains(issue?.code ?? -1))
            {
                throw noRecords()
            }
            throw InputError(.malformed, file: file, line: errorLine, message: "XML tidak sah: \(message)")
        }
        let at = errorLine.map { " (baris \($0))" } ?? ""
        let reason = "XML rusak setelah baris \(lastRecordEndLine): \(message)\(at)"
        // The rest starts at the damaged record's start tag, or right after the last record.
        let restOffset: Int? = if let record { record.offset } else { lastRecordEndOffset }
        if let restOffset, let rest = feed.recoverText(fromOffset: restOffset, limit: Self.damagedRestLimit) {
            record = nil
            return .reject(RowReject(line: rest.line, reason: reason, raw: rest.text))
        }
        let start = record?.line ?? min(lineAfterLastRecord, errorLine ?? lineAfterLastRecord)
        record = nil
        return .reject(RowReject(
            line: start, reason: reason, raw: feed.recoverText(fromLine: start, limit: Self.damagedRestLimit)))
    }

    private func noRecords() -> InputError {
        InputError(.malformed, file: file, message: "berkas XML tidak berisi rekaman")
    }

    // MARK: - libxml2 accessors

    /// The reader's node types (`xmlReaderTypes`).
    private enum NodeType {
        static let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
        static let text = Int32(XML_READER_TYPE_TEXT.rawValue)
        static let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
        static let entityReference = Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue)
        static let whitespace = Int32(XML_READER_TYPE_WHITESPACE.rawValue)
        static let significantWhitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
        static let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
    }

    private func constName() -> String { nameTexts.text(of: xmlTextReaderConstName(reader)) }

    private func constLocalName() -> String { nameTexts.text(of: xmlTextReaderConstLocalName(reader)) }

    /// Element and attribute names as strings, each made once: libxml2 hands a name out of its dictionary, one
    /// pointer per distinct name for the reader's life, so a name's pointer finds its string (a string made
    /// from the C text at each of three asks per field was a tenth of handling a node).
    private struct NameTexts {
        private var pointers = [UnsafePointer<xmlChar>?](repeating: nil, count: 64)
        private var texts = [String](repeating: "", count: 64)

        mutating func text(of name: UnsafePointer<xmlChar>?) -> String {
            guard let name else { return "" }
            let slot = Int(truncatingIfNeeded: UInt(bitPattern: name) >> 3) & 63
            if pointers[slot] == name { return texts[slot] }
            let text = String(cString: name)
            pointers[slot] = name
            texts[slot] = text
            return text
        }
    }

    private func constValue() -> String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// Line of the element the reader stands on (see "Lines" above).
    private func elementLine() -> Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(node.pointee.line)
            if line > 0 && line < 65_535 { return line }
        }
        return currentLine
    }

    /// Line where the text node the reader stands on (`value`, its text) ends.
    private func textEndLine(_ value: UnsafePointer<xmlChar>?, isCDATA: Bool) -> Int {
        if !isCDATA, let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            if line > 0 { return line }
        }
        var newlines = 0
        if var byte = value {
            while byte.pointee != 0 {
                if byte.pointee == 0x0A { newlines += 1 }
                byte += 1
            }
        }
        return currentLine + newlines
    }

    /// Whether a text is empty or XML white space only (space, tab, CR, LF).
    private static func isBlank(_ value: UnsafePointer<xmlChar>?) -> Bool {
        guard var byte = value else { return true }
        while byte.pointee != 0 {
            switch byte.pointee {
            case 0x20, 0x09, 0x0A, 0x0D: byte += 1
            default: return false
            }
        }
        return true
    }

    /// The attributes of the element the reader stands on; the reader is left on the element.
    ///
    /// Values are assembled from the attribute's text and entity-reference parts
    /// (`xmlTextReaderReadAttributeValue`), so a DTD entity is kept as `&name;` and never expanded.
    private func readAttributes() -> [XMLAttribute] {
        let count = xmlTextReaderAttributeCount(reader)
        guard count > 0 else { return [] }
        var attributes: [XMLAttribute] = []
        attributes.reserveCapacity(Int(count))
        for index in 0..<count {
            guard xmlTextReaderMoveToAttributeNo(reader, index) == 1 else { continue }
            let name = constName()
            let localName = constLocalName()
            if xmlTextReaderIsNamespaceDecl(reader) == 1 {
                let value = constValue()
                attributes.append(XMLAttribute(
                    name: name, localName: localName, value: value,
                    escapedValue: XMLRecordBuilder.escaped(value, quote: true), isNamespaceDeclaration: true))
                continue
            }
            var value = ""
            var escaped = ""
            while xmlTextReaderReadAttributeValue(reader) == 1 {
                if xmlTextReaderNodeType(reader) == NodeType.entityReference {
                    let literal = "&\(constName());"
                    value += literal
                    escaped += literal
                    if !warnedEntity {
                        warnedEntity = true
                        ownWarnings.append("rujukan entitas DTD tidak diuraikan dan dibaca apa adanya, mis. \(literal) (baris \(currentLine))")
                    }
                } else {
                    let part = constValue()
                    value += part
                    escaped += XMLRecordBuilder.escaped(part, quote: true)
                }
            }
            attributes.append(XMLAttribute(
                name: name, localName: localName, value: value, escapedValue: escaped, isNamespaceDeclaration: false))
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }
}
