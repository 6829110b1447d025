import Foundation
import PadanCore
import PadanStore

/// `padan explain`: why one person or one school stands where it does, in Bahasa Indonesia.
///
/// The run's stages are recomputed from the current inputs (``RunAnalysis``, nothing written, no lock);
/// the store, read only, gives each open disparity its age. When an input file's sha256 differs from the
/// one in the store's last run's summary (a file changed, added or gone since that run), a notice at the
/// top says so and names the files (``InputChanges``): the explanation may then disagree with the run's
/// files.
package struct Explanation: Sendable {
    /// What is asked about.
    package enum Target: Sendable, Equatable {
        case nip(String)
        case npsn(String)
    }

    /// One titled block of the answer.
    package struct Section: Sendable, Equatable {
        package var title: String
        package var lines: [String]
    }

    package var title: String
    package var sections: [Section]
    /// Printed above everything else: the inputs differ from those of the store's last run.
    package var notice: Section?
    /// The link method of each Dapodik ASN person found (person questions).
    package var linkMethods: [LinkMethod] = []
    /// The unit method of the school (school questions, Negeri schools).
    package var unitMethod: UnitMethod?
    /// Codes of the open disparities shown, in order.
    package var codes: [String] = []

    /// The answer as printed.
    package func render() -> String {
        var out = ""
        if let notice {
            out += "!! " + notice.title + "\n"
            for line in notice.lines { out += "!! " + line + "\n" }
            out += "\n"
        }
        out += title + "\n"
        for section in sections {
            out += "\n" + section.title + "\n"
            for line in section.lines { out += "  " + line + "\n" }
        }
        return out
    }

    /// Recomputes the run as of `asOf` (default: the as-of date of the store's last run, else today) and
    /// explains the target. A malformed NIP or NPSN is a `.usage` error (64); one the inputs do not hold is
    /// an answer that says so (exit 0), not a failure: 65 means an unusable input.
    package static func explain(_ target: Target, pipeline: PipelineFile, asOf: CalendarDate?) throws(PadanError)
        -> Explanation
    {
        let store = try StoreView(pipeline: pipeline)
        let date = asOf ?? store.lastRun.flatMap { CalendarDate(iso: $0.asOf) } ?? NightlyRun.today(Date())
        // The question is checked before anything is read (a malformed one is a usage error).
        let answer: (RunAnalysis) -> Explanation
        switch target {
        case .nip(let text):
            let query = NIP.normalized(text)
            guard !query.isEmpty, query.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw PadanError(.usage, "--nip harus berupa angka NIP, bukan '\(text)'")
            }
            answer = { analysis in PersonExplainer(analysis: analysis, store: store, asOf: date).explain(query: query) }
        case .npsn(let text):
            guard let npsn = NPSN(text) else { throw PadanError(.usage, "--npsn harus 8 angka, bukan '\(text)'") }
            answer = { analysis in SchoolExplainer(analysis: analysis, store: store, asOf: date).explain(npsn) }
        }
        let analysis = try RunAnalysis.perform(pipeline: pipeline, asOf: date, rejected: store.rejected)
        var explanation = answer(analysis)
        explanation.notice = changes(analysis, store: store)?.section
        return explanation
    }

    /// The input files that differ from those of the store's last run, if any.
    static func changes(_ analysis: RunAnalysis, store: StoreView) -> InputChanges? {
        var current = [String: String]()
        for report in analysis.loaded.reports.values {
            for file in report.files { current[file.path] = file.sha256 }
        }
        return InputChanges(lastRun: store.lastRun, current: current)
    }
}

/// What the store says, read only: its last run and the open disparities with their first sighting.
struct StoreView: Sendable {
    var lastRun: StoredRun?
    var open: [String: StoredDisparity] = [:]
    /// Crosswalk pairs the BKD rejected, so that the explanation suggests what the run suggests.
    var rejected = RejectedPairs()

    init(pipeline: PipelineFile) throws(PadanError) {
        guard FileManager.default.fileExists(atPath: pipeline.store) else { return }
        do {
            let database = try PadanDatabase(path: pipeline.store, access: .readOnly)
            lastRun = try database.lastRun()
            open = try database.openDisparities()
            rejected = try NightlyRun.rejectedPairs(database)
        } catch {
            throw PadanError(.software, error.description)
        }
    }

    init(lastRun: StoredRun? = nil, open: [String: StoredDisparity] = [:]) {
        self.lastRun = lastRun
        self.open = open
    }

