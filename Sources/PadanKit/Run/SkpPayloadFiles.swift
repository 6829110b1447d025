import Foundation
import PadanCore
import PadanWriters

/// `skp/payloads.jsonl` and `skp/delta.jsonl`: every eligible row's payload line in input order, and the
/// lines whose key no earlier run of the store emitted (each key once).
///
/// Payloads are built and encoded a block of rows at a time on every core, then written in order; no line
/// outlives its block. Held whole, the national scale's 1.6 million lines were 1.2 GB twice over (the
/// lines, then the joined file text).
enum SkpPayloadFiles {
    /// Rows encoded per block and core.
    static let block = 8192

    /// Writes both files; returns how many lines the delta has.
    ///
    /// On a store's first run every line is new and the two files are the same bytes: `delta.jsonl` is then
    /// made a hard link of `payloads.jsonl` (a copy where links are refused) instead of writing 1.2 GB twice.
    ///
    /// `onNewKeys` is given the new keys of each block of lines once written, in order.
    static func write(
        _ skp: SkpDecisions, runId: String, emitted: PayloadKeyIndex, folder: RunFolder,
        onNewKeys: @escaping @Sendable ([PayloadKey]) -> Void = { _ in }
    ) throws(WriterError) -> Int {
        var eligible = [Int]()
        for (i, verdict) in skp.verdicts.enumerated() { if case .eligible = verdict { eligible.append(i) } }
        let sink = try Sink(
            skp: skp, runId: runId, emitted: emitted, folder: folder, lines: eligible.count, onNewKeys: onNewKeys)
        // The lines are written (in order, by a thread of their own) while the next round is encoded on every
        // core: written between rounds, the writing (direct, so it waits for the disk) and the new-key checks
        // left a core idle once the tables were done.
        func round(_ start: Int) -> [Piece] {
            let rows = Array(eligible[start..<min(eligible.count, start + block * ParallelWork.width)])
            // In quarter blocks, which the cores take as they come free: a round ends when its last piece is
            // encoded, and in halves, one core waited for the other's (sharing its core with the writing)
            // through the last half second of a national write stage.
            return ParallelWork.chunks(rows.count, chunk: block / 4) { range in
                encode(skp, rows: Array(rows[range]), runId: runId)
            }
        }
        guard ParallelWork.width > 1 else {
            for start in stride(from: 0, to: eligible.count, by: block) {
                for piece in round(start) { try sink.write(piece) }
            }
            return try sink.finish()
        }
        let queue = PieceQueue()
        let ((), written) = ParallelWork.beside({ Result { () throws(WriterError) in try sink.drain(queue) } }) {
            var start = 0
            while start < eligible.count, !queue.isAbandoned {
                queue.put(round(start))
                start += block * ParallelWork.width
            }
            queue.close()
        }
        try written.get()
        return try sink.finish()
    }

    /// Rounds of pieces from the encoding to the writing, at most one waiting (a round is 16 MB of lines).
    private final class PieceQueue: @unchecked Sendable {
        private let condition = NSCondition()
        private var waiting: [Piece]?
        private var closed = false
        private var abandoned = false

        /// Hands over a round, first waiting for the one before to be taken.
        func put(_ round: [Piece]) {
            condition.withLock {
                while waiting != nil && !abandoned { condition.wait() }
                waiting = round
                condition.broadcast()
            }
        }

        /// The next round, waiting for it; nil once closed and empty.
        func take() -> [Piece]? {
            condition.withLock {
                while waiting == nil && !closed { condition.wait() }
                defer {
                    waiting = nil
                    condition.broadcast()
                }
                return waiting
            }
        }

        func close() {
            condition.withLock {
                closed = true; condition.broadcast()
            }
        }

        /// The writing failed: the encoding stops at its next round.
        func abandon() {
            condition.withLock {
                abandoned = true; condition.broadcast()
            }
        }

        var isAbandoned: Bool { condition.withLock { abandoned } }
    }

    /// Both files as the lines reach them, in order: every line to `payloads.jsonl`, the new ones to `delta.jsonl`.
    private final class Sink: @unchecked Sendable {
        let skp: SkpDecisions, runId: String, emitted: PayloadKeyIndex
        let allPath: String, deltaPath: String
        let all: ByteFile
        /// Opened at the first line that is not new, filled then with every line before it.
        var delta: ByteFile?
        var written = 0
        var newKeys: PayloadKeySet
        let onNewKeys: @Sendable ([PayloadKey]) -> Void

