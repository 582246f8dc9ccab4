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
