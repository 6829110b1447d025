/// One finding: a code raised for a subject, with the values both sides hold.
public struct Disparity: Sendable {
    public var code: DisparityCode
    public var subject: DisparitySubject
    /// What identifies the subject across runs (`ptk:…`, `pns:…`, `npsn:…`, `unor:…`).
    public var subjectKey: String
    public var nip: String = ""
    public var pnsId: String = ""
    public var ptkId: String = ""
    public var nama: String = ""
    public var npsn: String = ""
    public var namaSekolah: String = ""
    public var unorId: String = ""
    public var kabupatenKota: String = ""
    /// The UPT whose escalation list shows this disparity (`disparities.csv` `upt`); for a disparity of
    /// several areas (a unit crosswalked to schools of several UPTs), every one of them, joined by `; `.
    public var upt: String = ""
    /// The UPTs of a disparity of several areas, each receiving it; empty when `upt` names the only one.
    public var upts: [String] = []
    public var field: String = ""
    public var dapodikValue: String = ""
    public var siasnValue: String = ""
    public var suggestion: String = ""
    public var source: String = ""
    /// For a `PTK` subject raised by the rules: the person's position in `Linkage.people` (so lookups by
    /// person need not build the key text of 1.6 million people).
    public var person: Int?

    public init(code: DisparityCode, subject: DisparitySubject, subjectKey: String) {
        self.code = code
        self.subject = subject
        self.subjectKey = subjectKey
    }

    public var priority: Int { code.priority }

    /// Every UPT whose escalation list shows this disparity (none when its area is unknown).
    public var escalationUpts: [String] { Self.escalationUpts(upt: upt, upts: upts) }

    /// ``escalationUpts`` from the two fields it depends on (read one by one from a table, a disparity is not
    /// copied whole to run a getter on).
    public static func escalationUpts(upt: String, upts: [String]) -> [String] {
        if !upts.isEmpty { return upts }
        return upt.isEmpty ? [] : [upt]
    }

    /// Whether no UPT receives this disparity (``escalationUpts`` is empty), read without making the list.
    public var hasNoUpt: Bool { upt.isEmpty && upts.isEmpty }

    /// Stable across runs: a function of the code and the subject (FNV-1a 64, hex).
    public var id: String { Self.id(code: code, subject: subject, subjectKey: subjectKey) }

    /// ``id`` from the three fields it depends on (read one by one from a table, a disparity is not copied
    /// whole to run a getter on).
    public static func id(code: DisparityCode, subject: DisparitySubject, subjectKey: String) -> String {
        // FNV-1a over `code|subject|subjectKey` and the hash's 16 digits written in place: through an
        // interpolated text and `String(_:radix:)` each id was three allocations, made five times per
        // disparity in a run (170,000 nationally).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        Self.fnv1a(code.rawValue, &hash)
        Self.fnv1a("|", &hash)
        Self.fnv1a(subject.rawValue, &hash)
        Self.fnv1a("|", &hash)
        Self.fnv1a(subjectKey, &hash)
        return String(unsafeUninitializedCapacity: 16) { out in
            HexDigits.write(hash, into: out, at: 0)
            return 16
        }
    }

