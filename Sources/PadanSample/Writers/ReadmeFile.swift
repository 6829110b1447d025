/// The region's `README.md`: what is in it and what was planted where, in short.
enum ReadmeFile {
    static func render(_ report: SampleReport) -> String {
        var lines = [
            "# Synthetic sample region",
            "",
            "Written by `padan sample` (seed \(report.options.seed), \(report.options.teachers) teachers);"
                + " regenerate with",
            "`scripts/regenerate-sample.sh`. Schools are real"
                + " (`sekolah-2019.csv.gz`: \(report.regions.joined(separator: ", "))",
            "and their province's SMA/SMK/SLB); every person, NIP, NIK and id is invented.",
            "Run it with `padan run pipeline.toml` (or `pipelines/sample.toml`); score a run with",
            "`python3 ../shared/conformance/score.py <run folder> truth.json`.",
            "",
            "| file | input kind | what it exercises | rows |",
            "|---|---|---|---|",
        ]
        let notes = [
            "dapodik/ptk-1.csv": "canonical headers, LF; a stray delimiter; an unterminated quote as last line",
            "dapodik/ptk-2.csv":
                "`;`, CRLF, Windows-1252, `*_id_str` and `L/P` header aliases, `Laki-laki`, `1`/`0`;"
                + " an impossible date",
            "dapodik/ptk-3.csv.gz": "gzip, TAB, upper-case headers in another order, an unknown column",
            "dapodik/sekolah.xml": "XML, fields as child elements, `1`/`2`/`N`/`S` statuses, padded region codes",
            "siasn/pns.txt":
                "pipe-separated, camelCase headers, dashed and lower-case ids, ignored `01-01-0001` column",
            "siasn/unor.xml": "XML, fields as attributes, `-` depth marks, `Aktif` as 1/0/true/false/Y/N or missing",
            "pemadanan/unor_npsn.csv": "`;`, BOM, CRLF: the BKD crosswalk",
            "pmm/skp.csv": "CRLF; periode and peran spellings; bad predikat/periode/peran/perilaku_fokus rows",
        ]
        for file in report.files {
            lines.append("| `\(file.path)` | `\(file.kind)` | \(notes[file.path] ?? "") | \(file.rows) |")
        }
        lines += ["", "Planted (see `truth.json` for every subject, with a note):", ""]
        if report.truthWritten {
            lines += ["| disparity | count |", "|---|---|"]
            for code in PeopleJudgeCatalogue.order { lines.append("| `\(code)` | \(report.disparities[code] ?? 0) |") }
            lines += ["", "| SKP outcome | count |", "|---|---|"]
            for key in report.skpOutcomes.keys.sorted() {
                lines.append("| `\(key)` | \(report.skpOutcomes[key] ?? 0) |")
            }
        }
        if !report.truthWritten {
            lines += ["", "| planted case | times |", "|---|---|"]
            for key in report.planted.keys.sorted() { lines.append("| \(key) | \(report.planted[key] ?? 0) |") }
        }
        if !report.plantedSchools.isEmpty && report.plantedSchools.count <= 60 {
            lines += ["", "| NPSN | school | planted |", "|---|---|---|"]
            for school in report.plantedSchools {
                lines.append("| \(school.npsn) | \(school.name) | \(school.roles.joined(separator: ", ")) |")
            }
        }
        lines += [
            "",
            "Negeri schools' roles are also in `truth.json` (`unor_map[].roles`); every finding carries a `note`,",
            "and the clean look-alikes that must not be flagged are in `truth.json` `negatives`.",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
