import Crypto
import PadanCore

/// Encodes an SKP payload as one line of `skp/payloads.jsonl` with its `idempotency_key`.
package enum PayloadEncoder {
    /// The payload's JSON line and its key: lower-case hex SHA-256 of the canonical JSON without
    /// `idempotency_key` and `sumber`, so equal content gives an equal key in every run.
    package static func encode(_ payload: SkpPayload, runId: String) -> (key: String, line: String) {
        var body: [(String, JSONValue)] = [
            ("schema", .string("padan.skp.v1")),
            ("periode", .object([
                ("kode", .string(payload.periode.description)), ("tahun", .int(payload.periode.year)),
                ("semester", .int(payload.periode.semester)), ("mulai", .string(payload.periode.start)),
                ("selesai", .string(payload.periode.end)),
            ])),
            ("pegawai", person(payload.pegawai)),
            ("penilai", person(payload.penilai)),
            ("model_skp", .string(payload.peran.model)),
            ("peran", .string(payload.peran.rawValue)),
            ("tahap", .string(payload.tahap.rawValue)),
            ("indikator_kinerja", payload.indikatorKinerja.map(JSONValue.string) ?? .null),
            ("perilaku_fokus", .array(payload.perilakuFokus.map(JSONValue.string))),
            ("predikat", payload.predikat.map(JSONValue.string) ?? .null),
        ]
        let key = SHA256.hash(data: Array(JSONValue.object(body).canonical.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
        body.append(("idempotency_key", .string(key)))
        body.append(("sumber", .object([
            ("run_id", .string(runId)), ("file", .string(payload.source.file)), ("line", .int(payload.source.line)),
        ])))
        return (key, JSONValue.object(body).canonical)
    }

    static func person(_ p: PayloadPerson) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("pns_id", .string(p.pnsId)), ("nip", .string(p.nip)), ("nama", .string(p.nama)),
            ("unor_id", .string(p.unorId)), ("unor_nama", p.unorNama.map(JSONValue.string) ?? .null),
            ("jabatan", .string(p.jabatan)), ("npsn", p.npsn.map(JSONValue.string) ?? .null),
        ]
        if let role = p.peranPenilai { members.append(("peran_penilai", .string(role))) }
        return .object(members)
    }
}