    private static func fnv1a(_ text: String, _ hash: inout UInt64) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
    }

    /// The findings of `parts`, in order, moved out of them: each part is left holding as many empty findings.
    ///
    /// Joined by copying (`flatMap`), each of the 170,000 national findings' texts was retained, and released
    /// again with the parts: a fifth of a second on one core beside the SKP verdicts. A part shared with another
    /// array is copied first (`withUnsafeMutableBufferPointer`), so sharing costs time, never correctness.
    public static func joined(_ parts: inout [[Disparity]]) -> [Disparity] {
        let total = parts.reduce(0) { $0 + $1.count }
        let empty = Disparity(code: .namaBerbeda, subject: .ptk, subjectKey: "")
        return [Disparity](unsafeUninitializedCapacity: total) { out, count in
            count = 0
            for i in parts.indices {
                parts[i].withUnsafeMutableBufferPointer { part in
                    guard let from = part.baseAddress, let to = out.baseAddress else { return }
                    precondition(count + part.count <= total, "Disparity.joined: more findings than counted")
                    (to + count).moveInitialize(from: from, count: part.count)
                    from.initialize(repeating: empty, count: part.count)
                    count += part.count
                }
            }
        }
    }

    /// `outputs.md` order: priority, kabupaten/kota, NPSN, code, NIP.
    public static func outputOrder(_ a: Disparity, _ b: Disparity) -> Bool {
        if a.priority != b.priority { return a.priority < b.priority }
        if a.kabupatenKota != b.kabupatenKota { return a.kabupatenKota < b.kabupatenKota }
        if a.npsn != b.npsn { return a.npsn < b.npsn }
        if a.code != b.code { return a.code.rawValue < b.code.rawValue }
        if a.nip != b.nip { return a.nip < b.nip }
        return a.subjectKey < b.subjectKey
    }

    /// `findings` in ``outputOrder(_:_:)``, ties in their given order.
    ///
    /// Sorts positions on keys gathered once into arrays of their own: the priority with the kabupaten/kota's
    /// rank among the few distinct names, then NPSN, code, NIP and subject key. Comparing the findings
    /// themselves copied both (sixteen texts retained and released) at every comparison: 1 s of the judge
    /// stage nationally, on one core.
    ///
    /// The findings are then put in that order in place, by swaps along the permutation's cycles: each is moved
    /// once, never copied (building the sorted array from copies, then releasing the old one, was a third of a
    /// second nationally, on one core between the rules and the verdicts).
    public static func inOutputOrder(_ findings: consuming [Disparity]) -> [Disparity] {
        // The keys gathered from the buffer, field by field: through `map(\.npsn)` and the like, each finding was
        // copied whole for each key (a fifth of a second nationally, on one core).
        var areaRank = [String: Int]()
        var area = [(Int, Int)](), npsn = [String](), code = [Int](), nip = [String](), subjectKey = [String]()
        findings.withUnsafeBufferPointer { found in
            for i in found.indices where areaRank[found[i].kabupatenKota] == nil {
                areaRank[found[i].kabupatenKota] = 0
            }
            for (rank, name) in areaRank.keys.sorted().enumerated() { areaRank[name] = rank }
            area.reserveCapacity(found.count)
            npsn.reserveCapacity(found.count)
            code.reserveCapacity(found.count)
            nip.reserveCapacity(found.count)
            subjectKey.reserveCapacity(found.count)
            for i in found.indices {
                area.append((found[i].code.priority, areaRank[found[i].kabupatenKota] ?? 0))
                npsn.append(found[i].npsn)
                code.append(found[i].code.textOrder)
                nip.append(found[i].nip)
                subjectKey.append(found[i].subjectKey)
            }
        }
        let order = findings.indices.sorted { a, b in
            if area[a] != area[b] { return area[a] < area[b] }
            if npsn[a] != npsn[b] { return npsn[a] < npsn[b] }
            if code[a] != code[b] { return code[a] < code[b] }
            if nip[a] != nip[b] { return nip[a] < nip[b] }
            if subjectKey[a] != subjectKey[b] { return subjectKey[a] < subjectKey[b] }
            return a < b
        }
        var sorted = consume findings
        var placed = [Bool](repeating: false, count: order.count)
        // Swapped in the buffer, which moves the two findings' memory: the array's own `swapAt` copied one out
        // and back, with a retain and release of each of its texts (0.1 s nationally).
        sorted.withUnsafeMutableBufferPointer { sorted in
            for start in order.indices where !placed[start] {
                // Position k is to hold the finding now at order[k]; along the cycle from `start`, the finding that
                // started there travels forward with each swap until it reaches the position that wants it.
                var k = start
                while true {
                    placed[k] = true
                    let from = order[k]
                    if from == start { break }
                    sorted.swapAt(k, from)
                    k = from
                }
            }
        }
        return sorted
    }
}
