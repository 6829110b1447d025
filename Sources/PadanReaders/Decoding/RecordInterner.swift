import PadanCore

/// The repeated words of one file's records, shared between rows and read once each: a status, a job title,
/// a golongan or a government is one heap copy however many rows hold it, and what it means (employment,
/// teacher or not, standing) is worked out once per distinct value rather than once per row.
///
/// One per file being read, so never shared between threads.
final class RecordInterner {
    let texts = TextInterner()
    /// The file name every `SourceLocation` of the file shares.
    let file: SharedText
    private var employments: [String: (SharedText, Employment)] = [:]
    private var dapodikJobs: [String: (SharedText, Bool)] = [:]
    private var golongans: [String: (SharedText, Golongan?)] = [:]
    private var standings: [String: (SharedText, SiasnEmployee.Standing)] = [:]
    private var siasnJobs: [String: (SharedText, Bool)] = [:]
    private var behaviours: [String: [String]] = [:]
    private var periodes: [String: Periode?] = [:]
    private var roles: [String: SkpRole?] = [:]
    private var induk: [String: Bool?] = [:]

    init(file: String) {
        self.file = SharedText(file)
    }

    /// `status_kepegawaian` and its employment class.
    func employment(_ text: String) -> (SharedText, Employment) {
        remember(text, in: &employments) { Employment($0) }
    }

    /// `jenis_ptk` and whether it says teacher or principal.
    func dapodikJob(_ text: String) -> (SharedText, Bool) {
        remember(text, in: &dapodikJobs) { DapodikTeacher.isTeacher($0) }
    }

    /// A golongan as written and read.
    func golongan(_ text: String) -> (SharedText, Golongan?) {
        remember(text, in: &golongans) { Golongan(reading: $0) }
    }

    /// `kedudukan_hukum_nama` and its standing.
    func standing(_ text: String) -> (SharedText, SiasnEmployee.Standing) {
        remember(text, in: &standings) { SiasnEmployee.Standing($0) }
    }

    /// `jabatan_nama` and whether it starts with `Guru`.
    func siasnJob(_ text: String) -> (SharedText, Bool) {
        remember(text, in: &siasnJobs) { SiasnEmployee.isTeacher($0) }
    }

    /// A `periode` as read (nil: not a periode). A file holds a handful of distinct values.
    func periode(_ text: String) -> Periode? { cached(text, in: &periodes) { Periode(reading: $0) } }

    /// A `peran` as read (nil: not a role).
    func role(_ text: String) -> SkpRole? { cached(text, in: &roles) { SkpRole(reading: $0) } }

    /// `status_tugas`: true for `Induk`, false for `Non Induk`, nil for anything else.
    func isInduk(_ text: String) -> Bool? {
        cached(text, in: &induk) {
            switch ColumnSpec.key($0) {
            case "induk", "1", "ya", "y", "true": true
            case "noninduk", "0", "tidak", "n", "false": false
            default: nil
            }
        }
    }

    /// A `perilaku_fokus` list already read without a problem, shared; nil when not seen yet.
    func behaviours(_ text: String) -> [String]? { behaviours[text] }

    /// Remembers a `perilaku_fokus` list read without a problem.
    func remember(behaviours list: [String], for text: String) { behaviours[text] = list }

    /// `read(text)`, remembered for the first 4,096 distinct texts (a damaged column of all-different
    /// values then costs no more memory than that).
    private func cached<T>(_ text: String, in table: inout [String: T], _ read: (String) -> T) -> T {
        if let known = table[text] { return known }
        let value = read(text)
        if table.count < 4096 { table[text] = value }
        return value
    }

    private func remember<T>(_ text: String, in table: inout [String: (SharedText, T)], _ read: (String) -> T) -> (SharedText, T) {
        if let known = table[text] { return known }
        let entry = (SharedText(text), read(text))
        table[text] = entry
        return entry
    }
}
