import Foundation
import StenoCore

/// Decodes utterances against a finite-state grammar: a Viterbi search over one HMM chain per
/// grammar arc (word in its state), with cross-word triphones, optional silence and noise at every
/// state, and alternate pronunciations.
///
/// Sphinx's FSG search is the model (no lookahead, language weight on arc probabilities); the
/// results are not claimed bit-exact with pocketsphinx. Immutable and shareable.
public final class GrammarSearch: Sendable {
    struct Arc: Sendable {
        let from: Int32
        let to: Int32
        /// Shifted, weighted log probability of the arc.
        let score: Int32
        let word: Int32
    }

    let tables: PhoneModelTables
    let lexicon: SearchLexicon
    let parameters: IntegerSearchParameters
    let arcs: [Arc]
    /// Arcs leaving each state.
    let arcsFrom: [[Int32]]
    /// For each state, the states reachable through null transitions with their best score (itself: 0).
    let closure: [[(state: Int32, score: Int32)]]
    let finalState: Int32
    let startState: Int32
    /// Per arc: HMM chain templates [first, internal..., right contexts...].
    let chains: [[SearchHMM]]
    let internalCounts: [Int]
    /// Per arc: the right-context map (phone → rc index), empty for single-phone words.
    let rightContextMaps: [[UInt8]]

    /// Words of the grammar missing from the dictionary.
    public let missingWords: [String]

    /// Builds the search.
    /// - Parameters:
    ///   - grammar: the finite-state grammar.
    ///   - topology: the acoustic model.
    ///   - words, fillers: dictionary entries (spelling, phone names) in dictionary order.
    ///   - parameters: beams and weights; `languageWeight` multiplies arc log probabilities.
    ///   - usesFillers: allow silence and noise words at every state (Sphinx's default).
    public convenience init(grammar: GrammarGraph, topology: any AcousticModelTopology,
                words: [(spelling: String, phones: [String])], fillers: [(spelling: String, phones: [String])],
                parameters: SearchParameters = SearchParameters(), usesFillers: Bool = true) {
        self.init(grammar: grammar, topology: topology,
                  lexicon: SearchLexicon(words: NGramSearch.phoneIDs(words, topology),
                                         fillers: NGramSearch.phoneIDs(fillers, topology),
                                         silencePhone: Int32(topology.silencePhone)),
                  parameters: parameters, usesFillers: usesFillers)
    }

    /// Builds the search from a loaded dictionary (whose phone inventory is the model's).
    public convenience init(grammar: GrammarGraph, topology: any AcousticModelTopology,
                            dictionary: PronunciationDictionary, parameters: SearchParameters = SearchParameters(),
                            usesFillers: Bool = true) {
        precondition(dictionary.phones == PhoneInventory(topology: topology),
                     "the dictionary must be loaded with the acoustic model's phone inventory")
        self.init(grammar: grammar, topology: topology, lexicon: SearchLexicon(dictionary: dictionary),
                  parameters: parameters, usesFillers: usesFillers)
    }

