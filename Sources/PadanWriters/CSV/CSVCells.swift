import PadanCore

/// Where a table row's cells go, one after another: a CSV file's bytes (``CSVFileWriter/writeRow(_:)``) or
/// texts (``CSVTextRow``). Ids and digit runs are given in their compact forms: written as bytes they need no
/// `String` (1.6 million `links.csv` rows nationally, four of them per row).
package protocol CSVCells {
    /// A cell of any text.
    mutating func text(_ cell: String)
    /// An id as written (empty when nil).
    mutating func id(_ cell: IdentifierText?)
    /// A SIASN id as outputs show it (empty when nil).
    mutating func id(_ cell: SiasnID?)
    /// A digit text as written (empty when nil).
    mutating func digits(_ cell: DigitText?)
}

/// A row's cells as texts (tests, and tables small enough not to matter).
package struct CSVTextRow: CSVCells {
    package private(set) var cells: [String] = []

    package init() {}

    package mutating func text(_ cell: String) { cells.append(cell) }
    package mutating func id(_ cell: IdentifierText?) { cells.append(cell?.text ?? "") }
    package mutating func id(_ cell: SiasnID?) { cells.append(cell?.text ?? "") }
    package mutating func digits(_ cell: DigitText?) { cells.append(cell?.text ?? "") }
}

/// A row's cells written as CSV bytes (``CSVFileWriter/append(_:to:)`` for texts). An id or a digit run in its
/// compact form is hex digits, digits and inner dashes, spaces or dots (or digits after `'`): never quoted,
/// never formula-guarded, so its bytes go straight in; an id or digit text kept as written goes as any text.
package struct CSVRowBytes: CSVCells {
    var bytes: [UInt8]
    private var cellCount = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func nextCell() {
        if cellCount > 0 { bytes.append(UInt8(ascii: ",")) }
        cellCount += 1
    }

    package mutating func text(_ cell: String) {
        nextCell()
        CSVFileWriter.append(cell, to: &bytes)
    }

    package mutating func id(_ cell: IdentifierText?) {
        if case .other(let text) = cell { return self.text(text) }
        nextCell()
        cell?.appendText(to: &bytes)
    }

    package mutating func id(_ cell: SiasnID?) {
        nextCell()
        cell?.appendText(to: &bytes)
    }

    package mutating func digits(_ cell: DigitText?) {
        if case .other(let text) = cell { return self.text(text) }
        nextCell()
        cell?.appendText(to: &bytes)
    }
}
