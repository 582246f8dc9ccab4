import StenoCore
import Synchronization

/// Decodes utterances against an n-gram language model with Sphinx's default passes: phone-loop
/// lookahead, lexicon-tree Viterbi, flat-lexicon re-search and lattice best path.
///
/// Immutable and shareable: build it once per model (it holds the lexicon tree), then call
/// ``decode(features:scorer:)`` from any number of threads; each call has its own state.
public final class NGramSearch: Sendable {
    let model: SearchModel
    /// Language-score caches of finished decodings, lent to the next ones: the scores are a pure
    /// function of the model, so a warm cache changes no result, and short utterances (most of
    /// their language scores asked for the first time) no longer start cold. One decoding holds a
    /// cache at a time.
    private let languageCaches = Mutex<[LanguageScorer]>([])
    /// Caches grown beyond this many slots (their capacity, about twice their entries) are dropped
    /// rather than kept (memory bound).
    static let largestKeptCache = 1 << 21

    /// Builds the search graph.
    /// - Parameters:
    ///   - topology: the acoustic model's phones and HMMs.
    ///   - words: main-dictionary entries in dictionary order (spelling, phone names).
    ///   - fillers: filler-dictionary entries in order (`<s>`, `</s>`, `<sil>`, noises).
    ///   - languageModel: the n-gram model; only words it knows are searched.
    ///   - parameters: beams and weights (default: pocketsphinx's).
    public init(topology: any AcousticModelTopology, words: [(spelling: String, phones: [String])],
                fillers: [(spelling: String, phones: [String])], languageModel: any NGramScoring,
                parameters: SearchParameters = SearchParameters()) {
        let tables = PhoneModelTables(topology: topology)
        let lexicon = SearchLexicon(words: Self.phoneIDs(words, topology), fillers: Self.phoneIDs(fillers, topology),
                                    silencePhone: Int32(topology.silencePhone))
        model = SearchModel(tables: tables, lexicon: lexicon, languageModel: languageModel, parameters: parameters)
    }

    /// Builds the search graph from a loaded dictionary (whose phone inventory is the model's).
    public init(topology: any AcousticModelTopology, dictionary: PronunciationDictionary,
                languageModel: any NGramScoring, parameters: SearchParameters = SearchParameters()) {
        precondition(dictionary.phones == PhoneInventory(topology: topology),
                     "the dictionary must be loaded with the acoustic model's phone inventory")
        model = SearchModel(tables: PhoneModelTables(topology: topology), lexicon: SearchLexicon(dictionary: dictionary),
                            languageModel: languageModel, parameters: parameters)
    }

    /// Entries whose phones the model knows, as base-phone ids (Sphinx skips the others).
    static func phoneIDs(_ entries: [(spelling: String, phones: [String])], _ topology: any AcousticModelTopology)
        -> [(spelling: String, phones: [Int32])] {
        entries.compactMap { entry in
            var ids = [Int32]()
            ids.reserveCapacity(entry.phones.count)
            for name in entry.phones {
                guard let id = topology.basePhone(named: name) else { return nil }
                ids.append(Int32(id))
            }
            return (entry.spelling, ids)
        }
    }

    /// Dictionary words the language model does not know (they cannot be recognised).
    public var wordsMissingFromLanguageModel: [String] {
        let lexicon = model.lexicon
        return (0..<Int(lexicon.firstFiller)).compactMap { w in
            lexicon.baseWord[w] == Int32(w) && model.modelID[w] < 0 ? lexicon.spellings[w] : nil
        }
    }

    /// Number of words in the search lexicon.
    public var wordCount: Int { model.lexicon.count }

    /// Decodes one whole utterance.
    /// - Parameters:
    ///   - features: the utterance's feature frames.
    ///   - scorer: the acoustic model; a fresh scoring session is used.
    ///   - alternatives: how many n-best hypotheses to add (0: none).
    public func decode(features: FeatureMatrix, scorer: any AcousticScorer, alternatives: Int = 0) -> DecodingResult {
        let session = scorer.makeScoringSession()
        return decode(features: features, session: session, alternatives: alternatives)
    }

    /// Decodes one whole utterance with an existing scoring session.
    public func decode(features: FeatureMatrix, session: any SenoneScoringSession, alternatives: Int = 0)
        -> DecodingResult {
        let cached = languageCaches.withLock { $0.popLast() }
        let language = cached ?? LanguageScorer(model: model.languageModel, modelID: model.modelID,
                                                weight: model.parameters.languageWeight,
                                                logWordInsertion: model.parameters.logWordInsertion)
        var run = NGramDecoding(model: model, features: features, session: session, language: language)
        let result = run.run(alternatives: alternatives)
        let used = run.language
        if used.capacity <= Self.largestKeptCache {
            languageCaches.withLock { $0.append(used) }
        }
        return result
    }
}
