import PadanReaders
import PadanStore

/// A failure that stops a command, with the sysexits code the executable exits with.
package struct PadanError: Error, CustomStringConvertible, Sendable {
    package enum Kind: Sendable {
        /// 64: the command line is wrong.
        case usage
        /// 65: an input or the pipeline file is unusable.
        case data
        /// 73: the output folder cannot be written.
        case cannotCreate
        /// 75: the store is held by another run.
        case busy
        /// 70: anything else.
        case software
    }

    package var kind: Kind
    /// What went wrong, in Bahasa Indonesia, naming `file:line` where known.
    package var message: String

    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    package init(_ error: InputError) {
        self.init(.data, error.description)
    }

    package var description: String { message }

    /// The process exit code (sysexits).
    package var exitCode: Int32 {
        switch kind {
        case .usage: return 64
        case .data: return 65
        case .cannotCreate: return 73
        case .busy: return 75
        case .software: return 70
        }
    }
}
