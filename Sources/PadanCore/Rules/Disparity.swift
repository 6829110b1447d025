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
    public var upt: String = ""
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

    /// Stable across runs: a function of the code and the subject (FNV-1a 64, hex).
    public var id: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(code.rawValue)|\(subject.rawValue)|\(subjectKey)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `outputs.md` order: priority, kabupaten/kota, NPSN, code, NIP.
    public static func outputOrder(_ a: Disparity, _ b: Disparity) -> Bool {
        if a.priority != b.priority { return a.priority < b.priority }
        if a.kabupatenKota != b.kabupatenKota { return a.kabupatenKota < b.kabupatenKota }
        if a.npsn != b.npsn { return a.npsn < b.npsn }
        if a.code != b.code { return a.code < b.code }
        if a.nip != b.nip { return a.nip < b.nip }
        return a.subjectKey < b.subjectKey
    }
}
