import Foundation

/// Everything the JSGF parser builds: one rule table shared by a grammar and its imports, as in pocketsphinx.
struct JSGFRuleTable {
    var atoms: [JSGFGrammar.Atom] = []
    var rules: [JSGFGrammar.Rule] = []
    var ruleIndex: [String: Int] = [:]
    var insertionOrder: [String] = []
    /// Imported files already parsed: path → grammar name.
    var imported: [String: String] = [:]
    let searchPaths: [URL]
    var importDepth = 0

    init(searchPaths: [URL]) {
        self.searchPaths = searchPaths
    }

    /// Enters a rule under `name` unless the name is taken (the first definition wins).
    mutating func enter(_ name: String, rule: Int) {
        guard ruleIndex[name] == nil else { return }
        ruleIndex[name] = rule
        insertionOrder.append(name)
    }

    /// Defines a rule; anonymous rules are named `<grammar.gNNNNN>` after the table's current size.
    @discardableResult
    mutating func define(
        name: String?, grammar: String, alternatives: [[Int]], isPublic: Bool, line: Int, path: String
    ) -> Int {
        let fullName: String
        if let name {
            fullName = Self.qualified(name, in: grammar)
        } else {
            fullName = "<\(grammar).g\(String(format: "%05d", ruleIndex.count))>"
        }
        rules.append(JSGFGrammar.Rule(name: fullName, isPublic: isPublic, alternatives: alternatives, line: line, path: path))
        enter(fullName, rule: rules.count - 1)
        return rules.count - 1
    }

    mutating func atom(_ name: String, isRule: Bool, weight: Float = 1, line: Int) -> Int {
        atoms.append(JSGFGrammar.Atom(name: name, isRuleReference: isRule, weight: weight, line: line))
        return atoms.count - 1
    }

    /// `<rule>` → `<grammar.rule>`; names with a dot are already qualified.
    static func qualified(_ name: String, in grammar: String) -> String {
        if name.dropFirst().contains(".") { return name }
        return "<\(grammar).\(name.dropFirst())"
    }

    /// Resolves `import <a.b.rule>` / `import <a.b.*>` (pocketsphinx's rules: the file is `a/b.gram`
    /// in a search path; matching public rules are linked in as `<grammar.rule>`).
    mutating func importRule(_ name: String, into grammar: String, path: String, line: Int) throws {
        func fail(_ reason: String) -> DecoderError { DecoderError(.inconsistent, path: path, line: line, reason: reason) }
        let inner = String(name.dropFirst().dropLast())
        guard let lastDot = inner.lastIndex(of: ".") else { throw fail("imported rule \(name) is not qualified") }
        let package = String(inner[..<lastDot])
        let importAll = inner[inner.index(after: lastDot)...] == "*"
        let relative = package.replacingOccurrences(of: ".", with: "/") + ".gram"
        guard let file = searchPaths.map({ $0.appendingPathComponent(relative) })
            .first(where: { FileManager.default.isReadableFile(atPath: $0.path) })
        else {
            throw fail("cannot find \(relative) for import \(name) (searched \(searchPaths.map(\.path).joined(separator: ", ")))")
        }
        if imported[file.path] == nil {
            guard importDepth < 32 else { throw fail("imports nested too deeply at \(name)") }
            let bytes = try PronunciationDictionary.readBytes(file)
            importDepth += 1
            imported[file.path] = try parse(bytes: bytes, path: file.path)
            importDepth -= 1
        }
        // pocketsphinx matches against everything before the second-last dot removed.
        let components = inner.split(separator: ".", omittingEmptySubsequences: false)
        let wanted = "<" + components.suffix(2).joined(separator: ".") + ">"
        let prefixLength = package.count + 1
        let size = SphinxHashOrder.tableSize(requested: 64)
        // As in pocketsphinx, an import that matches no public rule links nothing (references to it
        // then fail as undefined rules).
        for candidate in SphinxHashOrder.iterationOrder(insertionOrder, bucket: { SphinxHashOrder.hash(string: $0, size: size) }) {
            let rule = rules[ruleIndex[candidate]!]
            let matches = importAll
                ? rule.name.utf8.prefix(prefixLength).elementsEqual(wanted.utf8.prefix(prefixLength))
                : rule.name == wanted
            guard rule.isPublic && matches else { continue }
            let suffix = rule.name[rule.name.lastIndex(of: ".")!...]
            enter("<\(grammar).\(suffix.dropFirst())", rule: ruleIndex[candidate]!)
            if !importAll { break }
        }
    }
}
