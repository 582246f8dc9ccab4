/// A finite-state grammar as the grammar search consumes it: states, one start and one final state,
/// and transitions that either emit a word or are empty (null).
///
/// Transition weights are probabilities; the search turns them into integer log scores multiplied by
/// the language weight, as Sphinx does for FSG files.
public struct GrammarGraph: Sendable, Equatable {
    public struct Transition: Sendable, Equatable {
        public var from: Int
        public var to: Int
        /// Probability of taking this transition from `from` (0 < p ≤ 1).
        public var probability: Double
        /// The word emitted, or nil for a null transition.
        public var word: String?

        public init(from: Int, to: Int, probability: Double, word: String?) {
            self.from = from
            self.to = to
            self.probability = probability
            self.word = word
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
