/// A finite-state grammar: states, word transitions and null (epsilon) transitions with integer
/// log-probabilities, as pocketsphinx's `fsg_model` holds it.
///
/// Built from a JSGF grammar (``JSGFGrammar/finiteStateGrammar(rule:languageWeight:)``) or read
/// from a Sphinx FSG file (``init(contentsOf:languageWeight:)``). Null transitions are closed
/// transitively (best path), as pocketsphinx does, so the search never has to chain them.
/// Transition order (``transitions(from:)``) is pocketsphinx's arc order: word transitions first,
/// then null transitions, each in pocketsphinx's hash-table order; the search's tie-breaking depends on it.
public struct FiniteStateGrammar: Sendable, Equatable {
    /// One transition.
    public struct Transition: Sendable, Equatable {
        /// Source state.
        public var from: Int
        /// Destination state.
        public var to: Int
        /// Log-probability in log base 1.0001 units, ≤ 0 for null transitions. For FSG files this
        /// already includes the language weight (`(int)(log(p) · lw)`); JSGF weights are not weighted.
        public var logProbability: Int32
        /// Index into ``words``, or nil for a null transition.
        public var word: Int?
    }

    /// The grammar's name (`FSG_BEGIN name`; for JSGF, the rule's full name such as `<goforward.move>`).
    public var name: String
    /// Number of states, ids `0..<stateCount`.
    public let stateCount: Int
    /// The start state.
    public var startState: Int
    /// The final state.
    public var finalState: Int
    /// The language weight the probabilities were scaled with (the writer divides by it again).
    public let languageWeight: Float
    /// Words on transitions, ids in order of first appearance.
    public private(set) var words: [String] = []

    var wordIDs: [String: Int] = [:]
    /// Per state: destinations with word transitions, in insertion order; and their links, newest first.
    var wordDestinations: [[Int32]]
    var wordLinks: [[Int32: [(word: Int, logProbability: Int32)]]]
    /// Per state: destinations with a null transition, in insertion order; and their log-probabilities.
    var nullDestinations: [[Int32]]
    var nullLinks: [[Int32: Int32]]

    /// An empty grammar with `stateCount` states.
    public init(name: String, stateCount: Int, startState: Int, finalState: Int, languageWeight: Float) {
        precondition(stateCount > 0 && (0..<stateCount).contains(startState) && (0..<stateCount).contains(finalState))
        self.name = name
        self.stateCount = stateCount
        self.startState = startState
        self.finalState = finalState
        self.languageWeight = languageWeight
        wordDestinations = Array(repeating: [], count: stateCount)
        wordLinks = Array(repeating: [:], count: stateCount)
        nullDestinations = Array(repeating: [], count: stateCount)
        nullLinks = Array(repeating: [:], count: stateCount)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.name == rhs.name && lhs.stateCount == rhs.stateCount && lhs.startState == rhs.startState
            && lhs.finalState == rhs.finalState && lhs.words == rhs.words
            && (0..<lhs.stateCount).allSatisfy { lhs.transitions(from: $0) == rhs.transitions(from: $0) }
    }

    /// The id of a word, adding it to ``words`` when new.
    @discardableResult
    public mutating func addWord(_ word: String) -> Int {
        if let id = wordIDs[word] { return id }
        let id = words.count
        words.append(word)
        wordIDs[word] = id
        return id
    }

    /// The id of a word on some transition, or nil.
    public func wordID(for word: String) -> Int? { wordIDs[word] }

    /// Adds a word transition; an existing transition with the same states and word keeps the better
    /// log-probability.
    public mutating func addTransition(from: Int, to: Int, word: Int, logProbability: Int32) {
        let key = Int32(to)
        if var links = wordLinks[from][key] {
            if let index = links.firstIndex(where: { $0.word == word }) {
                links[index].logProbability = max(links[index].logProbability, logProbability)
            } else {
                links.insert((word, logProbability), at: 0)
            }
            wordLinks[from][key] = links
        } else {
            wordDestinations[from].append(key)
            wordLinks[from][key] = [(word, logProbability)]
        }
    }

    /// Adds a null transition (self-loops are dropped; a duplicate keeps the better log-probability).
    ///
    /// - Returns: 1 when added, 0 when an existing one improved, −1 when nothing changed (as pocketsphinx).
    @discardableResult
    public mutating func addNullTransition(from: Int, to: Int, logProbability: Int32) -> Int {
        precondition(logProbability <= 0, "null transition probability above 1")
        guard from != to else { return -1 }
        let key = Int32(to)
        if let existing = nullLinks[from][key] {
            guard existing < logProbability else { return -1 }
            nullLinks[from][key] = logProbability
            return 0
        }
        nullDestinations[from].append(key)
        nullLinks[from][key] = logProbability
        return 1
    }

    /// The null transitions leaving a state, in pocketsphinx's order.
    public func nullTransitions(from state: Int) -> [Transition] {
        SphinxHashOrder.stateOrder(nullDestinations[state]).map {
            Transition(from: state, to: Int($0), logProbability: nullLinks[state][$0]!, word: nil)
        }
    }

    /// The word transitions leaving a state, in pocketsphinx's order.
    public func wordTransitions(from state: Int) -> [Transition] {
        SphinxHashOrder.stateOrder(wordDestinations[state]).flatMap { destination in
            wordLinks[state][destination]!.map {
                Transition(from: state, to: Int(destination), logProbability: $0.logProbability, word: $0.word)
            }
        }
    }

    /// All transitions leaving a state: word transitions, then null transitions (pocketsphinx's arc order).
    public func transitions(from state: Int) -> [Transition] {
        wordTransitions(from: state) + nullTransitions(from: state)
    }

    /// Every transition, state by state.
    public var allTransitions: [Transition] { (0..<stateCount).flatMap { transitions(from: $0) } }

    /// Closes null transitions transitively: wherever null transitions lead from `a` to `b` to `c`,
    /// adds (or improves) `a → c` with the summed log-probability, until nothing changes.
    /// The visiting order replicates pocketsphinx's, so new transitions land in the same hash order.
    mutating func closeNullTransitions() {
        var pending: [(from: Int, to: Int)] = []
        for state in 0..<stateCount {
            for destination in SphinxHashOrder.stateOrder(nullDestinations[state]) {
                pending.insert((state, Int(destination)), at: 0)
            }
        }
        var updated = true
        while updated {
            updated = false
            var index = 0
            let passList = pending
            var added: [(from: Int, to: Int)] = []
            while index < passList.count {
                let first = passList[index]
                index += 1
                for second in SphinxHashOrder.stateOrder(nullDestinations[first.to]) {
                    let sum = nullLinks[first.from][Int32(first.to)]! &+ nullLinks[first.to][second]!
                    let result = addNullTransition(from: first.from, to: Int(second), logProbability: sum)
                    if result >= 0 {
                        updated = true
                        if result > 0 { added.append((first.from, Int(second))) }
                    }
                }
            }
            // New links are pushed on the front of pocketsphinx's list, newest first.
            pending = added.reversed() + pending
        }
    }
}
