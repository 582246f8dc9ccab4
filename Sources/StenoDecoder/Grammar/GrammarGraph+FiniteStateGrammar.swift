import Foundation

extension GrammarGraph {
    /// The grammar search's view of a finite-state grammar: same states, transitions in
    /// pocketsphinx's arc order, log-probabilities as stored (for pocketsphinx's decoder these are
    /// unweighted for both JSGF grammars and FSG files read with the default `languageWeight` 1).
    ///
    /// Pass the grammar *without* ``FiniteStateGrammar/preparedForSearch(dictionary:additions:)``
    /// when the search adds silence, noise and alternate pronunciations itself.
    public init(_ grammar: FiniteStateGrammar) {
        self.init(
            stateCount: grammar.stateCount, startState: grammar.startState, finalState: grammar.finalState,
            transitions: grammar.allTransitions.map {
                Transition(from: $0.from, to: $0.to, logProbability: $0.logProbability, word: $0.word.map { grammar.words[$0] })
            })
    }

    /// Loads a grammar file for the search: JSGF (`.gram`, `.jsgf`; its default public rule unless
    /// `rule` is given) or a Sphinx FSG file (anything else), as pocketsphinx's decoder would.
    ///
    /// - Throws: ``DecoderError`` naming the file and line.
    public init(contentsOf url: URL, rule: String? = nil) throws {
        switch url.pathExtension.lowercased() {
        case "gram", "jsgf":
            self.init(try JSGFGrammar(contentsOf: url).finiteStateGrammar(rule: rule))
        default:
            self.init(try FiniteStateGrammar(contentsOf: url))
        }
    }
}
