import PadanCore

/// What a blocking reason means and who does what: the catalogue's texts for disparity codes, and
/// the texts of the SKP-only reasons of `rules.md` §5.
package enum BlockReasonText {
    /// A teacher whose Induk school is not in `dapodik_sekolah`.
    package static let unknownSchool = "SEKOLAH_TIDAK_DIKENAL"

    /// (priority, uraian, tindakan, owner) of a reason.
    package static func of(_ code: String) -> (priority: Int, uraian: String, tindakan: String, owner: String) {
        if let c = DisparityCode(rawValue: code) { return (c.priority, c.uraian, c.tindakan, c.owner) }
        switch code {
        case "NPSN_SKP_BERBEDA":
            return (
                3, "Sekolah pada SKP di PMM bukan sekolah induk guru di Dapodik",
                "Guru memperbaiki sekolah pada SKP di PMM, atau operator sekolah memperbaiki status induk di Dapodik",
                "Guru / Operator Sekolah"
            )
        case "PENILAI_TIDAK_DITEMUKAN":
            return (
                3, "Penilai SKP (kepala sekolah) tidak dapat ditentukan",
                "Operator sekolah mencatat tepat satu kepala sekolah ASN di Dapodik (tugas tambahan Kepala Sekolah) dengan NIP yang tertaut ke SIASN",
                "Operator Sekolah"
            )
        case "PENILAI_BERBEDA":
            return (
                3, "NIP penilai pada SKP di PMM bukan kepala sekolah menurut Dapodik",
                "Guru memperbaiki penilai pada SKP di PMM, atau operator sekolah memperbarui kepala sekolah di Dapodik",
                "Guru / Operator Sekolah"
            )
        case unknownSchool:
            return (
                3, "Sekolah induk guru tidak ada di data sekolah Dapodik",
                "Dinas Pendidikan memastikan data sekolah Dapodik yang dipakai lengkap, atau operator sekolah memperbaiki NPSN sekolah induk",
                "Dinas Pendidikan / Operator Sekolah"
            )
        default:
            return (3, code, "Periksa baris ini di skp/blocked.csv", "BKD")
        }
    }

    /// Catalogue order, then the SKP reasons in `rules.md` §5 order.
    package static func order(_ code: String) -> Int {
        if let c = DisparityCode(rawValue: code) { return c.order }
        let tail = ["NPSN_SKP_BERBEDA", "PENILAI_TIDAK_DITEMUKAN", "PENILAI_BERBEDA", unknownSchool]
        return DisparityCode.allCases.count + (tail.firstIndex(of: code) ?? tail.count)
    }
}