        init(
            skp: SkpDecisions, runId: String, emitted: PayloadKeyIndex, folder: RunFolder, lines: Int,
            onNewKeys: @escaping @Sendable ([PayloadKey]) -> Void
        ) throws(WriterError) {
            self.skp = skp
            self.runId = runId
            self.emitted = emitted
            self.onNewKeys = onNewKeys
            allPath = folder.path("skp/payloads.jsonl")
            deltaPath = folder.path("skp/delta.jsonl")
            all = try ByteFile(path: allPath, direct: true)
            newKeys = PayloadKeySet(minimumCapacity: lines)
        }

        /// Writes every round `queue` gives until it is closed; on a failure, abandons it.
        func drain(_ queue: PieceQueue) throws(WriterError) {
            while let round = queue.take() {
                do throws(WriterError) {
                    for piece in round { try write(piece) }
                } catch {
                    queue.abandon()
                    while queue.take() != nil {}
                    throw error
                }
            }
        }

        func write(_ piece: Piece) throws(WriterError) {
            try piece.bytes.withBytes { (lines) throws(WriterError) in try all.write(UnsafeRawBufferPointer(lines)) }
            var isNew = [Bool]()
            isNew.reserveCapacity(piece.keys.count)
            var fresh = [PayloadKey]()
            for (i, (key, row)) in zip(piece.keys, piece.rows).enumerated() {
                // A national run's 1.3 million keys in a table of 2 million slots: each batch's slots loaded at once.
                if i % Lookahead.size == 0 {
                    newKeys.prefetch(piece.keys[i..<min(i + Lookahead.size, piece.keys.count)])
                }
                let new =
                    !emitted.contains(key)
                    && newKeys.insert(key, from: row) { earlier in
                        encode(skp, rows: [earlier], runId: runId).keys[0]
                    }
                isNew.append(new)
                if new { fresh.append(key) }
            }
            if delta == nil, isNew.contains(false) {
                let file = try ByteFile(path: deltaPath, direct: true)
                if written > 0 {
                    // The lines so far, read back (the rest of `payloads.jsonl` then goes through the cache).
                    try all.settle()
                    try file.copy(prefix: written, of: allPath)
                }
                delta = file
            }
            // While every line so far is new, the delta is the same bytes: nothing to gather.
            if let delta {
                var newLines = [UInt8]()
                piece.bytes.withBytes { lines in
                    var lineStart = 0
                    for (new, lineEnd) in zip(isNew, piece.lineEnds) {
                        if new { newLines += UnsafeBufferPointer(rebasing: lines[lineStart..<lineEnd]) }
                        lineStart = lineEnd
                    }
                }
                try delta.write(newLines)
            }
            written += piece.bytes.count
            onNewKeys(fresh)
        }

        /// Closes both files; returns how many lines the delta has.
        func finish() throws(WriterError) -> Int {
            try all.close()
            if let delta {
                try delta.close()
            } else {
                try ByteFile.link(allPath, as: deltaPath)
            }
            return newKeys.count
        }
    }

    /// Lines of one block: the bytes (each line ending in a newline), each line's key, row and end offset.
    struct Piece: Sendable {
        var bytes: ByteBlock
        var keys: [PayloadKey]
        var rows: [Int]
        var lineEnds: [Int]
    }

    static func encode(_ skp: SkpDecisions, rows: [Int], runId: String) -> Piece {
        var out = JSONLines(capacity: rows.count * 1100)
        var pending = [PendingKey](), keys = [PayloadKey](), bodies = [UInt8](), lines = [Int](), ends = [Int]()
        pending.reserveCapacity(PendingKey.lanes)
        keys.reserveCapacity(rows.count)
        lines.reserveCapacity(rows.count)
        ends.reserveCapacity(rows.count)
        // Each penilai's JSON made once a block (a third of a line, escaped and copied field by field); the
        // payloads then carry a stand-in (``PayloadPerson/none``), not the penilai's texts.
        var penilaiJSONs = SkpDecisions.Raters<[UInt8]>()
        for i in rows {
            guard case .eligible(let row) = skp.verdicts[i] else { continue }
            let json = penilaiJSONs.value(for: row.penilai) { PayloadEncoder.personJSON(skp.rater(of: row.penilai)) }
            guard let payload = skp.payload(at: i, penilai: .none) else { continue }
            pending.append(PayloadEncoder.appendUnkeyed(payload, runId: runId, penilaiJSON: json, to: &out))
            lines.append(i)
            out.byte(0x0A)
            ends.append(out.count)
            // The keys sixteen lines at a time, while the lines are in the cache (``JSONLines/fillKeys(_:into:scratch:)``).
            if pending.count == PendingKey.lanes {
                out.fillKeys(pending[...], into: &keys, scratch: &bodies)
                pending.removeAll(keepingCapacity: true)
            }
        }
        out.fillKeys(pending[...], into: &keys, scratch: &bodies)
        return Piece(bytes: out.finish(), keys: keys, rows: lines, lineEnds: ends)
    }
}
