import Foundation

/// Creation of the store's files with permissions fit for personal data.
enum StoreFiles {
    /// Owner reads and writes, group reads, others nothing. The process umask can only make
    /// this stricter.
    static let fileMode: mode_t = 0o640
    /// Mode for a store folder that has to be created.
    static let folderMode = 0o750

    /// Creates the folder that will hold `path`, with its parents, if missing.
    static func createParentFolder(of path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue {
            return
        }
        try FileManager.default.createDirectory(
            atPath: parent,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: folderMode]
        )
    }

    /// Opens `path` for reading and writing, creating it with ``fileMode`` if missing.
    ///
    /// Returns the file descriptor (close-on-exec); the caller closes it.
    static func openCreatingIfMissing(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw POSIXError.current }
        return descriptor
    }

    /// Creates an empty `path` with ``fileMode`` unless it exists; SQLite takes an empty file as
    /// an empty database and gives its journal the same permissions as the database file.
    static func createIfMissing(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw POSIXError.current
        }
    }
}

extension POSIXError {
    /// The error `errno` holds now.
    static var current: POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
