import Foundation
import StenoAcoustic
import StenoAudio
import StenoCore
import StenoDecoder
import StenoFeatures

/// A speech recognizer: the acoustic model, dictionary and language model (or grammar), loaded once,
/// immutable and shared by any number of concurrent sessions.
///
/// ```swift
/// let recognizer = try Recognizer()                        // the bundled en-us model
/// let hypothesis = try recognizer.transcribe(audio)        // any rate; long audio split on silence
/// print(hypothesis.text, hypothesis.confidence)
/// ```
public final class Recognizer: Sendable {
    /// How utterances are searched.
    enum Search: Sendable {
        case languageModel(NGramSearch)
        case grammar(GrammarSearch)
    }

    /// The model directory in use.
    public let modelDirectory: URL
    /// The configuration it was built with.
    public let configuration: RecognizerConfiguration
    /// The rate audio is decoded at (16 kHz for the bundled model).
    public let sampleRate: SampleRate
    /// Non-fatal findings while loading (dictionary lines skipped, LM words without pronunciation).
    public let warnings: [String]
    let scorer: TiedMixtureScorer
    let features: FeaturePipeline
    let search: Search

    /// Loads a model; see ``RecognizerConfiguration`` for what can be replaced.
    /// - Throws: the loaders' errors naming the file; ``RecognizerError`` for a missing model or a
    ///   grammar with words the dictionary lacks.
    public init(configuration: RecognizerConfiguration = RecognizerConfiguration()) throws {
        self.configuration = configuration
        let directory = try ModelLocator.locate(explicit: configuration.modelDirectory)
        modelDirectory = directory
        let acousticDirectory = Self.acousticDirectory(directory)
        let acoustic = try AcousticModel(directory: acousticDirectory)
        scorer = try TiedMixtureScorer(model: acoustic)
        features = try FeaturePipeline(modelDirectory: acousticDirectory)
        sampleRate = features.options.sampleRate
        let dictionaryURL = configuration.dictionary ?? directory.appendingPathComponent("cmudict-en-us.dict")
        let noise = acousticDirectory.appendingPathComponent("noisedict")
        let dictionary = try PronunciationDictionary(
            contentsOf: dictionaryURL,
            fillers: FileManager.default.fileExists(atPath: noise.path) ? noise : nil,
            phones: PhoneInventory(topology: acoustic))
        var warnings = dictionary.skippedLines.map(\.description)
        if let grammarURL = configuration.grammar {
            let graph = try Self.loadGrammar(grammarURL, languageWeight: configuration.searchParameters.languageWeight)
            let grammar = GrammarSearch(grammar: graph, topology: acoustic, dictionary: dictionary,
                                        parameters: configuration.searchParameters)
            guard grammar.missingWords.isEmpty else {
                throw RecognizerError(.unknownWords, path: grammarURL.path,
                                      reason: "words not in the dictionary: " + grammar.missingWords.joined(separator: " "))
            }
            search = .grammar(grammar)
        } else {
            let lmURL = configuration.languageModel ?? directory.appendingPathComponent("en-us.lm.bin")
            let model = try NGramLanguageModel(contentsOf: lmURL)
            let missing = model.wordsMissing(from: dictionary).filter { !$0.hasPrefix("<") }
            if !missing.isEmpty {
                warnings.append("\(lmURL.path): \(missing.count) language-model words have no pronunciation "
                                + "(first: \(missing.prefix(5).joined(separator: " ")))")
            }
            search = .languageModel(NGramSearch(topology: acoustic, dictionary: dictionary, languageModel: model,
                                                parameters: configuration.searchParameters))
        }
        self.warnings = warnings
    }

    static func loadGrammar(_ url: URL, languageWeight: Float) throws -> GrammarGraph {
        // JSGF or Sphinx FSG; pocketsphinx's decoder uses both with unweighted log-probabilities.
        try GrammarGraph(contentsOf: url)
    }

    /// `acoustic/` inside a bundle folder, or the folder itself when it is an acoustic model.
    static func acousticDirectory(_ directory: URL) -> URL {
        let inner = directory.appendingPathComponent("acoustic")
        return FileManager.default.fileExists(atPath: inner.appendingPathComponent("mdef").path) ? inner : directory
    }

    /// A session for one utterance fed in chunks.
    public func makeSession() -> Session { Session(recognizer: self) }

    /// Transcribes a whole recording: resampled to ``sampleRate`` if needed, split on silence when longer
    /// than the configuration's maximum segment length, each segment decoded on its own.
    public func transcribe(_ audio: AudioBuffer) throws -> Hypothesis {
        let samples = try resampled(audio)
        return try transcribe(samples: samples)
    }

    /// Transcribes samples already at ``sampleRate``.
    public func transcribe(samples: [Float]) throws -> Hypothesis {
        let maximum = Int(configuration.maximumSegmentSeconds * Double(sampleRate.hertz))
        let segments = SilenceSplitter(sampleRate: sampleRate).segments(samples, maximumLength: maximum)
        var words = [Hypothesis.Word](), scores = [Int32](), alternatives = [String]()
        for range in segments {
            let part = try decode(samples: Array(samples[range]))
            let offset = Double(range.lowerBound) / Double(sampleRate.hertz)
            words += part.words.map {
                Hypothesis.Word(word: $0.word, startSeconds: $0.startSeconds + offset, endSeconds: $0.endSeconds + offset,
                                confidence: $0.confidence)
            }
            scores += part.pathScores
            alternatives += part.alternatives
        }
        return Hypothesis(words: words, pathScores: scores, alternatives: alternatives,
                          durationSeconds: Double(samples.count) / Double(sampleRate.hertz))
    }

    /// Decodes one utterance as a whole (no splitting), as pocketsphinx does for one `process_raw` call.
    public func decode(samples: [Float]) throws -> Hypothesis {
        let duration = Double(samples.count) / Double(sampleRate.hertz)
        guard !samples.isEmpty else { return Hypothesis(words: [], pathScores: [], durationSeconds: 0) }
        let matrix = try features.features(from: AudioBuffer(samples: samples, sampleRate: sampleRate))
        guard matrix.frameCount > 0 else { return Hypothesis(words: [], pathScores: [], durationSeconds: duration) }
        let result: DecodingResult
        switch search {
        case .languageModel(let s):
            result = s.decode(features: matrix, scorer: scorer, alternatives: configuration.alternativeCount)
        case .grammar(let g):
            result = g.decode(features: matrix, scorer: scorer)
        }
        let frameSeconds = 1 / matrix.framesPerSecond
        let words = result.words.map {
            Hypothesis.Word(word: $0.word, startSeconds: Double($0.startFrame) * frameSeconds,
                            endSeconds: Double($0.endFrame + 1) * frameSeconds, confidence: $0.confidence)
        }
        return Hypothesis(words: words, pathScores: result.segments.isEmpty ? [] : [result.pathScore],
                          alternatives: result.alternatives.map(\.text), durationSeconds: duration)
    }

    /// The samples of `audio` at ``sampleRate``.
    func resampled(_ audio: AudioBuffer) throws -> [Float] {
        guard audio.sampleRate != sampleRate else { return audio.samples }
        let resampler = try Resampler(from: audio.sampleRate, to: sampleRate)
        var out = [Float]()
        out.reserveCapacity(resampler.expectedOutputCount(forInputCount: audio.samples.count))
        try resampler.process(audio.samples, into: &out)
        try resampler.finish(into: &out)
        return out
    }
}
