/// What the generator knows about its plants beyond the rows themselves: notes, cases that must
/// not be flagged, escaping and encoding cases. The truth builder reads them.
struct Annotations: Sendable {
    /// A note per truth subject (`ptk:…`, `asn:…`, `npsn:…`, `unor:…`), optionally per code.
    var notes: [String: String] = [:]
    /// Findings that must not appear, with why.
    var negatives: [NegativeCase] = []
    /// Notes on SKP rows, keyed by `nip|periode|peran` in canonical form.
    var skpNotes: [String: String] = [:]
    var csvInjection: [PlantedName] = []
    var htmlInjection: [PlantedName] = []
    var encoding: [PlantedName] = []
    /// For an unmapped school: units that must not be its suggestion.
    var suggestionNoneOf: [String: [String]] = [:]
    /// How many times each scenario was planted (also without a truth).
    var planted: [String: Int] = [:]

    /// Notes `subject` (optionally only for `code`).
    mutating func note(_ subject: String, _ text: String, code: String? = nil) {
        notes[(code ?? "*") + "|" + subject] = text
    }

    /// Counts one planting of `scenario`.
    mutating func count(_ scenario: String) { planted[scenario, default: 0] += 1 }

    /// The note for a truth entry.
    func note(for subject: String, code: String) -> String {
        notes[code + "|" + subject] ?? notes["*|" + subject] ?? ""
    }
}

/// A finding that must not be reported for a subject.
struct NegativeCase: Sendable {
    var code: String
    /// `(field, value)` keys as the truth writes them.
    var keys: [[String]]
    var why: String
    /// Kept however many cases of the same kind there are (explicit plants); variants are capped.
    var always = false
}

/// A person whose name tests escaping or decoding.
struct PlantedName: Sendable {
    var ptkID: String
    var nip: String
    var nama: String
    /// For HTML injection: the markup inside the name.
    var markup: String = ""
}
