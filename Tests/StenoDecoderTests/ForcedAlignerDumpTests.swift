import Foundation
import StenoAcoustic
import StenoCore
import StenoDecoder
import StenoTestSupport
import Testing

/// The aligner on clip 0870, with features from pocketsphinx's own cepstra dump (so this test
/// does not depend on the front end).
@Suite("Forced alignment from pocketsphinx cepstra")
struct ForcedAlignerDumpTests {
    static let model = Result { try AcousticModel(directory: Fixtures.bundledModel.appendingPathComponent("acoustic")) }

    /// The bundled dictionary's pronunciations of `words` (main entry and alternates).
    static func pronunciations(_ words: Set<String>) throws -> [String: [Pronunciation]] {
        let text = try String(contentsOf: Fixtures.bundledModel.appendingPathComponent("cmudict-en-us.dict"), encoding: .utf8)
        var out: [String: [Pronunciation]] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let spelling = fields.first else { continue }
            let base = spelling.firstIndex(of: "(").map { String(spelling[..<$0]) } ?? String(spelling)
            if words.contains(base) {
                out[base, default: []].append(Pronunciation(spelling: String(spelling), phones: fields.dropFirst().map(String.init)))
            }
        }
        return out
    }

    @Test("0870: word boundaries within 2 frames of pocketsphinx", .requiresSharedData)
    func clip0870() throws {
        let model = try Self.model.get()
        let scorer = try TiedMixtureScorer(model: model)
        let features = SphinxDumps.features(fromCepstra: try SphinxDumps.cepstra(
            SharedData.data("sphinx-reference/lv0870/000000000.mfc")))
        let clip = LibrivoxReference.clips[0]
        let text = try LibrivoxReference.transcript(clip)
        let dictionary = try Self.pronunciations(Set(text))
        let words = text.map { AlignmentWord(text: $0, pronunciations: dictionary[$0]!) }
        let alignment = try ForcedAligner(scorer: scorer).align(words, features: features)
        let reference = try LibrivoxReference.alignment(clip)
        let result = LibrivoxReference.agreement(alignment, reference)
        #expect(Double(result.agree) >= 0.95 * Double(result.total), "\(result.worst)")
        #expect(alignment.words.last?.endFrame == features.frameCount - 1)
        // The same pronunciations as pocketsphinx chose.
        let chosen = alignment.words.filter { !$0.isFiller }.map(\.spelling)
        #expect(chosen == reference.w.map(\.t).filter { !$0.hasPrefix("<") })
        #expect(alignment.words.filter { !$0.isFiller }.map(\.transcriptIndex) == Array(0..<text.count).map { Optional($0) })
    }
}
