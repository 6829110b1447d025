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
        onNewKeys: ([PayloadKey]) -> Void = { _ in }
    ) throws(WriterError) -> Int {
        let allPath = folder.path("skp/payloads.jsonl"), deltaPath = folder.path("skp/delta.jsonl")
        let all = try ByteFile(path: allPath, direct: true)
        // Opened at the first line that is not new, filled then with every line before it.
        var delta: ByteFile?
        var written = 0
        var eligible = [Int]()
        for (i, verdict) in skp.verdicts.enumerated() { if case .eligible = verdict { eligible.append(i) } }
        var newKeys = PayloadKeySet(minimumCapacity: eligible.count)
        var start = 0
        while start < eligible.count {
            let rows = Array(eligible[start..<min(eligible.count, start + block * ParallelWork.width)])
            let pieces = ParallelWork.chunks(rows.count, chunk: block) { range in
                encode(skp, rows: Array(rows[range]), runId: runId)
            }
            for piece in pieces {
                try all.write(piece.bytes)
                var isNew = [Bool]()
                isNew.reserveCapacity(piece.keys.count)
                var fresh = [PayloadKey]()
                for (key, row) in zip(piece.keys, piece.rows) {
                    let new = !emitted.contains(key) && newKeys.insert(key, from: row) { earlier in
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
                    var lineStart = 0
                    for (new, lineEnd) in zip(isNew, piece.lineEnds) {
                        if new { newLines += piece.bytes[lineStart..<lineEnd] }
                        lineStart = lineEnd
                    }
                    try delta.write(newLines)
                }
                written += piece.bytes.count
                onNewKeys(fresh)
            }
            start += rows.count
        }
        try all.close()
        if let delta {
            try delta.close()
        } else {
            try ByteFile.link(allPath, as: deltaPath)
        }
        return newKeys.count
    }

    /// Lines of one block: the bytes (each line ending in a newline), each line's key, row and end offset.
    struct Piece {
        var bytes: [UInt8]
        var keys: [PayloadKey]
        var rows: [Int]
        var lineEnds: [Int]
    }

    static func encode(_ skp: SkpDecisions, rows: [Int], runId: String) -> Piece {
        var out = JSONBytes(capacity: rows.count * 1100)
        var keys = [PayloadKey](), lines = [Int](), ends = [Int]()
        keys.reserveCapacity(rows.count)
        lines.reserveCapacity(rows.count)
        ends.reserveCapacity(rows.count)
        var raters = SkpDecisions.Raters<PayloadPerson>()
        // Each penilai's JSON made once a block too (a third of a line, escaped and copied field by field).
        var penilaiJSONs = SkpDecisions.Raters<[UInt8]>()
        for i in rows {
            guard case .eligible(let row) = skp.verdicts[i], let payload = skp.payload(at: i, raters: &raters) else { continue }
            let json = penilaiJSONs.value(for: row.penilai) { PayloadEncoder.personJSON(payload.penilai) }
            keys.append(PayloadEncoder.append(payload, runId: runId, penilaiJSON: json, to: &out))
            lines.append(i)
            out.byte(0x0A)
            ends.append(out.bytes.count)
        }
        return Piece(bytes: out.bytes, keys: keys, rows: lines, lineEnds: ends)
    }
}
