import Testing

@testable import PadanCore

/// `PenilaiResolver.key` reads tugas tambahan and jenis PTK as words: upper case, split on spaces and dots;
/// `PenilaiResolver.reads` compares with such words in place.
@Suite("PenilaiResolver.key")
struct PenilaiResolverKeyTests {
    @Test func wordsInUpperCase() {
        #expect(PenilaiResolver.key(" Plt.  kepala sekolah. ") == "PLT KEPALA SEKOLAH")
        #expect(PenilaiResolver.key("Kepala Sekolah") == "KEPALA SEKOLAH")
        #expect(PenilaiResolver.key(". .") == "")
        #expect(PenilaiResolver.key("Kepala Sekolàh") == "KEPALA SEKOLÀH")
    }

    /// ASCII text is read byte by byte; the words are those of splitting and joining the text.
    @Test func asciiKeyIsTheSplitKey() {
        let alphabet = Array("aZk. .\t-_/qP9\u{7F}")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0..<20)).map { _ in alphabet.randomElement()! })
            let split = text.uppercased().split(whereSeparator: { $0 == " " || $0 == "." }).joined(separator: " ")
            #expect(PenilaiResolver.key(text) == split, "\(text.debugDescription)")
        }
    }

    /// Reading words in place agrees with building the key, on examples and on random text.
    @Test(arguments: [
        "Kepala Sekolah", "KEPALA SEKOLAH", " kepala  sekolah ", "Kepala.Sekolah", "Plt. Kepala Sekolah",
        "PLT KEPALA SEKOLAH",
        "plt.kepala.sekolah.", "Wakil Kepala Sekolah", "Kepala Sekolahan", "Kepala", "", " ", "Képala Sekolah",
        "KEPALA SEKOLAH\u{A0}", "Kepala\tSekolah",
    ])
    func readsAsTheKeyReads(_ text: String) {
        #expect(PenilaiResolver.reads(text, as: "KEPALA SEKOLAH") == (PenilaiResolver.key(text) == "KEPALA SEKOLAH"))
        #expect(
            PenilaiResolver.reads(text, as: "PLT KEPALA SEKOLAH") == (PenilaiResolver.key(text) == "PLT KEPALA SEKOLAH")
        )
    }

    @Test func readsAsTheKeyReadsOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("kK .aA")
        for _ in 0..<5000 {
            let text = String(
                (0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(PenilaiResolver.reads(text, as: "K A") == (PenilaiResolver.key(text) == "K A"), "\(text)")
            #expect(PenilaiResolver.reads(text, as: "KA") == (PenilaiResolver.key(text) == "KA"), "\(text)")
        }
    }
}
