import Foundation
import PadanTestSupport
import Testing

@testable import PadanCore
@testable import PadanWriters

@Suite("PayloadEncoder")
struct PayloadEncoderTests {
    static func payload(
        nama: String = "Siti Ḥasanah, S.Pd.", predikat: String? = "Sangat Baik",
        indikator: String? = "D.1.1 \"Memahami\" peserta\\didik",
        source: PadanCore.SourceLocation = .init(file: "pmm/skp.csv", line: 7), periode: String = "2024-S2"
    ) -> SkpPayload {
        SkpPayload(
            periode: Fixture.periode(periode),
            pegawai: PayloadPerson(
                pnsID: Fixture.id("632cda9fb0b6d00d402fcd41fabd926f"), writtenNIP: DigitText("199508272019212684"),
                nama: nama, unorID: Fixture.id("97e95742-6629-1d4d-04e8-fdf6eec8e6aa"),
                unorNama: "UPTD Satuan Pendidikan SMPN 2 Singgahan",
                jabatan: "Guru Ahli Pertama", npsn: "20505656", peranPenilai: nil),
            penilai: PayloadPerson(
                pnsID: Fixture.id("0d876dde4cfe2bc12cd14541ba05b5d2"), writtenNIP: DigitText("196810301993011823"),
                nama: "Zainal Hasyim", unorID: Fixture.id("97e95742-6629-1d4d-04e8-fdf6eec8e6aa"), unorNama: nil,
                jabatan: "Guru Ahli Madya", npsn: nil,
                peranPenilai: "KEPALA_SEKOLAH"),
            peran: .guru, tahap: .penilaian, indikatorKinerja: indikator, perilakuFokus: ["Akuntabel", "Kompeten"],
            predikat: predikat, source: source)
    }

    @Test func golden() {
        let (key, line) = PayloadEncoder.encode(Self.payload(), runId: "20241122T190000Z")
        let (_, unrated) = PayloadEncoder.encode(
            Self.payload(nama: "Budi", predikat: nil, indikator: nil), runId: "20241122T190000Z")
        #expect(line.contains("\"idempotency_key\":\"\(key)\""))
        GoldenFile.check(line + "\n" + unrated + "\n", "Run/payloads.jsonl")
    }

    /// A penilai's JSON made ahead gives the line and key of the penilai encoded in place.
    @Test func penilaiMadeAheadIsTheSameLine() {
        for payload in [Self.payload(), Self.payload(nama: "Budi \"B\"", predikat: nil, indikator: nil)] {
            var inPlace = JSONLines(), ahead = JSONLines()
            let a = PayloadEncoder.append(payload, runId: "r", to: &inPlace)
            let b = PayloadEncoder.append(
                payload, runId: "r", penilaiJSON: PayloadEncoder.personJSON(payload.penilai), to: &ahead)
            #expect(a == b)
            let (one, other) = (inPlace.finish().string, ahead.finish().string)
            #expect(one == other)
        }
    }

    @Test func keyIsLowerHexSHA256() {
        let (key, _) = PayloadEncoder.encode(Self.payload(), runId: "r")
        #expect(key.count == 64)
        #expect(key.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func keyIgnoresTheRunAndTheSourceButNotTheContent() {
        let a = PayloadEncoder.encode(Self.payload(), runId: "20241122T190000Z")
        let b = PayloadEncoder.encode(
            Self.payload(source: .init(file: "other.csv", line: 99)), runId: "20241123T190000Z")
        #expect(a.key == b.key)
        #expect(a.line != b.line)
        #expect(PayloadEncoder.encode(Self.payload(predikat: "Baik"), runId: "r").key != a.key)
        #expect(PayloadEncoder.encode(Self.payload(nama: "Siti Hasanah, S.Pd."), runId: "r").key != a.key)
    }

    @Test func lineIsCanonicalJSONWithEverySchemaField() {
        let (_, line) = PayloadEncoder.encode(Self.payload(), runId: "r")
        #expect(!line.contains("\n"))
        // No spaces between tokens (the name's own ", " is inside a string).
        #expect(!line.contains("\": ") && !line.contains(", \"") && !line.contains("} ") && !line.contains("] "))
        #expect(line.contains("Siti Ḥasanah"))
        #expect(line.hasPrefix("{\"idempotency_key\":"))
        for field in [
            "\"schema\":\"padan.skp.v1\"", "\"model_skp\":\"JF\"", "\"peran\":\"GURU\"", "\"tahap\":\"PENILAIAN\"",
            "\"periode\":{\"kode\":\"2024-S2\",\"mulai\":\"2024-07-01\",\"selesai\":\"2024-12-31\",\"semester\":2,\"tahun\":2024}",
            "\"sumber\":{\"file\":\"pmm/skp.csv\",\"line\":7,\"run_id\":\"r\"}",
            "\"perilaku_fokus\":[\"Akuntabel\",\"Kompeten\"]",
            "\"peran_penilai\":\"KEPALA_SEKOLAH\"", "\"npsn\":null", "\"unor_nama\":null",
        ] {
            #expect(line.contains(field), "\(field)")
        }
        #expect(
            PayloadEncoder.encode(Self.payload(predikat: nil, indikator: nil), runId: "r").line
                .contains("\"indikator_kinerja\":null"))
        // The pegawai carries no peran_penilai.
        #expect(line.components(separatedBy: "peran_penilai").count == 2)
    }

    @Test(arguments: [SkpRole.kepalaSekolah, .pltKepalaSekolah])
    func principalsUseTheJPTModel(_ role: SkpRole) {
        var payload = Self.payload()
        payload.peran = role
        let (_, line) = PayloadEncoder.encode(payload, runId: "r")
        #expect(line.contains("\"model_skp\":\"JPT\""))
        #expect(line.contains("\"peran\":\"\(role.rawValue)\""))
    }

    @Test(.enabled(if: PythonCheck.isAvailable), arguments: [false, true])
    func pythonRecomputesTheKey(_ unrated: Bool) throws {
        let payload = unrated ? Self.payload(nama: "Budi\u{01}😀", predikat: nil, indikator: nil) : Self.payload()
        let (key, line) = PayloadEncoder.encode(payload, runId: "20241122T190000Z")
        let python = try PythonCheck.run(
            """
            import json, hashlib, sys
            d = json.loads(sys.stdin.buffer.read().decode("utf-8"))
            key = d.pop("idempotency_key")
            d.pop("sumber")
            canonical = json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            print(hashlib.sha256(canonical.encode("utf-8")).hexdigest(), key)
            """, input: line)
        #expect(python == "\(key) \(key)\n")
    }

    @Test(
        arguments: [
            ("Siti Ḥasanah, S.Pd.", "Sangat Baik", "D.1.1 \"Memahami\" peserta\\didik"),
            ("Budi\u{01}\t\n", nil, nil), ("😀 \u{2028} </script>", "Baik", "=cmd|' /C calc'!A0"),
        ] as [(String, String?, String?)])
    func canonicalMatchesJSONValue(_ nama: String, _ predikat: String?, _ indikator: String?) {
        // Both semesters: the period's texts are written from its numbers.
        for periode in ["2024-S2", "2031-S1"] {
            let payload = Self.payload(nama: nama, predikat: predikat, indikator: indikator, periode: periode)
            let fast = PayloadEncoder.encode(payload, runId: "20241122T190000Z")
            let reference = PayloadEncoder.referenceEncode(payload, runId: "20241122T190000Z")
            #expect(fast.key == reference.key)
            #expect(fast.line == reference.line)
            #expect(fast.line.contains(periode))
        }
    }
}
