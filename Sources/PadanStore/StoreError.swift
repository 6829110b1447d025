import Foundation
import GRDB
import PadanCore

/// Every failure of the store, worded for a BKD operator in Bahasa Indonesia.
///
/// Messages name the store file, the run or the action, never a statement's arguments or a
/// person's data: database failures are reduced to SQLite's own message, which holds none.
package enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds the store's run lock; `holder` is what that process wrote in the
    /// lock file (its pid, host and run).
    case held(holder: String)
    /// The store file cannot be created, opened, or migrated.
    case cannotOpen(path: String, reason: String)
    /// The lock file next to the store cannot be created or locked.
    case cannotLock(path: String, reason: String)
    /// A run with this id is already in the store.
    case runExists(runID: String)
    /// A read or a write failed; `action` says what the store was doing.
    case failed(action: String, reason: String)

    /// The operator-facing message.
    package var description: String {
        switch self {
        case .held(let holder):
            "penyimpanan sedang dipakai oleh proses lain: \(holder)"
        case .cannotOpen(let path, let reason):
            "penyimpanan tidak dapat dibuka: \(path): \(reason)"
        case .cannotLock(let path, let reason):
            "kunci penyimpanan tidak dapat dipasang: \(path): \(reason)"
        case .runExists(let runID):
            "run \(runID) sudah tercatat di penyimpanan; run ini tidak disimpan"
        case .failed(let action, let reason):
            "penyimpanan gagal \(action): \(reason)"
        }
    }

    /// Wraps any error thrown while the store was doing `action`; a `StoreError` passes through.
    init(action: String, _ error: any Error) {
        if let error = error as? StoreError {
            self = error
        } else {
            self = .failed(action: action, reason: StoreError.reason(error))
        }
    }

    /// A short reason for `error`, without statement arguments.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return reason(error)
        }
        return SystemErrorText.reason(error)
    }

    private static func reason(_ error: DatabaseError) -> String {
        // `message` is sqlite3_errmsg: it names tables, columns and constraints, never values.
        let detail = error.message.map { " (\($0))" } ?? ""
        if error.extendedResultCode == .SQLITE_READONLY_ROLLBACK {
            // A read-only connection found the journal of a run killed mid-commit.
            return "ada run yang terhenti saat menyimpan; jalankan `padan run` untuk memulihkannya"
        }
        switch error.resultCode {
        case .SQLITE_FULL:
            return "disk penuh; kosongkan ruang disk lalu ulangi"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return "tidak ada izin menulis ke berkas penyimpanan"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "berkas rusak atau bukan penyimpanan padan"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "basis data sedang dikunci proses lain; ulangi sebentar lagi"
        case .SQLITE_CANTOPEN:
            return "berkas tidak dapat dibuka; periksa folder dan izinnya"
        case .SQLITE_IOERR:
            return "galat baca/tulis disk\(detail)"
        case .SQLITE_CONSTRAINT:
            return "data melanggar aturan penyimpanan\(detail)"
        default:
            return "galat SQLite \(error.resultCode.rawValue)\(detail)"
        }
    }
}
