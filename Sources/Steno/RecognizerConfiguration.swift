import Foundation
import StenoDecoder

/// What a recognizer decodes with. Every file is optional; the defaults are the bundled model's.
public struct RecognizerConfiguration: Sendable {
    /// The model directory (holding `acoustic/`, `cmudict-en-us.dict`, `en-us.lm.bin`); nil: see ``ModelLocator``.
    public var modelDirectory: URL?
    /// A pronunciation dictionary replacing the model's.
    public var dictionary: URL?
    /// An n-gram language model (Sphinx `lm.bin` or ARPA text) replacing the model's.
    public var languageModel: URL?
    /// A grammar (JSGF `.gram` or Sphinx `.fsg`) to decode with instead of the language model.
    public var grammar: URL?
    /// Beams and weights (default: pocketsphinx's).
    public var searchParameters = SearchParameters()
    /// Alternative hypotheses to add to each result (0: none). Default 0.
    public var alternativeCount = 0
    /// Audio longer than this is split on silence into segments decoded one by one. Default 30 s.
    public var maximumSegmentSeconds: Double = 30

    /// A configuration; nil paths fall back to the model `ModelLocator` finds and its dictionary and language model
    /// (see each property); the other settings keep their documented defaults.
    public init(modelDirectory: URL? = nil, dictionary: URL? = nil, languageModel: URL? = nil, grammar: URL? = nil) {
        self.modelDirectory = modelDirectory
        self.dictionary = dictionary
        self.languageModel = languageModel
        self.grammar = grammar
    }
}
