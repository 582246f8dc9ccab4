import Foundation

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
