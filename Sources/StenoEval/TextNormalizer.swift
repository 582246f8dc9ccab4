/// The named, versioned text normalisation applied identically to references and hypotheses.
///
/// Steps, in this order (each one only if its option is on):
/// 1. `caseFolding`: Unicode lower-casing.
/// 2. `fillerRemoval` of whole white-space tokens (so `[noise]` and `<unk>` go before their
///    brackets are taken as punctuation).
/// 3. `numbersToWords`: English numerals become words.
/// 4. `hyphenSplitting`: hyphens and dashes become word breaks.
/// 5. `punctuationRemoval`: Unicode punctuation becomes a word break, except an apostrophe between
///    two letters (kept, as U+0027).
/// 6. `whitespace`: words are split on any Unicode white space (always).
/// 7. `mapping`: `from => to` rules, longest match first.
/// 8. `fillerRemoval` again, on the final words.
///
/// `TextNormalizer.version` changes whenever any step's behaviour changes, so reports made with
/// different rules can be told apart.
public struct TextNormalizer: Sendable {
    /// The version of these rules, printed in every report.
    public static let version = "steno-normalize-1"

    /// The steps this normalizer runs.
    public let options: NormalizationOptions
    private let fillers: Set<String>
    /// True when every step but white-space splitting is off (`--normalize none`).
    private let isSplitOnly: Bool
    /// Mapping rules by their first word, longest first.
    private let rulesByFirstWord: [String: [WordMapping.Rule]]

    /// A normalizer running `options` (default `.standard`).
    public init(options: NormalizationOptions = .standard) {
        self.options = options
        isSplitOnly = !options.caseFolding && !options.numbersToWords && !options.hyphenSplitting
            && !options.punctuationRemoval && options.fillers.isEmpty && (options.mapping?.rules.isEmpty ?? true)
        var stepOptions = options
        stepOptions.fillers = []
        stepOptions.mapping = nil
        let ruleNormalizer = TextNormalizer(tokenStepsOnly: stepOptions)
        fillers = Set(options.fillers.map { options.caseFolding ? $0.lowercased() : $0 })
        var rules: [String: [WordMapping.Rule]] = [:]
        for rule in options.mapping?.rules ?? [] {
            let from = ruleNormalizer.words(rule.from.joined(separator: " "))
            let to = ruleNormalizer.words(rule.to.joined(separator: " "))
            guard let first = from.first else { continue }
            rules[first, default: []].append(WordMapping.Rule(from: from, to: to, line: rule.line))
        }
        rulesByFirstWord = rules.mapValues { list in
            // Longest first; among equal lengths the earlier rule wins (stable sort).
            list.enumerated().sorted { ($0.element.from.count, -$0.offset) > ($1.element.from.count, -$1.offset) }
                .map(\.element)
        }
    }

    private init(tokenStepsOnly options: NormalizationOptions) {
        self.options = options
        isSplitOnly = false
        fillers = []
        rulesByFirstWord = [:]
    }

    /// What this normaliser does, for reports.
    public var description: NormalizationDescription {
        var steps: [String] = []
        if options.caseFolding { steps.append("caseFolding") }
        if options.numbersToWords { steps.append("numbersToWords") }
        if options.hyphenSplitting { steps.append("hyphenSplitting") }
        if options.punctuationRemoval { steps.append("punctuationRemoval") }
        steps.append("whitespace")
        if let mapping = options.mapping, !mapping.rules.isEmpty { steps.append("mapping") }
        if !options.fillers.isEmpty { steps.append("fillerRemoval") }
        return NormalizationDescription(
            name: options.name, version: Self.version, steps: steps, fillers: options.fillers,
            mappingSource: options.mapping?.source, mappingRules: options.mapping?.rules.count ?? 0)
    }

    /// The normalised words of `text`.
    public func words(_ text: String) -> [String] {
        if isSplitOnly { return WhitespaceTokenizer.tokens(text).map(String.init) }
        var words: [String] = []
        for rawToken in WhitespaceTokenizer.tokens(text) {
            appendWords(of: rawToken, to: &words)
        }
        if !rulesByFirstWord.isEmpty { words = applyMapping(words) }
        if !fillers.isEmpty { words.removeAll { fillers.contains($0) } }
        return words
    }

