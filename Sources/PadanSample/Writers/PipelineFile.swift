/// The pipeline file of a generated region (`pipeline.md`): inputs, the active period, the heads
/// of education offices as penilai of principals, and the UPT table.
package enum PipelineFile {
    /// A head of an education office, as `[[penilai]]` lists them.
    package struct Penilai: Sendable {
        package var instansi: String
        package var nip: String
    }

    /// The TOML text; `prefix` is put before every input path (`""` beside the region,
    /// `"../SampleData/"` from `pipelines/`).
    package static func render(
        name: String, comment: String, prefix: String, store: String, outputDir: String, penilai: [Penilai],
        upt: [UPTEntry]
    ) -> String {
        var lines = [
            "# " + comment,
            "# Every path is relative to this file.",
            "version = 1",
            "name = \(quoted(name))",
            "store = \(quoted(store))",
            "output_dir = \(quoted(outputDir))",
            "",
            "[inputs]",
            "dapodik_ptk     = [\(quoted(prefix + "dapodik/ptk-*"))]"
                + "   # ptk-1.csv, ptk-2.csv (;, Windows-1252), ptk-3.csv.gz",
            "dapodik_sekolah = \(quoted(prefix + RegionFiles.Path.sekolah))",
            "siasn_pns       = \(quoted(prefix + RegionFiles.Path.pns))",
            "siasn_unor      = \(quoted(prefix + RegionFiles.Path.unor))",
            "unor_npsn       = \(quoted(prefix + RegionFiles.Path.crosswalk))",
            "pmm_skp         = \(quoted(prefix + RegionFiles.Path.skp))",
            "",
            "[periode]",
            "aktif = \(quoted(SkpFactory.activePeriod))",
            "",
            "[matching]",
            "name_threshold = 0.90",
            "unor_threshold = 0.85",
            "unor_margin    = 0.05",
            "",
            "# Heads of the education offices: the penilai of principals.",
        ]
        for head in penilai {
            lines += ["[[penilai]]", "instansi = \(quoted(head.instansi))", "nip = \(quoted(head.nip))", ""]
        }
        lines.append("# Escalations: the first UPT whose prefix starts the school's Dapodik region code.")
        for entry in upt {
            lines += [
                "[[upt]]", "nama = \(quoted(entry.name))",
                "wilayah = [" + entry.prefixes.map(quoted).joined(separator: ", ") + "]", "",
            ]
        }
        return lines.joined(separator: "\n")
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            if character == "\"" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}
