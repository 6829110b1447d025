import Foundation

/// What the system said when a file or folder could not be made, opened or written, in Bahasa Indonesia
/// for the BKD operator who reads it (Foundation's and `strerror`'s texts are English).
public enum SystemErrorText {
    /// The reason for an `errno` value.
    public static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: "folder atau berkas itu tidak ada"
        case EACCES, EPERM: "tidak ada izin"
        case EEXIST: "sudah ada berkas atau folder dengan nama itu"
        case ENOTDIR: "salah satu bagian jalurnya adalah berkas, bukan folder"
        case EISDIR: "jalur itu adalah folder, bukan berkas"
        case ENOSPC, EDQUOT: "disk penuh; kosongkan ruang disk lalu ulangi"
        case EROFS: "disk hanya dapat dibaca"
        case EIO: "galat baca/tulis disk"
        case ENAMETOOLONG: "nama jalurnya terlalu panjang"
        case EMFILE, ENFILE: "terlalu banyak berkas terbuka"
        case ELOOP: "jalurnya memuat tautan yang berputar"
        case EFBIG: "berkas terlalu besar untuk sistem berkas atau batas ukuran berkas proses ini"
        case EBUSY, ETXTBSY: "berkas atau folder itu sedang dipakai"
        case EXDEV: "tidak dapat dipindahkan ke disk lain"
        case ENOMEM: "memori tidak cukup"
        case EINVAL: "sistem menolak permintaan itu untuk jalur ini"
        default: "galat sistem nomor \(code) (\(String(cString: strerror(code))))"
        }
    }

    /// The reason for a thrown error: its `errno` where it carries one (directly, as Foundation's file error
    /// codes, or underneath), else what it says.
    public static func reason(_ error: any Error) -> String {
        if let code = errno(of: error) { return reason(errno: code) }
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain {
            // Foundation's "unknown" file errors carry no cause (a part of the path that is a file, say).
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileWriteUnknown:
                return "tidak dapat ditulis; periksa bahwa setiap bagian jalurnya adalah folder yang boleh ditulisi"
            case .fileReadUnknown: return "tidak dapat dibaca; periksa jalur dan izinnya"
            default: return "galat sistem (Foundation \(ns.code))"
            }
        }
        return "galat sistem: \(ns.localizedDescription)"
    }

    static func errno(of error: any Error) -> Int32? {
        if let error = error as? POSIXError { return error.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, let code = errno(of: underlying) {
            return code
        }
        guard ns.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteFileExists: return EEXIST
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: return ENAMETOOLONG
        default: return nil
        }
    }
}
