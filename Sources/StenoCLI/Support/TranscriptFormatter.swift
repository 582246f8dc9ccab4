import Foundation
import Steno

/// Turns hypotheses into the text of each output format.
enum TranscriptFormatter {
    /// JSON object of one transcribed input.
    struct Entry: Encodable, Sendable {
        struct Word: Encodable, Sendable {
            var word: String
            var start: Double
            var end: Double
            var confidence: Double
        }
        var path: String
        var text: String
        var words: [Word]
        var confidence: Double
        var alternatives: [String]?

        init(path: String, hypothesis: Hypothesis) {
            self.path = path
            text = hypothesis.text
            words = hypothesis.words.map {
                Word(word: $0.word, start: rounded($0.startSeconds, 1000), end: rounded($0.endSeconds, 1000),
                     confidence: rounded($0.confidence, 10000))
            }
            confidence = rounded(hypothesis.confidence, 10000)
            alternatives = hypothesis.alternatives.isEmpty ? nil : hypothesis.alternatives
        }
    }

    static func rounded(_ value: Double, _ scale: Double) -> Double { (value * scale).rounded() / scale }

    /// Subtitle cues: at most 7 words or 4 s, broken at pauses over 0.5 s.
    static func cues(_ words: [Hypothesis.Word]) -> [(start: Double, end: Double, text: String)] {
        var cues = [(start: Double, end: Double, text: String)]()
        var current = [Hypothesis.Word]()
        func flush() {
            guard let first = current.first, let last = current.last else { return }
            cues.append((first.startSeconds, last.endSeconds, current.map(\.word).joined(separator: " ")))
            current = []
        }
        for w in words {
            if let first = current.first, let last = current.last,
               current.count >= 7 || w.endSeconds - first.startSeconds > 4 || w.startSeconds - last.endSeconds > 0.5 {
                flush()
            }
            current.append(w)
        }
        flush()
        return cues
    }

    static func timestamp(_ seconds: Double, decimalSeparator: String) -> String {
        let ms = Int((seconds * 1000).rounded())
        return String(format: "%02d:%02d:%02d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60)
            + decimalSeparator + String(format: "%03d", ms % 1000)
    }

    static func srt(_ hypothesis: Hypothesis) -> String {
        cues(hypothesis.words).enumerated().map { i, cue in
            "\(i + 1)\n\(timestamp(cue.start, decimalSeparator: ",")) --> \(timestamp(cue.end, decimalSeparator: ","))\n\(cue.text)\n"
        }.joined(separator: "\n")
    }

    static func vtt(_ hypothesis: Hypothesis) -> String {
        cues(hypothesis.words).map { cue in
            "\(timestamp(cue.start, decimalSeparator: ".")) --> \(timestamp(cue.end, decimalSeparator: "."))\n\(cue.text)\n"
        }.joined(separator: "\n")
    }

    static func ctm(_ hypothesis: Hypothesis, id: String) -> String {
        hypothesis.words.map {
            "\(id) 1 " + String(format: "%.2f %.2f", $0.startSeconds, $0.endSeconds - $0.startSeconds)
                + " \($0.word) " + String(format: "%.4f", $0.confidence)
        }.joined(separator: "\n")
    }
}
