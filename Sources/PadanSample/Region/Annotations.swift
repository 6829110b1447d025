/// What the generator knows about its plants beyond the rows themselves: notes, cases that must
/// not be flagged, escaping and encoding cases. The truth builder reads them.
package struct Annotations: Sendable {
    /// A note per truth subject (`ptk:…`, `asn:…`, `npsn:…`, `unor:…`), optionally per code.
    package var notes: [String: String] = [:]
    /// Findings that must not appear, with why.
    package var negatives: [NegativeCase] = []
    /// Notes on SKP rows, keyed by `nip|periode|peran` in canonical form.
    package var skpNotes: [String: String] = [:]
    package var csvInjection: [PlantedName] = []
    package var htmlInjection: [PlantedName] = []
    package var encoding: [PlantedName] = []
    /// For an unmapped school: units that must not be its suggestion.
    package var suggestionNoneOf: [String: [String]] = [:]
    /// How many times each scenario was planted (also without a truth).
    package var planted: [String: Int] = [:]

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
package struct NegativeCase: Sendable {
    package var code: String
    /// `(field, value)` keys as the truth writes them.
    package var keys: [[String]]
    package var why: String
    /// Kept however many cases of the same kind there are (explicit plants); variants are capped.
    package var always = false
}

/// A person whose name tests escaping or decoding.
package struct PlantedName: Sendable {
    package var ptkID: String
    package var nip: String
    package var nama: String
    /// For HTML injection: the markup inside the name.
    package var markup: String = ""
}
