/// Writes one XML input file: a root element holding one element per record, whose fields are
/// child elements or attributes (`inputs.md`).
package final class XMLTableWriter {
    /// Where a record's fields go.
    package enum Style: Sendable { case childElements, attributes }

    private let sink: any ByteSink
    private let root: String
    private let record: String
    private let style: Style
    private var scratch: [UInt8] = []
    /// Records written.
    package private(set) var rows = 0

    /// Writes the XML declaration and the root's start tag.
    package init(sink: any ByteSink, root: String, record: String, style: Style) throws(SampleError) {
        self.sink = sink
        self.root = root
        self.record = record
        self.style = style
        try sink.write(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root)>\n".utf8))
    }

    /// Writes one record; a field whose value is `nil` is left out (a missing attribute or element).
    package func write(_ fields: [(name: String, value: String?)]) throws(SampleError) {
        scratch.removeAll(keepingCapacity: true)
        switch style {
        case .attributes:
            append("  <\(record)")
            for field in fields {
                guard let value = field.value else { continue }
                append(" \(field.name)=\"")
                appendEscaped(value)
                append("\"")
            }
            append("/>\n")
        case .childElements:
            append("  <\(record)>\n")
            for field in fields {
                guard let value = field.value else { continue }
                append("    <\(field.name)>")
                appendEscaped(value)
                append("</\(field.name)>\n")
            }
            append("  </\(record)>\n")
        }
        try sink.write(scratch)
        rows += 1
    }

    /// Closes the root element and the file.
    package func close() throws(SampleError) {
        try sink.write(Array("</\(root)>\n".utf8))
        try sink.close()
    }

    /// Bytes in the file so far.
    package var bytesWritten: Int { sink.bytesWritten }

    private func append(_ text: String) { scratch.append(contentsOf: text.utf8) }

    private func appendEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            case UInt8(ascii: "'"): append("&apos;")
            default: scratch.append(byte)
            }
        }
    }
}
