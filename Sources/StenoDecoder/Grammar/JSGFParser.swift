/// Recursive-descent JSGF parser that defines rules in the order pocketsphinx's yacc parser does
/// (inner groups, optionals and repetitions before the rule that contains them), because anonymous
/// rule names, and so the rule table's order, depend on it.
struct JSGFParser {
    var lexer: JSGFLexer
    var current: JSGFLexer.Token = .end
    var currentLine = 1
    var grammarName = ""
    var nesting = 0
    static let maximumNesting = 200

    init(bytes: [UInt8], path: String) throws {
        lexer = JSGFLexer(bytes: bytes, path: path)
        try advance()
    }

    var path: String { lexer.path }

    mutating func advance() throws { (current, currentLine) = try lexer.next() }

    func fail(_ reason: String) -> DecoderError {
        DecoderError(.malformed, path: lexer.path, line: currentLine, reason: reason)
    }

    func describe(_ token: JSGFLexer.Token) -> String {
        switch token {
        case .header: return "'#JSGF'"
        case .word(let word): return "'\(word)'"
        case .ruleName(let name): return "'\(name)'"
        case .tag: return "a {tag}"
        case .weight: return "a /weight/"
        case .symbol(let byte): return "'\(Character(Unicode.Scalar(byte)))'"
        case .end: return "the end of the file"
        }
    }

    mutating func expect(_ symbol: Character) throws {
        guard case .symbol(let byte) = current, byte == symbol.asciiValue else {
            throw fail("expected '\(symbol)', found \(describe(current))")
        }
        try advance()
    }

    func isSymbol(_ symbol: Character) -> Bool {
        if case .symbol(let byte) = current { return byte == symbol.asciiValue }
        return false
    }

    func isKeyword(_ keyword: String) -> Bool {
        if case .word(let word) = current { return word == keyword }
        return false
    }

    /// Parses a whole file into `table`; returns the grammar's name.
    mutating func parse(into table: inout JSGFRuleTable) throws -> String {
        guard current == .header else { throw fail("expected the '#JSGF' header, found \(describe(current))") }
        try advance()
        var headerFields = 0
        while case .word = current, headerFields < 3 { headerFields += 1; try advance() }
        try expect(";")
        guard isKeyword("grammar") else { throw fail("expected 'grammar NAME;', found \(describe(current))") }
        try advance()
        guard case .word(let name) = current else { throw fail("expected the grammar's name, found \(describe(current))") }
        grammarName = name
        try advance()
        try expect(";")
        while isKeyword("import") {
            let line = currentLine
            try advance()
            guard case .ruleName(let imported) = current else {
                throw fail("expected '<package.rule>' after import, found \(describe(current))")
            }
            try advance()
            try expect(";")
            try table.importRule(imported, into: grammarName, path: path, line: line)
        }
        while current != .end {
            let line = currentLine
            var isPublic = false
            if isKeyword("public") { isPublic = true; try advance() }
            guard case .ruleName(let ruleName) = current else {
                throw fail("expected a rule definition '<name> = ...;', found \(describe(current))")
            }
            guard ruleName != "<NULL>" && ruleName != "<VOID>" else { throw fail("\(ruleName) cannot be redefined") }
            try advance()
            try expect("=")
            let alternatives = try parseAlternatives(&table)
            try expect(";")
            table.define(name: ruleName, grammar: grammarName, alternatives: alternatives, isPublic: isPublic,
                         line: line, path: path)
        }
        return grammarName
    }

    /// `expansion ('|' expansion)*`, returned last first (pocketsphinx's linked order).
    mutating func parseAlternatives(_ table: inout JSGFRuleTable) throws -> [[Int]] {
        var alternatives = [try parseExpansion(&table)]
        while isSymbol("|") {
            try advance()
            alternatives.append(try parseExpansion(&table))
        }
        return alternatives.reversed()
    }

    /// One or more (optionally weighted, optionally tagged) items.
    mutating func parseExpansion(_ table: inout JSGFRuleTable) throws -> [Int] {
        var atoms: [Int] = []
        while true {
            var weight: Float?
            if case .weight(let value) = current { weight = value; try advance() }
            guard let atom = try parseAtom(&table) else {
                if weight != nil || atoms.isEmpty {
                    throw fail("expected a word, <rule>, '(' or '[', found \(describe(current))")
                }
                return atoms
            }
            if let weight { table.atoms[atom].weight = weight }
            while current == .tag { try advance() }
            atoms.append(atom)
        }
    }

    /// A word, rule reference, group or optional, with any `*`/`+` after it; nil when none starts here.
    mutating func parseAtom(_ table: inout JSGFRuleTable) throws -> Int? {
        let line = currentLine
        var atom: Int
        switch current {
        case .word(let word):
            try advance()
            atom = table.atom(word, isRule: false, line: line)
        case .ruleName(let name):
            try advance()
            atom = table.atom(name, isRule: true, line: line)
        case .symbol(let byte) where byte == Character("(").asciiValue || byte == Character("[").asciiValue:
            let isOptional = byte == Character("[").asciiValue
            nesting += 1
            guard nesting <= Self.maximumNesting else { throw fail("groups nested more than \(Self.maximumNesting) deep") }
            try advance()
            var alternatives = try parseAlternatives(&table)
            try expect(isOptional ? "]" : ")")
            nesting -= 1
            if isOptional {
                // [x] is the anonymous rule (<NULL> | x), <NULL> linked first.
                alternatives.insert([table.atom("<NULL>", isRule: true, line: line)], at: 0)
            }
            let rule = table.define(name: nil, grammar: grammarName, alternatives: alternatives, isPublic: false,
                                    line: line, path: path)
            atom = table.atom(table.rules[rule].name, isRule: true, line: line)
        default:
            return nil
        }
        while isSymbol("*") || isSymbol("+") {
            let plus = isSymbol("+")
            try advance()
            // x* is the anonymous rule R = (<NULL> | x R); x+ is R = (x | x R).
            let first = plus ? table.atom(table.atoms[atom].name, isRule: table.atoms[atom].isRuleReference, line: line)
                             : table.atom("<NULL>", isRule: true, line: line)
            let rule = table.define(name: nil, grammar: grammarName, alternatives: [[first]], isPublic: false,
                                    line: line, path: path)
            let recursion = table.atom(table.rules[rule].name, isRule: true, line: line)
            table.rules[rule].alternatives.append([atom, recursion])
            atom = table.atom(table.rules[rule].name, isRule: true, line: line)
        }
        return atom
    }
}
