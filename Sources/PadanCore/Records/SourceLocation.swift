/// Where a record came from: the file as the operator named it and the 1-based line.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { (a.file, a.line) < (b.file, b.line) }
}

/// A SIASN id (PNS ID or UNOR id): 32 hex characters or a dashed UUID, compared case-insensitively.
public struct SiasnID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Lower-case, as written otherwise (dashes kept): what outputs show.
    public let text: String
    /// The 32 hex digits without dashes: what comparisons use.
    public let key: String

    public static func == (a: SiasnID, b: SiasnID) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// Accepts 32 hex characters or an 8-4-4-4-12 dashed UUID, either case.
    public init?(_ raw: String?) {
        guard let raw = raw?.trimmingSpaces.lowercased(), !raw.isEmpty else { return nil }
        let bytes = Array(raw.utf8)
        func isHex(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) }
        if bytes.count == 32, bytes.allSatisfy(isHex) {
            text = raw
            key = raw
        } else if bytes.count == 36, [8, 13, 18, 23].allSatisfy({ bytes[$0] == UInt8(ascii: "-") }),
            bytes.enumerated().allSatisfy({ [8, 13, 18, 23].contains($0.offset) || isHex($0.element) })
        {
            text = raw
            key = String(raw.filter { $0 != "-" })
        } else {
            return nil
        }
    }

    public var description: String { text }
    public static func < (a: SiasnID, b: SiasnID) -> Bool { a.key < b.key }
}

/// An 8-digit school number.
public struct NPSN: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let text: String

    /// Accepts exactly 8 digits (after trimming and a leading `'`).
    public init?(_ raw: String?) {
        guard var raw = raw?.trimmingSpaces else { return nil }
        if raw.hasPrefix("'") { raw.removeFirst() }
        guard raw.utf8.count == 8, raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        text = raw
    }

    public var description: String { text }
    public static func < (a: NPSN, b: NPSN) -> Bool { a.text < b.text }
}
