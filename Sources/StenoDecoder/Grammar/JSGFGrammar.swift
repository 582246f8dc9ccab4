import Foundation

/// A parsed JSGF grammar (with the grammars it imports), ready to be turned into a
/// ``FiniteStateGrammar`` exactly as pocketsphinx 5.1.1 converts it.
///
/// Supported: the `#JSGF` header, `grammar` name, `import <pkg.rule>` / `import <pkg.*>` (resolved
/// beside the importing file or in `searchPaths`), public and private rules, alternatives `|`,
/// weights `/w/`, groups `( )`, optionals `[ ]`, `*`, `+`, `<NULL>`, `<VOID>`, right recursion;
/// tags `{…}` and comments are ignored; quoted tokens keep their quotes (as in pocketsphinx).
///
/// ```swift
/// let grammar = try JSGFGrammar(contentsOf: URL(fileURLWithPath: "goforward.gram"))
/// let fsg = try grammar.finiteStateGrammar()            // pocketsphinx's default (first public rule in its order)
/// let other = try grammar.finiteStateGrammar(rule: "move2")
/// fsg.missingWords(in: dictionary)                         // words the dictionary cannot pronounce
/// ```
public struct JSGFGrammar: Sendable {
    struct Atom: Sendable {
        var name: String
        var isRuleReference: Bool
        var weight: Float
        var line: Int
    }

    struct Rule: Sendable {
        /// Full name with brackets, `<grammar.rule>`.
        var name: String
        var isPublic: Bool
        /// Alternatives in pocketsphinx's order (the parser links them last first), each a list of atom ids.
        var alternatives: [[Int]]
        var line: Int
        var path: String
    }

    /// The grammar's name (`grammar NAME;`).
    public let name: String
    /// The file it was read from (or the name given to in-memory text).
    public let path: String

    var atoms: [Atom]
    var rules: [Rule]
    /// Rule table: full name → rule index; the first definition of a name wins (pocketsphinx warns and keeps it).
    var ruleIndex: [String: Int]
    /// Names in the order they entered pocketsphinx's rule hash table (for its iteration order).
    var ruleTableInsertionOrder: [String]

    /// Full names of the public rules, in the order pocketsphinx iterates them (the first is the default).
    public var publicRuleNames: [String] {
        ruleTableOrder.filter { rules[ruleIndex[$0]!].isPublic }
    }

    /// Full names of every rule (anonymous ones included), in pocketsphinx's rule-table order.
    var ruleTableOrder: [String] {
        let size = SphinxHashOrder.tableSize(requested: 64)
        return SphinxHashOrder.iterationOrder(ruleTableInsertionOrder) { SphinxHashOrder.hash(string: $0, size: size) }
    }

    /// The rule pocketsphinx decodes with when none is named: the first public rule in its rule-table
    /// order (which is not necessarily the first in the file).
    public var defaultRuleName: String? { publicRuleNames.first }

    /// Parses a JSGF file and the grammars it imports.
    ///
    /// - Parameters:
    ///   - url: the grammar file.
    ///   - searchPaths: folders searched for imported grammars; default: the file's folder.
    /// - Throws: ``DecoderError`` with file and line for syntax errors, unresolved imports, and
    ///   unreadable files.
    public init(contentsOf url: URL, searchPaths: [URL]? = nil) throws {
        let bytes = try PronunciationDictionary.readBytes(url)
        try self.init(bytes: bytes, path: url.path, searchPaths: searchPaths ?? [url.deletingLastPathComponent()])
    }

    /// Parses JSGF text; `name` stands in for a path in errors; imports are searched in `searchPaths`.
    public init(text: String, name: String = "<grammar>", searchPaths: [URL] = []) throws {
        try self.init(bytes: Array(text.utf8), path: name, searchPaths: searchPaths)
    }

    init(bytes: [UInt8], path: String, searchPaths: [URL]) throws {
        var table = JSGFRuleTable(searchPaths: searchPaths)
        let grammarName = try table.parse(bytes: bytes, path: path)
        self.name = grammarName
        self.path = path
        self.atoms = table.atoms
        self.rules = table.rules
        self.ruleIndex = table.ruleIndex
        self.ruleTableInsertionOrder = table.insertionOrder
    }
}
