import Foundation
import Testing
import StenoDecoder
import StenoTestSupport

/// Done-when 1 of issue 7: hypotheses and integer path scores equal pocketsphinx 5.1.1's
/// (fresh decoder per file, default passes; SPHINX_NOTES.md §13.1).
struct PocketsphinxExactnessTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let hypothesis: String
        let score: Int32
        var testDescription: String { file }
    }

    /// pocketsphinx 5.1.1's results, from SPHINX_NOTES.md §13.1 (`backtrace_fresh.txt`).
    static let cases: [Case] = [
        Case(file: "goforward.raw", hypothesis: "go forward ten meters", score: -7226),
        Case(file: "librivox/sense_and_sensibility_01_austen_64kb-0870.wav",
             hypothesis: "and mr john guess would have been at leisure to consider how much there might be prickly in his power to do for",
             score: -30531),
        Case(file: "librivox/sense_and_sensibility_01_austen_64kb-0880.wav",
             hypothesis: "he was not until this blows young man", score: -11457),
        Case(file: "librivox/sense_and_sensibility_01_austen_64kb-0890.wav",
             hypothesis: "homeless to be rather cold hearted and rather selfish is to the oldest those", score: -22516),
        Case(file: "librivox/sense_and_sensibility_01_austen_64kb-0920.wav",
             hypothesis: "had he married a more amiable woman he might have been made still more respectable many watts",
             score: -23638),
        Case(file: "librivox/sense_and_sensibility_01_austen_64kb-0930.wav",
             hypothesis: "he might even have been made the amiable himself", score: -13809),
    ]

    @Test(.requiresSharedData, arguments: cases)
    func matchesPocketsphinx(_ c: Case) throws {
        let result = try DecoderTestModel.shared.decode(SharedData.data("pocketsphinx/\(c.file)"))
        #expect(result.text == c.hypothesis)
        #expect(result.pathScore == c.score)
    }

    @Test(.requiresSharedData)
    func segmentationOf0880MatchesPocketsphinx() throws {
        let result = try DecoderTestModel.shared.decode(
            SharedData.data("pocketsphinx/librivox/sense_and_sensibility_01_austen_64kb-0880.wav"))
        let expected: [(String, Int, Int)] = [
            ("<s>", 0, 20), ("he", 21, 32), ("was(2)", 33, 54), ("not", 55, 105), ("<sil>", 106, 112),
            ("until", 113, 147), ("this", 148, 166), ("blows", 167, 204), ("young", 205, 232), ("man", 233, 273),
            ("</s>", 274, 297),
        ]
        #expect(result.segments.map(\.entry) == expected.map(\.0))
        #expect(result.segments.map(\.startFrame) == expected.map(\.1))
        #expect(result.segments.map(\.endFrame) == expected.map(\.2))
        for word in result.segments { #expect((0...1).contains(word.confidence)) }
    }
}

struct AlternativesTests {
    @Test(.requiresSharedData)
    func nBestListsDistinctTranscriptsBestFirst() throws {
        let model = DecoderTestModel.shared
        let audio = try DecoderTestModel.pcm16(
            SharedData.data("pocketsphinx/librivox/sense_and_sensibility_01_austen_64kb-0880.wav"))
        let result = model.search.decode(features: try model.features.features(from: audio), scorer: model.scorer,
                                         alternatives: 5)
        #expect(result.alternatives.count == 5)
        #expect(Set(result.alternatives.map(\.text)).count == 5)
        #expect(result.alternatives.first?.text == result.text && result.alternatives.first?.score == result.pathScore)
        // The others come from the lattice, best first by their (bigram) lattice scores.
        let scores = result.alternatives.dropFirst().map(\.score)
        #expect(scores == scores.sorted(by: >))
        for a in result.alternatives { #expect(a.text.split(separator: " ").count >= 5) }
    }
}

/// `NGramSearch` lends the language-score cache of a finished decoding to the next one. The cached
/// scores are a pure function of the model, so a warm cache must change nothing: each clip decoded
/// by a search that has already decoded the others (in both orders) equals a cold search's result.
struct LanguageCacheReuseTests {
    @Test(.requiresSharedData)
    func warmCachesChangeNoResult() throws {
        let model = DecoderTestModel.shared
        let matrices = try PocketsphinxExactnessTests.cases.map { c in
            try model.features.features(from: DecoderTestModel.pcm16(SharedData.data("pocketsphinx/\(c.file)")))
        }
        func summary(_ r: DecodingResult) -> String {
            "\(r.text) \(r.pathScore) " + r.segments.map { "\($0.entry):\($0.startFrame)-\($0.endFrame)" }.joined(separator: ",")
        }
        let cold = matrices.map { matrix in
            let search = NGramSearch(topology: model.scorer.topology, dictionary: model.dictionary,
                                     languageModel: model.languageModel)
            return summary(search.decode(features: matrix, scorer: model.scorer))
        }
        let warm = NGramSearch(topology: model.scorer.topology, dictionary: model.dictionary,
                               languageModel: model.languageModel)
        let forward = matrices.map { summary(warm.decode(features: $0, scorer: model.scorer)) }
        let backward = matrices.reversed().map { summary(warm.decode(features: $0, scorer: model.scorer)) }
        #expect(forward == cold)
        #expect(Array(backward.reversed()) == cold)
        #expect(cold[0].hasPrefix("go forward ten meters -7226 "), "the cold decode itself matches pocketsphinx")
    }
}