    init(grammar: GrammarGraph, topology: any AcousticModelTopology, lexicon: SearchLexicon,
         parameters: SearchParameters, usesFillers: Bool) {
        let tables = PhoneModelTables(topology: topology)
        self.tables = tables
        self.lexicon = lexicon
        let p = IntegerSearchParameters(parameters)
        self.parameters = p
        // Grammar arcs come unweighted (as pocketsphinx's decoder reads JSGF and FSG files), and so
        // do the silence and noise self-loops added here.
        func arcScore(_ probability: Double) -> Int32 { SearchScore.shiftedLog(probability) }
        // Alternates of each base word.
        var variants = [Int32: [Int32]]()
        for w in 0..<lexicon.count { variants[lexicon.baseWord[w], default: []].append(Int32(w)) }
        var arcs = [Arc](), missing = [String]()
        var nulls = [[(Int32, Int32)]](repeating: [], count: grammar.stateCount)
        for t in grammar.transitions {
            let score = t.logProbability >> 10
            guard let word = t.word else { nulls[t.from].append((Int32(t.to), score)); continue }
            guard let id = lexicon.index[word] else { if !missing.contains(word) { missing.append(word) }; continue }
            for v in variants[lexicon.baseWord[Int(id)]] ?? [id] {
                arcs.append(Arc(from: Int32(t.from), to: Int32(t.to), score: score, word: v))
            }
        }
        if usesFillers {
            for s in 0..<grammar.stateCount {
                for w in lexicon.firstFiller...lexicon.lastFiller where lexicon.isFiller(w) {
                    let probability = w == lexicon.silenceWord ? parameters.silenceProbability : parameters.fillerProbability
                    arcs.append(Arc(from: Int32(s), to: Int32(s), score: arcScore(probability), word: w))
                }
            }
        }
        missingWords = missing
        self.arcs = arcs
        var from = [[Int32]](repeating: [], count: grammar.stateCount)
        for (i, a) in arcs.enumerated() { from[Int(a.from)].append(Int32(i)) }
        arcsFrom = from
        // Null closure by relaxation (grammars are small).
        var closure = [[(state: Int32, score: Int32)]]()
        for s in 0..<grammar.stateCount {
            var best = [Int32: Int32](), order = [Int32]()
            best[Int32(s)] = 0; order.append(Int32(s))
            var queue = [Int32(s)]
            while let u = queue.popLast() {
                for (v, score) in nulls[Int(u)] {
                    let total = best[u]! + score
                    if let old = best[v], old >= total { continue }
                    if best[v] == nil { order.append(v) }
                    best[v] = total
                    queue.append(v)
                }
            }
            closure.append(order.map { ($0, best[$0]!) })
        }
        self.closure = closure
        finalState = Int32(grammar.finalState)
        startState = Int32(grammar.startState)
        var chains = [[SearchHMM]](), internals = [Int](), maps = [[UInt8]]()
        let phoneCount = tables.basePhoneCount
        for a in arcs {
            let w = a.word
            let count = lexicon.phoneCount(w)
            let first = Int(lexicon.firstPhone(w))
            var chain = [SearchHMM(multiplexed: Int(tables.ciSequence[first]),
                                   transitionMatrix: Int(tables.phoneTransitionMatrix[first]))]
            var map = [UInt8]()
            if count > 1 {
                for k in 1..<(count - 1) where count > 2 {
                    chain.append(SearchHMM(plain: Int(SearchModel.internalSequence(lexicon, tables, w, k)),
                                           transitionMatrix: Int(tables.phoneTransitionMatrix[Int(lexicon.phone(w, k))]),
                                           tables: tables))
                }
                let last = Int(lexicon.lastPhone(w)), before = Int(lexicon.phone(w, count - 2))
                var distinct = [Int32]()
                for r in 0..<phoneCount {
                    let s = tables.sequence(base: last, left: before, right: r, position: .end)
                    if let i = distinct.firstIndex(of: s) { map.append(UInt8(i)) } else { map.append(UInt8(distinct.count)); distinct.append(s) }
                }
                for s in distinct {
                    chain.append(SearchHMM(plain: Int(s), transitionMatrix: Int(tables.phoneTransitionMatrix[last]),
                                           tables: tables))
                }
            }
            chains.append(chain)
            internals.append(max(0, count - 2))
            maps.append(map)
        }
        self.chains = chains
        internalCounts = internals
        rightContextMaps = maps
    }

    /// The left-context sequence of a word's first phone after a word ending in `left`.
    func firstSequence(_ w: Int32, left: Int32) -> Int32 {
        let count = lexicon.phoneCount(w)
        let right = count > 1 ? Int(lexicon.phone(w, 1)) : tables.silencePhone
        return tables.sequence(base: Int(lexicon.firstPhone(w)), left: Int(left), right: right,
                               position: count > 1 ? .begin : .single)
    }

    /// Decodes one whole utterance.
    public func decode(features: FeatureMatrix, scorer: any AcousticScorer) -> DecodingResult {
        decode(features: features, session: scorer.makeScoringSession())
    }

    /// Decodes one whole utterance with an existing scoring session.
    public func decode(features: FeatureMatrix, session: any SenoneScoringSession) -> DecodingResult {
        var run = GrammarDecoding(search: self)
        return run.run(features: features, session: session)
    }
}
