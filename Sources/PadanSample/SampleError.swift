/// Why a sample region could not be written.
package enum SampleError: Error, Sendable, CustomStringConvertible {
    /// The real school list cannot be read or lacks a column.
    case schools(path: String, message: String)
    /// A file or folder of the region cannot be written.
    case output(path: String, message: String)
    /// The options cannot give a region (no schools, a non-positive teacher count).
    case options(String)

    /// The message for the operator, in Bahasa Indonesia.
    package var description: String {
        switch self {
        case .schools(let path, let message): return "\(path): daftar sekolah tidak terbaca: \(message)"
        case .output(let path, let message): return "\(path): tidak dapat ditulis: \(message)"
        case .options(let message): return "opsi sampel tidak valid: \(message)"
        }
    }
}
