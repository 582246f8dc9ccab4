import Foundation
import StenoDecoder
import Testing

@Suite("Forced alignment output formats")
struct AlignmentExportTests {
    /// <sil> frames 0-9, "and(2)" 10-24 (AE 10-19, N 20-22, D 23-24), at 100 frames/s.
    let alignment = ForcedAlignment(
        words: [
            AlignedWord(spelling: "<sil>", isFiller: true, transcriptIndex: nil, startFrame: 0, endFrame: 9, score: -40,
                        phones: [AlignedPhone(phone: "SIL", startFrame: 0, endFrame: 9, score: -40)]),
            AlignedWord(spelling: "and(2)", isFiller: false, transcriptIndex: 0, startFrame: 10, endFrame: 24, score: -300,
                        phones: [AlignedPhone(phone: "AE", startFrame: 10, endFrame: 19, score: -100),
                                 AlignedPhone(phone: "N", startFrame: 20, endFrame: 22, score: -120),
                                 AlignedPhone(phone: "D", startFrame: 23, endFrame: 24, score: -80)]),
        ],
        score: -340, frameCount: 25, framesPerSecond: 100)

    @Test("text: start, end (exclusive) in seconds, spelling, score")
    func text() {
        #expect(alignment.text() == "0.000 0.100 <sil> -40\n0.100 0.250 and(2) -300")
    }

    @Test("CTM leaves silences out, gives durations, and writes the word without its alternate marker")
    func ctm() {
        #expect(alignment.ctm(utteranceID: "utt1") == "utt1 1 0.100 0.150 and -300")
    }

    @Test("word drops the alternate marker by the dictionary's rule", arguments: [
        ("and(2)", "and"), ("and(12)", "and"), ("and", "and"), ("<sil>", "<sil>"), ("(2)", "(2)"),
        ("(paren)", "(paren)"), ("f(2)x", "f(2)x"), ("[NOISE]", "[NOISE]"), ("a(b)", "a"), ("x()", "x"),
    ])
    func baseWord(spelling: String, word: String) {
        let aligned = AlignedWord(spelling: spelling, isFiller: false, transcriptIndex: 0, startFrame: 0, endFrame: 0,
                                  score: 0, phones: [])
        #expect(aligned.word == word)
    }

    @Test("TextGrid tiers cover the whole utterance without gaps")
    func textGrid() {
        let grid = alignment.textGrid()
        #expect(grid.hasPrefix("File type = \"ooTextFile\"\nObject class = \"TextGrid\""))
        #expect(grid.contains("name = \"words\"") && grid.contains("name = \"phones\""))
        #expect(grid.contains("intervals: size = 2") && grid.contains("intervals: size = 4"))
        let bounds = grid.split(separator: "\n").compactMap { line -> Double? in
            let t = line.trimmingCharacters(in: CharacterSet.whitespaces)
            guard t.hasPrefix("xmin = ") || t.hasPrefix("xmax = ") else { return nil }
            return Double(t.dropFirst(7))
        }
        // Header xmin/xmax, per tier xmin/xmax, then interval bounds that chain end to start.
        #expect(bounds == [0, 0.25, 0, 0.25, 0, 0.1, 0.1, 0.25, 0, 0.25, 0, 0.1, 0.1, 0.2, 0.2, 0.23, 0.23, 0.25])
        #expect(grid.contains("text = \"D\""))
        #expect(grid.contains("text = \"and\"") && !grid.contains("and(2)"))
        #expect(alignment.scorePerFrame == -340.0 / 25.0)
    }
}
