import Foundation

extension JSGFGrammar {
    /// Largest grammar the conversion builds before giving up (guards against exponential expansion).
    public static let maximumStates = 1_000_000

    /// Converts a rule to a finite-state grammar exactly as pocketsphinx's `jsgf_build_fsg` does.
    ///
    /// Each expanded rule gets an entry and an exit state; each word a transition to a new state; a
    /// rule reference expands the rule again (a fresh copy) and links into it with a null transition
    /// carrying the atom's weight; alternatives' first-atom weights are normalised in f32 each time a
    /// rule is expanded; `<NULL>` is a null transition; `<VOID>` stops the expansion (as in
    /// pocketsphinx, what was built so far is kept); right recursion links back to the rule's entry.
    /// Log-probabilities are `(int)(ln(weight) / ln(1.0001))`, not multiplied by the language weight;
    /// null transitions are then closed transitively.
    ///
    /// - Parameters:
    ///   - rule: the rule's name, bare (`move`) or qualified (`goforward.move`, `<goforward.move>`);
    ///     nil for ``defaultRuleName``.
    ///   - languageWeight: stored in the grammar (pocketsphinx's `-lw`, default 6.5); only the FSG
    ///     writer uses it for JSGF grammars.
    /// - Throws: ``DecoderError``: no public rule, unknown rule, a reference to an undefined rule,
    ///   recursion that is not right recursion, or a grammar too large.
    public func finiteStateGrammar(rule: String? = nil, languageWeight: Float = 6.5) throws -> FiniteStateGrammar {
        let top: Int
        if let rule {
            var name = rule.hasPrefix("<") ? rule : "<\(rule)>"
            if !name.dropFirst().contains(".") { name = "<\(self.name).\(name.dropFirst())" }
            guard let index = ruleIndex[name] else {
                throw DecoderError(.inconsistent, path: path, reason: "no rule \(name) in the grammar")
            }
            top = index
        } else {
            guard let name = defaultRuleName else {
                throw DecoderError(.inconsistent, path: path, reason: "the grammar has no public rule")
            }
            top = ruleIndex[name]!
        }
        var expander = JSGFExpander(grammar: self)
        try expander.expand(rule: top)
        var fsg = FiniteStateGrammar(
            name: rules[top].name, stateCount: max(expander.stateCount, 1), startState: expander.entries[top] ?? 0,
            finalState: expander.exits[top] ?? 0, languageWeight: languageWeight)
        for link in expander.links {
            if let atom = link.atom {
                let logProbability = Self.logProbability(expander.weights[atom])
                if atoms[atom].isRuleReference {
                    guard logProbability <= 0 else {
                        throw DecoderError(.inconsistent, path: path, line: atoms[atom].line,
                                           reason: "weight \(expander.weights[atom]) gives a probability above 1")
                    }
                    fsg.addNullTransition(from: link.from, to: link.to, logProbability: logProbability)
                } else {
                    let word = fsg.addWord(atoms[atom].name)
                    fsg.addTransition(from: link.from, to: link.to, word: word, logProbability: logProbability)
                }
            } else {
                fsg.addNullTransition(from: link.from, to: link.to, logProbability: 0)
            }
        }
        fsg.closeNullTransitions()
        return fsg
    }

    /// pocketsphinx's `logmath_log` for base 1.0001: `(int)(ln p · (1 / ln 1.0001))`, "zero" for p ≤ 0.
    static func logProbability(_ probability: Float) -> Int32 {
        guard probability > 0 else { return NGramLanguageModel.unknownWordScore }
        return Int32(log(Double(probability)) * (1.0 / log(1.0001)))
    }
}

/// The state machine of one conversion: states, links in creation order, and the rule stack.
struct JSGFExpander {
    struct Link {
        var atom: Int?
        var from: Int
        var to: Int
    }

    enum Outcome {
        case state(Int)
        case recursion
        case void
    }

    let grammar: JSGFGrammar
    var weights: [Float]
    var links: [Link] = []
    var stateCount = 0
    var entries: [Int: Int] = [:]
    var exits: [Int: Int] = [:]
    var stack: [Int] = []
    var stopped = false

    init(grammar: JSGFGrammar) {
        self.grammar = grammar
        self.weights = grammar.atoms.map(\.weight)
    }

    mutating func newState() throws -> Int {
        guard stateCount < JSGFGrammar.maximumStates else {
            throw DecoderError(.inconsistent, path: grammar.path,
                               reason: "the grammar expands to more than \(JSGFGrammar.maximumStates) states")
        }
        stateCount += 1
        return stateCount - 1
    }

    /// Expands a rule; returns false when `<VOID>` stopped the expansion.
    @discardableResult
    mutating func expand(rule: Int) throws -> Bool {
        guard stack.count < 1000 else {
            throw DecoderError(.inconsistent, path: grammar.path, line: grammar.rules[rule].line,
                               reason: "rules nested more than 1000 deep")
        }
        stack.append(rule)
        defer { stack.removeLast() }
        let alternatives = grammar.rules[rule].alternatives
        var norm: Float = 0
        for alternative in alternatives { if let first = alternative.first { norm += weights[first] } }
        entries[rule] = try newState()
        exits[rule] = try newState()
        if norm == 0 { norm = 1 }
        for alternative in alternatives {
            if let first = alternative.first { weights[first] /= norm }
            switch try expand(alternative, of: rule) {
            case .void: return false
            case .recursion: break
            case .state(let last): links.append(Link(atom: nil, from: last, to: exits[rule]!))
            }
        }
        return true
    }

    mutating func expand(_ alternative: [Int], of rule: Int) throws -> Outcome {
        var last = entries[rule]!
        for (position, atomID) in alternative.enumerated() {
            let atom = grammar.atoms[atomID]
            guard atom.isRuleReference else {
                let next = try newState()
                links.append(Link(atom: atomID, from: last, to: next))
                last = next
                continue
            }
            if atom.name == "<NULL>" {
                let next = try newState()
                links.append(Link(atom: atomID, from: last, to: next))
                last = next
                continue
            }
            if atom.name == "<VOID>" { return .void }
            let ruleName = grammar.rules[rule].name
            let grammarName = String(ruleName.dropFirst()[..<(ruleName.lastIndex(of: ".") ?? ruleName.endIndex)])
            let fullName = JSGFRuleTable.qualified(atom.name, in: grammarName)
            guard let subrule = grammar.ruleIndex[fullName] else {
                throw DecoderError(.inconsistent, path: grammar.rules[rule].path, line: atom.line,
                                   reason: "undefined rule \(fullName)")
            }
            if stack.contains(subrule) {
                guard position == alternative.count - 1 else {
                    throw DecoderError(.inconsistent, path: grammar.rules[rule].path, line: atom.line,
                                       reason: "only right recursion is allowed (\(fullName) in \(ruleName))")
                }
                links.append(Link(atom: atomID, from: last, to: entries[subrule]!))
                return .recursion
            }
            guard try expand(rule: subrule) else { return .void }
            links.append(Link(atom: atomID, from: last, to: entries[subrule]!))
            last = exits[subrule]!
        }
        return .state(last)
    }
}
