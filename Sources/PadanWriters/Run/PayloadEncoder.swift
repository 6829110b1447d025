import Crypto
import PadanCore

/// Encodes an SKP payload as one line of `skp/payloads.jsonl` with its `idempotency_key`.
///
/// Written member by member in canonical order rather than through ``JSONValue``: the tree and its
/// sorting cost a fifth of a 300,000-teacher run's CPU time; this writes the same bytes (the golden
/// test and `canonicalMatchesJSONValue` hold the two together) in about a tenth of the time.
package enum PayloadEncoder {
    /// The payload's JSON line and its key: lower-case hex SHA-256 of the canonical JSON without
    /// `idempotency_key` and `sumber`, so equal content gives an equal key in every run.
    package static func encode(_ payload: SkpPayload, runId: String) -> (key: String, line: String) {
        var out = JSONLines(capacity: 1200)
        let key = append(payload, runId: runId, to: &out)
        return (key.hex, out.finish().string)
    }

    /// Appends the payload's JSON line (without a newline) to `out` and returns its key. `penilaiJSON`, when
    /// given, is ``personJSON(_:)`` of the payload's penilai, made once for the many lines that share it.
    @discardableResult
    package static func append(
        _ payload: SkpPayload, runId: String, penilaiJSON: [UInt8]? = nil, to out: inout JSONLines
    ) -> PayloadKey {
        let pending = appendUnkeyed(payload, runId: runId, penilaiJSON: penilaiJSON, to: &out)
        return out.fillKeys([pending])[0]
    }

    /// Appends the payload's JSON line (without a newline) to `out` with room for its key, and returns where the
    /// key goes and what it is the hash of (for ``JSONLines/fillKeys(_:)``, sixteen lines at a time).
    package static func appendUnkeyed(
        _ payload: SkpPayload, runId: String, penilaiJSON: [UInt8]? = nil, to out: inout JSONLines
    ) -> PendingKey {
        // Canonical key order: idempotency_key, indikator_kinerja, model_skp, pegawai, penilai, peran,
        // perilaku_fokus, periode, predikat, schema, sumber, tahap. The hashed body is `{`, the members
        // indikator_kinerja through schema, and tahap: written in place and hashed there, the key then
        // filled in at the front (no copy of the members per line).
        out.literal("{\"idempotency_key\":\"")
        let keyAt = out.hexPlaceholder()
        out.literal("\",")
        let membersStart = out.count
        out.literal("\"indikator_kinerja\":")
        out.string(payload.indikatorKinerja)
        out.literal(",\"model_skp\":")
        out.string(payload.peran.model)
        out.literal(",\"pegawai\":")
        person(payload.pegawai, into: &out)
        out.literal(",\"penilai\":")
        if let penilaiJSON { out.raw(penilaiJSON) } else { person(payload.penilai, into: &out) }
        out.literal(",\"peran\":")
        out.string(payload.peran.rawValue)
        out.literal(",\"perilaku_fokus\":[")
        for (i, item) in payload.perilakuFokus.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.string(item)
        }
        // The period's texts (``Periode/description``, ``Periode/start``, ``Periode/end``) written from its numbers:
        // as strings they were three interpolations a line.
        let periode = payload.periode
        out.literal("],\"periode\":{\"kode\":\"")
        out.int(periode.year)
        out.literal("-S")
        out.int(periode.semester)
        out.literal("\",\"mulai\":\"")
        out.int(periode.year)
        out.literal(periode.startAfterYear)
        out.literal("\",\"selesai\":\"")
        out.int(periode.year)
        out.literal(periode.endAfterYear)
        out.literal("\",\"semester\":")
        out.int(periode.semester)
        out.literal(",\"tahun\":")
        out.int(periode.year)
        out.literal("},\"predikat\":")
        out.string(payload.predikat)
        out.literal(",\"schema\":\"padan.skp.v1\"")
        let membersEnd = out.count
        out.literal(",\"sumber\":{\"file\":")
        out.string(payload.source.file)
        out.literal(",\"line\":")
        out.int(payload.source.line)
        out.literal(",\"run_id\":")
        out.string(runId)
        out.byte(UInt8(ascii: "}"))
        let tahapStart = out.count
        out.literal(",\"tahap\":")
        out.string(payload.tahap.rawValue)
        out.byte(UInt8(ascii: "}"))
        return PendingKey(keyAt: keyAt, members: membersStart..<membersEnd, tahap: tahapStart..<out.count)
    }

    /// A person's JSON object, as a payload line holds it.
    package static func personJSON(_ p: PayloadPerson) -> [UInt8] {
        var out = JSONLines(capacity: 320)
        person(p, into: &out)
        return out.finish().withBytes { Array($0) }
    }

    /// A person in canonical key order: jabatan, nama, nip, npsn, peran_penilai (penilai only), pns_id,
    /// unor_id, unor_nama.
    static func person(_ p: PayloadPerson, into out: inout JSONLines) {
        out.literal("{\"jabatan\":")
        out.string(p.jabatan)
        out.literal(",\"nama\":")
        out.string(p.nama)
        out.literal(",\"nip\":")
        out.string(p.writtenNIP)
        out.literal(",\"npsn\":")
        out.string(p.npsn)
        if let role = p.peranPenilai {
            out.literal(",\"peran_penilai\":")
            out.string(role)
        }
        out.literal(",\"pns_id\":")
        out.string(p.pnsID)
        out.literal(",\"unor_id\":")
        out.string(p.unorID)
        out.literal(",\"unor_nama\":")
        out.string(p.unorNama)
        out.byte(UInt8(ascii: "}"))
    }

    /// The same line through ``JSONValue`` (the reference the hand-written encoder is tested against).
    static func referenceEncode(_ payload: SkpPayload, runId: String) -> (key: String, line: String) {
        var body: [(String, JSONValue)] = [
            ("schema", .string("padan.skp.v1")),
            (
                "periode",
                .object([
                    ("kode", .string(payload.periode.description)), ("tahun", .int(payload.periode.year)),
                    ("semester", .int(payload.periode.semester)), ("mulai", .string(payload.periode.start)),
                    ("selesai", .string(payload.periode.end)),
                ])
            ),
            ("pegawai", referencePerson(payload.pegawai)),
            ("penilai", referencePerson(payload.penilai)),
            ("model_skp", .string(payload.peran.model)),
            ("peran", .string(payload.peran.rawValue)),
            ("tahap", .string(payload.tahap.rawValue)),
            ("indikator_kinerja", payload.indikatorKinerja.map(JSONValue.string) ?? .null),
            ("perilaku_fokus", .array(payload.perilakuFokus.map(JSONValue.string))),
            ("predikat", payload.predikat.map(JSONValue.string) ?? .null),
        ]
        let key = SHA256.hash(data: Array(JSONValue.object(body).canonical.utf8)).withUnsafeBytes {
            PayloadKey(digest: $0)
        }.hex
        body.append(("idempotency_key", .string(key)))
        body.append(
            (
                "sumber",
                .object([
                    ("run_id", .string(runId)), ("file", .string(payload.source.file)),
                    ("line", .int(payload.source.line)),
                ])
            ))
        return (key, JSONValue.object(body).canonical)
    }

    static func referencePerson(_ p: PayloadPerson) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("pns_id", .string(p.pnsId)), ("nip", .string(p.nip)), ("nama", .string(p.nama)),
            ("unor_id", .string(p.unorId)), ("unor_nama", p.unorNama.map(JSONValue.string) ?? .null),
            ("jabatan", .string(p.jabatan)), ("npsn", p.npsn.map(JSONValue.string) ?? .null),
        ]
        if let role = p.peranPenilai { members.append(("peran_penilai", .string(role))) }
        return .object(members)
    }
}
