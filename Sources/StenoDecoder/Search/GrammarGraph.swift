/// A finite-state grammar as the grammar search consumes it: states, one start and one final state,
/// and transitions that either emit a word or are empty (null).
///
/// Transition weights are integer log probabilities (base 1.0001, not shifted) with any language
/// weight already applied, as Sphinx's FSG model stores them.
public struct GrammarGraph: Sendable, Equatable {
    public struct Transition: Sendable, Equatable {
        public var from: Int
        public var to: Int
        /// Log probability of taking this transition (base 1.0001, unshifted, weight applied), ≤ 0.
        public var logProbability: Int32
        /// The word emitted, or nil for a null transition.
        public var word: String?

        public init(from: Int, to: Int, logProbability: Int32, word: String?) {
            self.from = from
            self.to = to
            self.logProbability = logProbability
            self.word = word
        }

        /// A transition with probability `probability` and the FSG-file weighting (log · `languageWeight`).
        public init(from: Int, to: Int, probability: Double, languageWeight: Float = 6.5, word: String?) {
            let weighted = Double(SearchScore.log(probability)) * Double(languageWeight)
            self.init(from: from, to: to, logProbability: Int32(clamping: Int(weighted)), word: word)
        }
    }

    public var stateCount: Int
    public var startState: Int
    public var finalState: Int
    public var transitions: [Transition]

    public init(stateCount: Int, startState: Int, finalState: Int, transitions: [Transition]) {
        self.stateCount = stateCount
        self.startState = startState
        self.finalState = finalState
        self.transitions = transitions
    }

    /// The distinct words the grammar can emit, in order of first appearance.
    public var words: [String] {
        var seen = Set<String>(), out = [String]()
        for t in transitions { if let w = t.word, seen.insert(w).inserted { out.append(w) } }
        return out
    }
}
