import Foundation
import StenoAcoustic
import StenoCore
import StenoDecoder
import StenoFeatures

/// Forced alignment end to end: audio → features → senone scores → word and phone segments.
///
/// Loads the acoustic model, its feature configuration and the pronunciation dictionary once;
/// immutable and shareable, so many utterances can be aligned concurrently.
///
/// ```swift
/// let aligner = try SpeechAligner(modelDirectory: URL(fileURLWithPath: "Models/en-us"))
/// let alignment = try aligner.align(audio, transcript: "go forward ten meters")
/// for word in alignment.words { print(word.spelling, word.startFrame, word.endFrame) }
/// ```
public struct SpeechAligner: Sendable {
    /// The acoustic model.
    public let model: AcousticModel
    /// The pronunciation dictionary (main and filler entries).
    public let dictionary: PronunciationDictionary
    /// Audio → features, as the model's `feat.params` says.
    public let features: FeaturePipeline
    /// The aligner over the model's scorer.
    public let aligner: ForcedAligner

    /// The sample rate the model's features expect (audio must be resampled to it).
    public var sampleRate: SampleRate { features.options.sampleRate }

    /// Loads a model folder laid out like `Models/en-us`: `acoustic/` (with `noisedict`) and
    /// `cmudict-en-us.dict`, or the dictionary given.
    ///
    /// `options` defaults to pocketsphinx's aligner behaviour: optional silence between words, no
    /// other fillers; set `includeFillers` to also allow the model's noise words there.
    public init(modelDirectory: URL, dictionary dictionaryURL: URL? = nil, options: ForcedAlignmentOptions = ForcedAlignmentOptions(),
                includeFillers: Bool = false) throws {
        let acoustic = modelDirectory.appendingPathComponent("acoustic")
        let model = try AcousticModel(directory: acoustic)
        let noise = acoustic.appendingPathComponent("noisedict")
        let dictionary = try PronunciationDictionary(
            contentsOf: dictionaryURL ?? modelDirectory.appendingPathComponent("cmudict-en-us.dict"),
            fillers: FileManager.default.fileExists(atPath: noise.path) ? noise : nil,
            phones: PhoneInventory(topology: model))
        var options = options
        if includeFillers {
            options.fillers = model.fillerWords
                .filter { !$0.phones.contains(model.phoneName(model.silencePhone)) }
                .map { Pronunciation(spelling: $0.word, phones: $0.phones) }
        }
        self.model = model
        self.dictionary = dictionary
        self.features = try FeaturePipeline(modelDirectory: acoustic)
        self.aligner = ForcedAligner(scorer: try TiedMixtureScorer(model: model), options: options)
    }

    /// The words of a transcript with their pronunciations, in order.
    ///
    /// Words are split on whitespace and looked up as written, then lower-cased.
    /// - Throws: `DecoderError` (`.unknownWord`) naming every word the dictionary lacks.
    public func words(of transcript: String) throws -> [AlignmentWord] {
        let tokens = transcript.split(whereSeparator: \.isWhitespace).map(String.init)
        var missing: [String] = []
        var words: [AlignmentWord] = []
        for token in tokens {
            let spelling = dictionary.contains(token) ? token : token.lowercased()
            let ids = dictionary.pronunciationIDs(of: spelling)
            guard !ids.isEmpty else {
                if !missing.contains(token) { missing.append(token) }
                continue
            }
            words.append(AlignmentWord(text: token, pronunciations: ids.map {
                Pronunciation(spelling: dictionary.word($0), phones: dictionary.phoneNames(of: $0))
            }))
        }
        guard missing.isEmpty else {
            throw DecoderError(.unknownWord, path: nil,
                               reason: "words not in the dictionary: " + missing.joined(separator: " "))
        }
        return words
    }

    /// Aligns `transcript` to `audio` (which must be at ``sampleRate``).
    public func align(_ audio: AudioBuffer, transcript: String) throws -> ForcedAlignment {
        let words = try words(of: transcript)
        return try aligner.align(words, features: try features.features(from: audio))
    }

    /// Aligns `transcript` to precomputed features.
    public func align(features: FeatureMatrix, transcript: String) throws -> ForcedAlignment {
        try aligner.align(try words(of: transcript), features: features)
    }
}