    /// `terbuka sejak 6 Januari 2025 (4 hari)`, or `baru` when the store has not recorded it open.
    func age(of d: Disparity, asOf: CalendarDate) -> String {
        guard let stored = open[d.id], let first = CalendarDate(iso: stored.firstSeenDate) else {
            return "baru: belum tercatat terbuka di penyimpanan"
        }
        let days = max(0, asOf.dayNumber - first.dayNumber)
        return "terbuka sejak \(ExplainText.date(first)) (\(days) hari, run \(stored.firstSeenRun))"
    }
}

/// Shared wording of the explanations.
enum ExplainText {
    /// `Penjelasan NIP … — dihitung ulang dari input saat ini per …; run terakhir tercatat: …`.
    static func title(_ subject: String, store: StoreView, asOf: CalendarDate) -> String {
        "Penjelasan \(subject) — dihitung ulang dari input saat ini per \(date(asOf))"
            + (store.lastRun.map { "; run terakhir tercatat: \($0.runID)" } ?? "; belum ada run tercatat")
    }

    static func date(_ d: CalendarDate) -> String {
        let months = [
            "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
            "November", "Desember",
        ]
        return "\(d.day) \(months[d.month - 1]) \(d.year)"
    }

    /// A score as `0,93`.
    static func score(_ s: Double) -> String {
        String(format: "%.2f", s).replacingOccurrences(of: ".", with: ",")
    }

    static func linkMethod(_ m: LinkMethod) -> String {
        switch m {
        case .nip: return "NIP — tertaut tepat ke SIASN lewat NIP"
        case .suggested: return "SARAN — tidak tertaut; satu kandidat SIASN disarankan untuk diperiksa manusia"
        case .ambiguous: return "GANDA — tidak tertaut; beberapa kandidat SIASN cocok, tidak ada yang disarankan"
        case .none: return "TIDAK — tidak tertaut dan tidak ada kandidat"
        }
    }

    static func unitMethod(_ m: UnitMethod) -> String {
        switch m {
        case .crosswalk: return "PEMADANAN — dari tabel pemadanan NPSN–UNOR yang ditetapkan BKD"
        case .name: return "NAMA — nama sekolah sama dengan nama UNOR setelah dinormalkan"
        case .fuzzy: return "FUZZY — nama UNOR paling mirip, di atas ambang dan cukup jauh dari kandidat kedua"
        case .none: return "TIDAK — belum ada UNOR"
        }
    }

    /// One disparity as explained: code and meaning, the values, the suggestion, its age and the action.
    static func disparity(_ d: Disparity, store: StoreView, asOf: CalendarDate) -> [String] {
        var lines = ["[\(d.code.rawValue), prioritas \(d.priority)] \(d.code.uraian)"]
        if !d.dapodikValue.isEmpty || !d.siasnValue.isEmpty {
            let field = d.field.isEmpty ? "" : "\(d.field): "
            lines.append("    \(field)Dapodik '\(d.dapodikValue)' · SIASN '\(d.siasnValue)'")
        }
        if !d.suggestion.isEmpty { lines.append("    saran: \(d.suggestion)") }
        lines.append("    umur: \(store.age(of: d, asOf: asOf))")
        lines.append("    tindakan: \(d.code.tindakan) (penanggung jawab: \(d.code.owner))")
        return lines
    }

    /// An SKP decision in words.
    static func decision(_ d: SkpDecision, context: JudgementContext) -> String {
        let r = d.record
        let head = "\(r.periode) \(r.peran.rawValue) di NPSN \(r.npsn.text) (\(r.source)):"
        switch d.outcome {
        case .eligible(let payload):
            return "\(head) SIAP DIKIRIM; penilai \(payload.penilai.nama) (NIP \(payload.penilai.nip))"
        case .blocked(let reasons):
            let why = reasons.map { "\($0) — \(BlockReasonText.of($0).uraian)" }.joined(separator: "; ")
            return "\(head) TERTAHAN: \(why)"
        case .skipped(let reason):
            return "\(head) DILEWATI (\(reason)): \(skipText(reason))"
        }
    }

    static func skipText(_ reason: String) -> String {
        switch reason {
        case "PERIODE_LAIN": return "bukan periode aktif"
        case "NON_ASN": return "pemilik NIP bukan ASN menurut Dapodik"
        case "KEMENAG": return "PNS Depag: SKP-nya dikelola Kementerian Agama"
        case "SWASTA": return "sekolah induknya swasta: SKP tidak melalui PMM"
        case "CLTN": return "sedang cuti di luar tanggungan negara menurut SIASN"
        case "TIDAK_AKTIF": return "meninggal atau diberhentikan menurut SIASN"
        default: return reason
        }
    }
}
