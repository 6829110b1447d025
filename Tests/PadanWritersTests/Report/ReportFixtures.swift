@testable import PadanWriters

/// Small report models for the page tests.
enum ReportFixtures {
    static let hostileNames = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]

    static func row(
        _ i: Int, nama: String = "Guru", sekolah: String = "SD NEGERI 1 CONTOH", kab: String = "Kab. Contoh"
    ) -> ReportModel.Row {
        let codes = ["NIP_KOSONG", "UNOR_WILAYAH_BERBEDA", "NPSN_BELUM_PADAN", "NAMA_BERBEDA"]
        return ReportModel.Row(
            priority: i % 4 + 1, code: codes[i % 4], nama: "\(nama) \(i)", nip: String(198501012010011000 + i),
            npsn: String(20500000 + i % 997), sekolah: "\(sekolah) \(i % 997)", kabupatenKota: "\(kab) \(i % 38)",
            field: "nip", dapodikValue: "d\(i)", siasnValue: "s\(i)", suggestion: i % 3 == 0 ? "saran \(i)" : "",
            status: i % 2 == 0 ? "BARU" : "BERLANJUT", ageDays: i % 40)
    }

    static func model(rows: [ReportModel.Row], pipeline: String = "contoh", trendNights: Int = 3) -> ReportModel {
        let codes = [("NIP_KOSONG", 1), ("UNOR_WILAYAH_BERBEDA", 2), ("NPSN_BELUM_PADAN", 3), ("NAMA_BERBEDA", 4)].map {
            code, p in
            ReportModel.CodeCount(
                code: code, priority: p, uraian: "Uraian \(code)", tindakan: "Tindakan \(code)", owner: "BKD",
                open: rows.filter { $0.code == code }.count, new: 0)
        }
        let schools = rows.prefix(300).map {
            ReportModel.Area(
                name: $0.sekolah, npsn: $0.npsn, kabupatenKota: $0.kabupatenKota, byPriority: [1, 0, 0, 1], asn: 3,
                canFlow: 1, topCode: $0.code)
        }
        let trend = (0..<trendNights).map { n in
            ReportModel.Night(
                runId: "2025010\(n + 1)T190000Z", asOf: "2025-01-0\(n + 1)", open: rows.count - n, new: n,
                resolved: 2 * n)
        }
        return ReportModel(
            pipeline: pipeline, runId: "20250103T190000Z", asOf: "2025-01-03", startedAt: "2025-01-03T19:00:00Z",
            version: "0.1.0",
            inputs: [
                ReportModel.Input(label: "PTK Dapodik", files: ["dapodik/ptk.csv"], rows: rows.count, rejected: 1)
            ],
            asnTeachers: 100, canFlow: 60, atSwasta: 2,
            blockReasons: [ReportModel.BlockReason(code: "NIP_KOSONG", label: "NIP ASN kosong di Dapodik", people: 38)],
            missingFromDapodik: 4, skpRows: 50, skpEligible: 30, skpDelta: 5, skpBlocked: 15, skpSkipped: 5,
            fixes: [
                ReportModel.Fix(
                    code: "NIP_KOSONG", priority: 1, uraian: "NIP ASN kosong di Dapodik",
                    tindakan: "Operator sekolah mengisi NIP",
                    owner: "Operator Sekolah", people: 38, unblocks: 30, skpRows: 12)
            ],
            codes: codes, openTotal: rows.count, newTotal: 0, resolvedTotal: 0,
            regions: [
                ReportModel.Area(
                    name: rows.first?.kabupatenKota ?? "Kab. Contoh", byPriority: [1, 2, 3, 4], asn: 10, canFlow: 5,
                    topCode: "NIP_KOSONG")
            ],
            schools: Array(schools), trend: trend, rows: rows)
    }
}
