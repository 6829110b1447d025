/// What `report.html` shows, as plain values: counts, texts from the catalogue and the inputs' values
/// as given (the page escapes them). Built in PadanKit from a run; rendered by ``ReportPage``.
package struct ReportModel: Sendable {
    /// One input kind as read.
    package struct Input: Sendable, Equatable {
        /// What the input is, in Bahasa Indonesia (`Data PTK Dapodik`).
        package var label: String
        package var files: [String]
        package var rows: Int
        package var rejected: Int
        package init(label: String, files: [String], rows: Int, rejected: Int) {
            self.label = label
            self.files = files
            self.rows = rows
            self.rejected = rejected
        }
    }

    /// Why some ASN teachers cannot flow, counted once per person by their first reason.
    package struct BlockReason: Sendable, Equatable {
        /// A disparity code or one of the SKP reasons (`PENILAI_TIDAK_DITEMUKAN`).
        package var code: String
        package var label: String
        package var people: Int
        package init(code: String, label: String, people: Int) {
            self.code = code
            self.label = label
            self.people = people
        }
    }

    /// A thing to fix: a code with who does what, and how much it holds back.
    package struct Fix: Sendable, Equatable {
        package var code: String
        package var priority: Int
        package var uraian: String
        package var tindakan: String
        package var owner: String
        /// ASN teachers this code holds back (they cannot flow while it is open).
        package var people: Int
        /// Of those, the ones for whom it is the only obstacle: fixing it lets them flow.
        package var unblocks: Int
        /// Blocked `pmm_skp` rows that list this reason.
        package var skpRows: Int
        package init(
            code: String, priority: Int, uraian: String, tindakan: String, owner: String, people: Int, unblocks: Int,
            skpRows: Int
        ) {
            self.code = code
            self.priority = priority
            self.uraian = uraian
            self.tindakan = tindakan
            self.owner = owner
            self.people = people
            self.unblocks = unblocks
            self.skpRows = skpRows
        }
    }

    /// One disparity code's count in this run.
    package struct CodeCount: Sendable, Equatable {
        package var code: String
        package var priority: Int
        package var uraian: String
        package var tindakan: String
        package var owner: String
        package var open: Int
        package var new: Int
        package init(code: String, priority: Int, uraian: String, tindakan: String, owner: String, open: Int, new: Int)
        {
            self.code = code
            self.priority = priority
            self.uraian = uraian
            self.tindakan = tindakan
            self.owner = owner
            self.open = open
            self.new = new
        }
    }

    /// Open disparities of one kabupaten/kota or one school, by priority.
    package struct Area: Sendable, Equatable {
        /// The kabupaten/kota, or the school's name.
        package var name: String
        /// The school's NPSN (empty for a kabupaten/kota).
        package var npsn: String
        /// The school's kabupaten/kota (empty for a kabupaten/kota).
        package var kabupatenKota: String
        /// Open disparities of priority 1, 2, 3, 4.
        package var byPriority: [Int]
        /// ASN teachers whose Induk school is here, and how many of them can flow.
        package var asn: Int
        package var canFlow: Int
        /// The most frequent code here.
        package var topCode: String
        package init(
            name: String, npsn: String = "", kabupatenKota: String = "", byPriority: [Int], asn: Int, canFlow: Int,
            topCode: String
        ) {
            self.name = name
            self.npsn = npsn
            self.kabupatenKota = kabupatenKota
            self.byPriority = byPriority
            self.asn = asn
            self.canFlow = canFlow
            self.topCode = topCode
        }
        package var total: Int { byPriority.reduce(0, +) }
        package var urgent: Int { byPriority.prefix(3).reduce(0, +) }
    }

    /// One night of the trend.
    package struct Night: Sendable, Equatable {
        package var runId: String
        /// `YYYY-MM-DD`.
        package var asOf: String
        package var open: Int
        package var new: Int
        package var resolved: Int
        package init(runId: String, asOf: String, open: Int, new: Int, resolved: Int) {
            self.runId = runId
            self.asOf = asOf
            self.open = open
            self.new = new
            self.resolved = resolved
        }
    }

    /// One open disparity, as the full table shows it.
    package struct Row: Sendable, Equatable {
        package var priority: Int
        package var code: String
        package var nama: String
        package var nip: String
        package var npsn: String
        package var sekolah: String
        package var kabupatenKota: String
        package var field: String
        package var dapodikValue: String
        package var siasnValue: String
        package var suggestion: String
        /// `BARU` or `BERLANJUT`.
        package var status: String
        package var ageDays: Int
        package init(
            priority: Int, code: String, nama: String, nip: String, npsn: String, sekolah: String,
            kabupatenKota: String, field: String, dapodikValue: String, siasnValue: String, suggestion: String,
            status: String, ageDays: Int
        ) {
            self.priority = priority
            self.code = code
            self.nama = nama
            self.nip = nip
            self.npsn = npsn
            self.sekolah = sekolah
            self.kabupatenKota = kabupatenKota
            self.field = field
            self.dapodikValue = dapodikValue
            self.siasnValue = siasnValue
            self.suggestion = suggestion
            self.status = status
            self.ageDays = ageDays
        }
    }

    package var pipeline: String
    package var runId: String
    /// The date the data was judged at, `YYYY-MM-DD`.
    package var asOf: String
    /// When the run started, ISO 8601 UTC.
    package var startedAt: String
    package var version: String
    package var inputs: [Input]
    /// Dapodik ASN teachers (people, not rows).
    package var asnTeachers: Int
    /// Linked by NIP, no priority 1–3 disparity, Induk school Negeri with a unit.
    package var canFlow: Int
    /// ASN teachers at a Swasta school: their SKP is not managed through PMM (neither flows nor blocks).
    package var atSwasta: Int
    /// Why the others cannot, by first reason.
    package var blockReasons: [BlockReason]
    /// SIASN teachers missing from Dapodik (outside `asnTeachers`; they cannot flow either).
    package var missingFromDapodik: Int
    /// `pmm_skp` rows: total (rejected included), eligible, of which new, blocked, skipped.
    package var skpRows: Int
    package var skpEligible: Int
    package var skpDelta: Int
    package var skpBlocked: Int
    package var skpSkipped: Int
    /// Every code and SKP reason that holds someone back, most people first; the page shows three on top.
    package var fixes: [Fix]
    /// Every code of the catalogue, in catalogue order, with this run's counts.
    package var codes: [CodeCount]
    package var openTotal: Int
    package var newTotal: Int
    package var resolvedTotal: Int
    /// Worst first.
    package var regions: [Area]
    /// Schools with open disparities, worst first: the report's first ``ReportPage/schoolsShown`` of them.
    package var schools: [Area]
    /// How many schools have open disparities.
    package var schoolsTotal: Int
    /// Nights of the trend, oldest first, this run last.
    package var trend: [Night]
    /// The open disparities in `disparities.csv` order: the first ``ReportPage/embeddedRows`` of them, the most
    /// the page holds (a national run has 170,000).
    package var rows: [Row]
    /// How many disparities are open.
    package var rowsTotal: Int

    package init(
        pipeline: String, runId: String, asOf: String, startedAt: String, version: String, inputs: [Input],
        asnTeachers: Int, canFlow: Int, atSwasta: Int, blockReasons: [BlockReason], missingFromDapodik: Int,
        skpRows: Int, skpEligible: Int, skpDelta: Int, skpBlocked: Int, skpSkipped: Int, fixes: [Fix],
        codes: [CodeCount], openTotal: Int, newTotal: Int, resolvedTotal: Int, regions: [Area], schools: [Area],
        schoolsTotal: Int? = nil, trend: [Night], rows: [Row], rowsTotal: Int? = nil
    ) {
        self.pipeline = pipeline
        self.runId = runId
        self.asOf = asOf
        self.startedAt = startedAt
        self.version = version
        self.inputs = inputs
        self.asnTeachers = asnTeachers
        self.canFlow = canFlow
        self.atSwasta = atSwasta
        self.blockReasons = blockReasons
        self.missingFromDapodik = missingFromDapodik
        self.skpRows = skpRows
        self.skpEligible = skpEligible
        self.skpDelta = skpDelta
        self.skpBlocked = skpBlocked
        self.skpSkipped = skpSkipped
        self.fixes = fixes
        self.codes = codes
        self.openTotal = openTotal
        self.newTotal = newTotal
        self.resolvedTotal = resolvedTotal
        self.regions = regions
        self.schools = schools
        self.schoolsTotal = schoolsTotal ?? schools.count
        self.trend = trend
        self.rows = rows
        self.rowsTotal = rowsTotal ?? rows.count
    }

    /// ASN teachers who cannot flow (blocked by a reason; teachers at Swasta schools are not counted).
    package var cannotFlow: Int { blockReasons.reduce(0) { $0 + $1.people } }
}
