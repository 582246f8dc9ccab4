import Foundation

/// Word-sequence rewriting rules in the spirit of sclite's GLM: `from => to`, one per line.
///
/// Used for spelling variants and contractions (`colour => color`, `gonna => going to`,
/// `can't => can not`). Both sides of a rule go through the same normalisation as the text, so
/// rules may be written in any case. `;;` and `#` start comments; blank lines are ignored; the
/// right side may be empty (the words are then dropped). Longer matches win; the output of a rule
/// is not rewritten again.
public struct WordMapping: Sendable, Hashable {
    /// One rule: a word sequence and its replacement.
    public struct Rule: Sendable, Hashable {
        /// The word sequence to match (normalised like the text).
        public var from: [String]
        /// Its replacement; empty drops the words.
        public var to: [String]
        /// 1-based line in the rule file; 0 for rules built in memory.
        public var line: Int

        /// A rule rewriting `from` to `to`.
        public init(from: [String], to: [String], line: Int = 0) {
            self.from = from
            self.to = to
            self.line = line
        }
    }

    /// The rules in file order.
    public var rules: [Rule]
    /// The file they came from (for reports).
    public var source: String?

    /// A mapping from rules already parsed; `source` names their file in reports.
    public init(rules: [Rule], source: String? = nil) {
        self.rules = rules
        self.source = source
    }

    /// Parses rules from text; `source` names the file in errors.
    public init(parsing text: String, source: String?) throws {
        var rules: [Rule] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if let comment = line.range(of: ";;") { line = line[..<comment.lowerBound] }
            if let comment = line.firstIndex(of: "#") { line = line[..<comment] }
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let arrow = line.range(of: "=>") else {
                throw EvalError(.invalidMappingRule, path: source, line: index + 1, "expected 'from => to'")
            }
            let from = line[..<arrow.lowerBound].split(whereSeparator: \.isWhitespace).map(String.init)
            let to = line[arrow.upperBound...].split(whereSeparator: \.isWhitespace).map(String.init)
            guard !from.isEmpty else {
                throw EvalError(.invalidMappingRule, path: source, line: index + 1, "empty left side")
            }
            guard !to.contains("=>") else {
                throw EvalError(.invalidMappingRule, path: source, line: index + 1, "more than one '=>'")
            }
            rules.append(Rule(from: from, to: to, line: index + 1))
        }
        self.init(rules: rules, source: source)
    }

    /// Reads a mapping file.
    public static func read(contentsOf url: URL) throws -> WordMapping {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EvalError(.unreadableFile, path: url.path, "cannot read: \(TranscriptReader.describe(error))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EvalError(.invalidUTF8, path: url.path, "invalid UTF-8")
        }
        return try WordMapping(parsing: text, source: url.path)
    }
}
