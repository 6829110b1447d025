/// A person's sex as both registers record it.
public enum Gender: String, Sendable, Hashable {
    case male = "L"
    case female = "P"

    /// `L`, `M`, `Laki-laki` → male; `P`, `F`, `Perempuan` → female; anything else → nil.
    public init?(reading text: String?) {
        guard let text = text?.trimmingSpaces.uppercased(), !text.isEmpty else { return nil }
        switch text {
        case "L", "M", "LAKI-LAKI", "LAKI LAKI", "LAKI", "PRIA", "MALE", "1": self = .male
        case "P", "F", "PEREMPUAN", "WANITA", "FEMALE", "2": self = .female
        default: return nil
        }
    }
}
