import Foundation
import PadanCore
import Testing

/// What the operator reads when the system refuses a file: Bahasa Indonesia, whatever form the error came in.
@Suite("SystemErrorText")
struct SystemErrorTextTests {
    @Test func knownErrnosAreWordedInIndonesian() {
        #expect(SystemErrorText.reason(errno: ENOSPC).hasPrefix("disk penuh"))
        #expect(SystemErrorText.reason(errno: EFBIG).hasPrefix("berkas terlalu besar"))
        #expect(SystemErrorText.reason(errno: ENOENT) == "folder atau berkas itu tidak ada")
    }

    @Test func anUnknownErrnoKeepsItsNumberAndTheSystemsWords() {
        let text = SystemErrorText.reason(errno: EHOSTDOWN)
        #expect(text.hasPrefix("galat sistem nomor \(EHOSTDOWN) ("))
    }

    @Test func foundationErrorsAreReadForTheirCause() {
        #expect(SystemErrorText.reason(POSIXError(.EACCES)) == "tidak ada izin")
        #expect(SystemErrorText.reason(CocoaError(.fileWriteOutOfSpace)).hasPrefix("disk penuh"))
        // Foundation's "unknown" write error (a part of the path is a file) carries no cause of its own.
        #expect(SystemErrorText.reason(CocoaError(.fileWriteUnknown)).hasPrefix("tidak dapat ditulis"))
        #expect(!SystemErrorText.reason(CocoaError(.fileWriteUnknown)).contains("NSCocoaErrorDomain"))
    }
}
