/// A government (pemerintah daerah): a kabupaten, a kota or a province.
///
/// `Pemerintah Kab. X` = `Pemerintah Kabupaten X` = Dapodik's `Kab. X`; `Pemerintah Kota X` = `Kota X`;
/// `Pemerintah Provinsi X` = `Prov. X`. Compared by kind and by the letters and digits of the name, so
/// `Prov. D.K.I. Jakarta` equals `Pemerintah Provinsi DKI Jakarta`.
public struct Government: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case kabupaten = "KAB"
        case kota = "KOTA"
        case provinsi = "PROV"
    }

    public let kind: Kind
    /// Upper-case name tokens without the kind (`["JAWA", "TIMUR"]`).
    public let nameTokens: [String]
    /// Comparison key: kind and name with only letters and digits.
    public let key: String

    // Equal by `key` alone, as the doc says: `nameTokens` keep the spelling (`D K I` vs `DKI`).
    public static func == (a: Government, b: Government) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    public var description: String {
        let name = nameTokens.map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
        switch kind {
        case .kabupaten: return "Kab. \(name)"
        case .kota: return "Kota \(name)"
        case .provinsi: return "Prov. \(name)"
        }
    }

    public init(kind: Kind, nameTokens: [String]) {
        self.kind = kind
        self.nameTokens = nameTokens
        self.key = kind.rawValue + ":" + nameTokens.joined()
    }

    /// Reads `Kab. X`, `Kabupaten X`, `Kota X`, `Prov. X`, `Provinsi X`, each optionally after `Pemerintah`.
    public init?(reading text: String?) {
        guard let text else { return nil }
        var tokens = NameTokens.split(text)
        if tokens.first == "PEMERINTAH" || tokens.first == "PEMKAB" || tokens.first == "PEMKOT" {
            if tokens.first == "PEMKAB" {
                tokens[0] = "KAB"
            } else if tokens.first == "PEMKOT" {
                tokens[0] = "KOTA"
            } else {
                tokens.removeFirst()
            }
        }
        guard let first = tokens.first, tokens.count >= 2 else { return nil }
        let kind: Kind
        switch first {
        case "KAB", "KABUPATEN": kind = .kabupaten
        case "KOTA": kind = .kota
        case "PROV", "PROVINSI", "PROP", "PROPINSI": kind = .provinsi
        default: return nil
        }
        self.init(kind: kind, nameTokens: Array(tokens.dropFirst()))
    }

    /// The name endings by which a school or unit name writes this region, longest first:
    /// `KABUPATEN X`, `KAB X`, `X` for a kabupaten; `KOTA X`, `X` for a kota.
    public var nameEndings: [[String]] {
        switch kind {
        case .kabupaten: return [["KABUPATEN"] + nameTokens, ["KAB"] + nameTokens, nameTokens]
        case .kota: return [["KOTA"] + nameTokens, nameTokens]
        case .provinsi: return [["PROVINSI"] + nameTokens, ["PROV"] + nameTokens]
        }
    }
}

/// Splits text into upper-case tokens of letters and digits.
public enum NameTokens {
    public static func split(_ text: String) -> [String] {
        // ASCII text (nearly all) byte by byte: letters are A–Z and a–z there, and upper-casing maps only
        // a–z. Scalar properties made splitting a fifth of reading a national schools file.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var tokens = [String]()
            var current = [UInt8]()
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(byte - 0x20)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
                default:
                    if !current.isEmpty {
                        tokens.append(String(decoding: current, as: UTF8.self))
                        current.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            return tokens
        }
        var tokens = [String]()
        var current = String.UnicodeScalarView()
        for scalar in text.uppercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }
}
