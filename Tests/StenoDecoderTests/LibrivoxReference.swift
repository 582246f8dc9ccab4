import Foundation
import StenoDecoder
import StenoTestSupport

/// pocketsphinx's own alignments of the librivox clips (`librivox/*.json`: word begin `b` and
/// duration `d` in seconds, spelling `t`).
enum LibrivoxReference {
    struct Word: Decodable {
        let b: Double
        let d: Double
        let t: String
    }

    struct Utterance: Decodable {
        let t: String
        let w: [Word]
    }

    static let clips = ["0870", "0880", "0890", "0920", "0930"].map { "sense_and_sensibility_01_austen_64kb-\($0)" }

    static func alignment(_ clip: String) throws -> Utterance {
        let url = SharedData.data("pocketsphinx/librivox/\(clip).json")
        return try JSONDecoder().decode(Utterance.self, from: Data(contentsOf: url))
    }

    static func transcript(_ clip: String) throws -> [String] {
        try String(contentsOf: SharedData.data("pocketsphinx/librivox/\(clip).txt"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Counts transcript words whose start and end frames are both within `tolerance` frames.
    static func agreement(_ ours: ForcedAlignment, _ reference: Utterance, tolerance: Int = 2) -> (agree: Int, total: Int, worst: [String]) {
        let theirs = reference.w.filter { !$0.t.hasPrefix("<") && !$0.t.hasPrefix("[") }
        let mine = ours.words.filter { !$0.isFiller }
        var agree = 0
        var worst: [String] = []
        for (a, b) in zip(mine, theirs) {
            let start = Int((b.b * 100).rounded()), end = Int(((b.b + b.d) * 100).rounded()) - 1
            if abs(a.startFrame - start) <= tolerance && abs(a.endFrame - end) <= tolerance {
                agree += 1
            } else {
                worst.append("\(a.spelling) \(a.startFrame)-\(a.endFrame) vs \(b.t) \(start)-\(end)")
            }
        }
        return (agree, max(theirs.count, mine.count), worst)
    }
}
