import Testing

@testable import PadanCore

/// `PenilaiResolver.key` reads tugas tambahan and jenis PTK as words: upper case, split on spaces and dots.
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
}
