extension FiniteStateGrammar {
    /// How pocketsphinx's grammar search extends a grammar before searching it.
    public struct SearchAdditions: Sendable, Equatable {
        /// Add `<sil>` and noise self-loops at every state (`-fsgusefiller`, default true).
        public var usesFillers: Bool
        /// Add every word's alternate pronunciations as parallel transitions (`-fsgusealtpron`, default true).
        public var usesAlternatePronunciations: Bool
        /// Probability of the `<sil>` self-loops (`-silprob`, default 0.005).
        public var silenceProbability: Double
        /// Probability of the noise self-loops (`-fillprob`, default 1e-8).
        public var fillerProbability: Double

        /// pocketsphinx's defaults.
        public init(usesFillers: Bool = true, usesAlternatePronunciations: Bool = true,
                    silenceProbability: Double = 0.005, fillerProbability: Double = 1e-8) {
            self.usesFillers = usesFillers
            self.usesAlternatePronunciations = usesAlternatePronunciations
            self.silenceProbability = silenceProbability
            self.fillerProbability = fillerProbability
        }
    }

    /// The grammar as pocketsphinx's grammar search sees it: silence and noise self-loops at every
    /// state, then alternate pronunciations, added in pocketsphinx's order (so word ids and
    /// transition order match `Decoder(jsgf:).get_fsg()`).
    ///
    /// Noise words are the filler dictionary's words except `<s>`, `</s>` and — a pocketsphinx quirk
    /// kept for exactness — the last filler (its loop stops one short: `[SPEECH]` for the bundled
    /// model); `<sil>` gets the silence probability.
    public func preparedForSearch(dictionary: PronunciationDictionary,
                                  additions: SearchAdditions = SearchAdditions()) -> FiniteStateGrammar {
        var grammar = self
        if additions.usesFillers {
            grammar.addSelfLoops(word: PronunciationDictionary.silence, probability: additions.silenceProbability)
            for id in dictionary.fillerIDs.dropLast()
            where id != dictionary.sentenceStartID && id != dictionary.sentenceEndID {
                grammar.addSelfLoops(word: dictionary.word(id), probability: additions.fillerProbability)
            }
        }
        if additions.usesAlternatePronunciations {
            for index in 0..<grammar.words.count {
                let word = grammar.words[index]
                guard var id = dictionary.wordID(for: word) else { continue }
                while let alternate = dictionary.nextAlternate(after: id) {
                    grammar.addAlternate(of: word, spelledAs: dictionary.word(alternate))
                    id = alternate
                }
            }
        }
        return grammar
    }

    /// Adds a self-loop with `word` at every state (or one state), log-probability
    /// `(int)(log(p) · languageWeight)` (pocketsphinx's `fsg_model_add_silence`).
    public mutating func addSelfLoops(word: String, state: Int? = nil, probability: Double) {
        let id = addWord(word)
        let logProbability = Int32(Float(Self.logProbability(probability)) * languageWeight)
        for source in state.map({ [$0] }) ?? Array(0..<stateCount) {
            addTransition(from: source, to: source, word: id, logProbability: logProbability)
        }
    }

    /// Duplicates every transition of `word` with `alternate` (same states and log-probability), the
    /// copy placed first among its destination's transitions (pocketsphinx's `fsg_model_add_alt`).
    /// - Returns: the number of transitions added (0 when `word` is not in the grammar).
    @discardableResult
    public mutating func addAlternate(of word: String, spelledAs alternate: String) -> Int {
        guard let base = wordID(for: word) else { return 0 }
        let alternateID = addWord(alternate)
        var added = 0
        for state in 0..<stateCount {
            for destination in SphinxHashOrder.stateOrder(wordDestinations[state]) {
                guard var links = wordLinks[state][destination] else { continue }
                var copies: [(word: Int, logProbability: Int32)] = []
                for link in links where link.word == base {
                    copies.append((alternateID, link.logProbability))
                }
                // Each copy is pushed on the front of the list as it is made.
                links.insert(contentsOf: copies.reversed(), at: 0)
                wordLinks[state][destination] = links
                added += copies.count
            }
        }
        return added
    }
}
