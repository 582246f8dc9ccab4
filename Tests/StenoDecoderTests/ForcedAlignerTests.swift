import Foundation
import StenoAcoustic
import StenoCore
import StenoDecoder
import StenoTestSupport
import Testing

@Suite("Forced aligner behaviour")
struct ForcedAlignerTests {
    static let model = Result { try AcousticModel(directory: Fixtures.bundledModel.appendingPathComponent("acoustic")) }

    func features() throws -> FeatureMatrix {
        SphinxDumps.features(fromCepstra: try SphinxDumps.cepstra(SharedData.data("sphinx-reference/gf_noise/000000000.mfc")))
    }

    @Test("a phone the model lacks is an error naming it", .requiresSharedData)
    func unknownPhone() throws {
        let scorer = try TiedMixtureScorer(model: try Self.model.get())
        let word = AlignmentWord(text: "go", pronunciations: [Pronunciation(spelling: "go", phones: ["G", "XX"])])
        #expect {
            try ForcedAligner(scorer: scorer).align([word], features: try features())
        } throws: { error in
            (error as? DecoderError)?.reason.contains("\"XX\"") == true
        }
    }

    @Test("more phones than frames cannot be aligned", .requiresSharedData)
    func tooShort() throws {
        let scorer = try TiedMixtureScorer(model: try Self.model.get())
        var few = try features()
        few.values = Array(few.values.prefix(39 * 5))
        let word = AlignmentWord(text: "forward", pronunciations: [Pronunciation(spelling: "forward", phones: ["F", "AO", "R", "W", "ER", "D"])])
        #expect(throws: DecoderError.self) { try ForcedAligner(scorer: scorer).align([word], features: few) }
    }

    @Test("segments tile the utterance; phones tile their words; scores add up", .requiresSharedData)
    func tiling() throws {
        let scorer = try TiedMixtureScorer(model: try Self.model.get())
        let words = [
            AlignmentWord(text: "go", pronunciations: [Pronunciation(spelling: "go", phones: ["G", "OW"])]),
            AlignmentWord(text: "forward", pronunciations: [Pronunciation(spelling: "forward", phones: ["F", "AO", "R", "W", "ER", "D"]),
                                                              Pronunciation(spelling: "forward(2)", phones: ["F", "AO", "R", "W", "AXR", "D"].map { $0 == "AXR" ? "ER" : $0 })]),
            AlignmentWord(text: "ten", pronunciations: [Pronunciation(spelling: "ten", phones: ["T", "EH", "N"])]),
            AlignmentWord(text: "meters", pronunciations: [Pronunciation(spelling: "meters", phones: ["M", "IY", "T", "ER", "Z"])]),
        ]
        let f = try features()
        let alignment = try ForcedAligner(scorer: scorer).align(words, features: f)
        #expect(alignment.words.first?.startFrame == 0)
        #expect(alignment.words.last?.endFrame == f.frameCount - 1)
        for (a, b) in zip(alignment.words, alignment.words.dropFirst()) { #expect(b.startFrame == a.endFrame + 1) }
        for word in alignment.words {
            #expect(word.phones.first?.startFrame == word.startFrame && word.phones.last?.endFrame == word.endFrame)
            #expect(word.phones.reduce(0) { $0 + $1.score } == word.score)
            #expect(word.phones.allSatisfy { $0.endFrame - $0.startFrame + 1 >= 3 }, "3-state HMMs need 3 frames")
        }
        #expect(alignment.words.reduce(0) { $0 + $1.score } == alignment.score)
        #expect(alignment.words.filter { !$0.isFiller }.map(\.transcriptIndex) == [0, 1, 2, 3])
        // The same input gives the same alignment.
        #expect(try ForcedAligner(scorer: scorer).align(words, features: f) == alignment)
        // Without optional silence the words alone must cover every frame.
        var strict = ForcedAlignmentOptions()
        strict.optionalSilence = false
        let tight = try ForcedAligner(scorer: scorer, options: strict).align(words, features: f)
        #expect(tight.words.allSatisfy { !$0.isFiller } && tight.words.count == 4)
        #expect(tight.score <= alignment.score, "removing choices cannot improve the best path")
        // The default beam loses nothing here: the exhaustive search finds the same path.
        var exhaustive = ForcedAlignmentOptions()
        exhaustive.beam = nil
        #expect(try ForcedAligner(scorer: scorer, options: exhaustive).align(words, features: f) == alignment)
    }
}