    /// The normalised text: `words(text)` joined by single spaces (what CER is computed on).
    public func normalize(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    // MARK: - Token steps

    private func appendWords(of rawToken: Substring, to words: inout [String]) {
        var token = String(rawToken)
        if options.caseFolding && !Self.isPlainLowercaseASCII(rawToken) { token = token.lowercased() }
        if fillers.contains(token) { return }
        if Self.isPlainASCIIWord(token, digitsAllowed: !options.numbersToWords) {
            // Fast path: lower-case letters (and digits when numbers stay as written) need no step below.
            words.append(token)
            return
        }
        var pieces: [Substring] = [Substring(token)]
        if options.numbersToWords {
            pieces = pieces.flatMap { piece -> [Substring] in
                let core = Self.trimmingEdgePunctuation(piece)
                if let spelled = EnglishNumberSpeller.words(for: core) { return spelled.map { Substring($0) } }
                return [piece]
            }
        }
        if !options.hyphenSplitting && !options.punctuationRemoval {
            words.append(contentsOf: pieces.map(String.init))
            return
        }
        for piece in pieces {
            if piece.utf8.allSatisfy({ $0 < 0x80 }) {
                splitASCII(piece, into: &words)
                continue
            }
            var current = ""
            let characters = Array(piece)
            for (index, character) in characters.enumerated() {
                if options.hyphenSplitting && Self.isHyphen(character) {
                    if !current.isEmpty { words.append(current); current = "" }
                    continue
                }
                if options.punctuationRemoval && Self.isPunctuation(character) {
                    if Self.isApostrophe(character), index > 0, index + 1 < characters.count,
                        characters[index - 1].isLetter, characters[index + 1].isLetter
                    {
                        current.append("'")
                        continue
                    }
                    if !current.isEmpty { words.append(current); current = "" }
                    continue
                }
                current.append(character)
            }
            if !current.isEmpty { words.append(current) }
        }
    }

    /// The hyphen and punctuation steps on an ASCII piece, byte by byte: the same rules as the
    /// `Character` loop (ASCII hyphen-minus; ASCII general-category-P characters; an apostrophe
    /// kept between two letters), without grapheme breaking.
    private func splitASCII(_ piece: Substring, into words: inout [String]) {
        let bytes = Array(piece.utf8)
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        for (index, byte) in bytes.enumerated() {
            if options.hyphenSplitting && byte == 0x2D {
                flush()
                continue
            }
            if options.punctuationRemoval && Self.asciiPunctuation[Int(byte)] {
                if byte == 0x27, index > 0, index + 1 < bytes.count,
                    Self.isASCIILetter(bytes[index - 1]), Self.isASCIILetter(bytes[index + 1])
                {
                    current.append(byte)
                    continue
                }
                flush()
                continue
            }
            current.append(byte)
        }
        flush()
    }

    /// `isPunctuation` for each ASCII byte, looked up on the fast ASCII path (! " # % & ' ( ) * , - . / : ; ? @ [ \ ] _ { }).
    static let asciiPunctuation: [Bool] = (0..<128).map { byte in
        isPunctuation(Character(Unicode.Scalar(UInt8(byte))))
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// True for tokens of ASCII lower-case letters (and digits, if allowed) only.
    private static func isPlainASCIIWord(_ token: String, digitsAllowed: Bool) -> Bool {
        token.utf8.allSatisfy { (0x61...0x7A).contains($0) || (digitsAllowed && (0x30...0x39).contains($0)) }
    }

    private func applyMapping(_ words: [String]) -> [String] {
        var output: [String] = []
        output.reserveCapacity(words.count)
        var index = 0
        outer: while index < words.count {
            if let candidates = rulesByFirstWord[words[index]] {
                for rule in candidates where index + rule.from.count <= words.count
                    && words[index..<(index + rule.from.count)].elementsEqual(rule.from)
                {
                    output.append(contentsOf: rule.to)
                    index += rule.from.count
                    continue outer
                }
            }
            output.append(words[index])
            index += 1
        }
        return output
    }

    // MARK: - Character classes

    /// True for tokens of ASCII lower-case letters only (the common case, which needs no work).
    private static func isPlainLowercaseASCII(_ token: Substring) -> Bool {
        token.utf8.allSatisfy { (0x61...0x7A).contains($0) }
    }

    private static func isHyphen(_ character: Character) -> Bool {
        switch character {
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE63}",
            "\u{FF0D}":
            return true
        default:
            return false
        }
    }

    private static func isApostrophe(_ character: Character) -> Bool {
        character == "'" || character == "\u{2019}" || character == "\u{02BC}"
    }

    private static func isPunctuation(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return scalar == "\u{02BC}"  // modifier-letter apostrophe, used as an apostrophe
        }
    }

    private static func trimmingEdgePunctuation(_ token: Substring) -> Substring {
        var token = token
        while let first = token.first, isPunctuation(first) { token = token.dropFirst() }
        while let last = token.last, isPunctuation(last) { token = token.dropLast() }
        return token
    }
}
