import PadanReaders

/// Bytes from memory, handed out at most `step` at a time so that every buffer boundary is exercised.
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private let step: Int
    private var offset = 0

    init(_ bytes: [UInt8], step: Int = .max) {
        self.bytes = bytes
        self.step = max(step, 1)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(buffer.count, step, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}

/// Everything a table reader yielded for one input, or the error that stopped it.
struct TableReading: Equatable {
    var header: [String] = []
    var events: [TableEvent] = []
    var warnings: [String] = []
    var error: InputError?

    var records: [TableRecord] {
        events.compactMap { if case .record(let record) = $0 { record } else { nil } }
    }

    /// Reads `reader` to its end; `open` errors and `next` errors both end up in ``error``.
    init(_ open: () throws(InputError) -> any TableReader) {
        do {
            let reader = try open()
            header = reader.header
            while let event = try reader.next() {
                events.append(event)
                // A reader that never ends would hang the run: more events than bytes cannot be right.
                if events.count > 1_000_000 { break }
            }
            warnings = reader.warnings
        } catch {
            self.error = error
        }
    }

    /// The 1-based line of each event, in order.
    var lines: [Int] {
        events.map { event in
            switch event {
            case .record(let record): record.line
            case .reject(let reject): reject.line
            }
        }
    }
}
