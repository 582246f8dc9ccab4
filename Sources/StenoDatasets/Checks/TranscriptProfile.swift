/// What the label checks need to know about one transcript, worked out once.
struct TranscriptProfile: Sendable {
    enum LetterCase: String, Sendable { case lower = "lower case", upper = "upper case", mixed = "mixed case" }
    enum NumberStyle: String, Sendable { case digits, words = "number words" }
    enum SpellingStyle: String, Sendable {
        case spaced = "spaced letters (r o b)"
        case dotted = "dotted letters (r. o. b.)"
        case joined = "joined letters (r_o_b / r-o-b)"
    }
    enum FillerMarking: String, Sendable, CaseIterable {
        case bare = "bare filler words (um)"
        case square = "[square] tags"
        case angle = "<angle> tags"
        case plus = "++plus++ tags"
        case paren = "(parenthesised) fillers"
        case curly = "{curly} tags"
    }

    /// Lower-cased words without punctuation or tags, for vocabulary and OOV checks.
    let words: [String]
    let letterCase: LetterCase?
    let hasPunctuation: Bool
    let numberStyle: NumberStyle?
    let spellingStyles: Set<SpellingStyle>
    /// Each spelled run, joined ("robert" for "r o b e r t").
    let spelledWords: [String]
    let fillerMarkings: Set<FillerMarking>
    /// Letters and digits, for the duration plausibility check.
    let characterCount: Int

    static let fillerWords: Set<String> = ["um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "eh", "hmm", "hm",
                                           "mm", "mhm", "uh-huh", "mm-hmm"]
    static let numberWords: Set<String> = [
        "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
    ]

    init(_ text: String) {
        var words: [String] = []
        var markings = Set<FillerMarking>()
        var plainTokens: [Substring] = []
        var tagDepth: Character?
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            if let closing = tagDepth {
                if token.hasSuffix(String(closing)) { tagDepth = nil }
                continue
            }
            if let marking = Self.tagMarking(token) {
                markings.insert(marking)
                continue
            }
            if let opening = token.first, let closing = Self.closingBracket(opening), token.count > 1,
               !token.contains(closing)
            {
                // A tag with spaces inside ("[side speech]").
                markings.insert(opening == "[" ? .square : opening == "<" ? .angle : .curly)
                tagDepth = closing
                continue
            }
            plainTokens.append(token)
        }
        var characters = 0
        var lower = false
        var upper = false
        var punctuation = false
        var digits = false
        for token in plainTokens {
            // Periods of spelled letters ("r. o. b.") are that spelling convention, not punctuation.
            let dotted = Self.isDottedLetters(token)
            let lastOffset = token.count - 1
            for (offset, character) in token.enumerated() {
                if character.isLetter || character.isNumber { characters += 1 }
                if character.isLowercase { lower = true }
                if character.isUppercase { upper = true }
                if character.isNumber && character.isASCII { digits = true }
                if (character.isPunctuation || character.isSymbol) && !dotted && character != "\u{FFFD}" {
                    // Apostrophes and hyphens inside words are spelling, not punctuation.
                    let inner = offset > 0 && offset < lastOffset
                    if !(inner && (character == "'" || character == "’" || character == "-" || character == "_")) {
                        punctuation = true
                    }
                }
            }
            let word = Self.normalisedWord(token)
            if !word.isEmpty {
                words.append(word)
                if Self.fillerWords.contains(word) && !token.hasPrefix("(") { markings.insert(.bare) }
            }
        }
        self.words = words
        self.characterCount = characters
        self.hasPunctuation = punctuation
        if characters >= 2 && (lower || upper) {
            letterCase = lower && upper ? .mixed : lower ? .lower : .upper
        } else {
            letterCase = nil
        }
        if digits {
            numberStyle = .digits
        } else if words.contains(where: { Self.numberWords.contains($0) && $0 != "oh" }) {
            numberStyle = .words
        } else {
            numberStyle = nil
        }
        (spellingStyles, spelledWords) = Self.spelledRuns(plainTokens)
        fillerMarkings = markings
    }

    /// Lower case, outer punctuation stripped, inner apostrophes and hyphens kept.
    static func normalisedWord(_ token: Substring) -> String {
        normalisedWordKeepingCase(token).lowercased()
    }

    /// Outer punctuation stripped, inner apostrophes and hyphens kept, case as written.
    static func normalisedWordKeepingCase(_ token: Substring) -> String {
        let trimmed = token.drop(while: { !$0.isLetter && !$0.isNumber })
        let end = trimmed.lastIndex(where: { $0.isLetter || $0.isNumber }).map { trimmed.index(after: $0) }
            ?? trimmed.startIndex
        return String(trimmed[..<end])
    }

    private static func closingBracket(_ opening: Character) -> Character? {
        switch opening {
        case "[": "]"
        case "<": ">"
        case "{": "}"
        default: nil
        }
    }

    /// `[noise]`, `<unk>`, `++LAUGH++`, `(um)`, `{breath}` as one token.
    private static func tagMarking(_ token: Substring) -> FillerMarking? {
        guard let first = token.first, "[<{(+".contains(first), token.count >= 3 else { return nil }
        if token.hasPrefix("++") && token.hasSuffix("++") && token.count > 4 { return .plus }
        switch (token.first, token.last) {
        case ("[", "]"): return .square
        case ("<", ">"):
            return token == "<s>" || token == "</s>" ? nil : .angle
        case ("{", "}"): return .curly
        case ("(", ")"):
            return fillerWords.contains(String(token.dropFirst().dropLast()).lowercased()) ? .paren : nil
        default: return nil
        }
    }

    private static func isSpacedLetter(_ token: Substring) -> Bool {
        token.count == 1 && token.first?.isLetter == true
    }

    private static func isDottedLetters(_ token: Substring) -> Bool {
        // "r." or "r.o.b." : letters each followed by a period.
        guard token.last == "." else { return false }
        let characters = Array(token)
        guard characters.count >= 2, characters.count % 2 == 0 else { return false }
        return stride(from: 0, to: characters.count, by: 2).allSatisfy {
            characters[$0].isLetter && characters[$0 + 1] == "."
        }
    }

    private static func joinedLetters(_ token: Substring) -> Bool {
        // "r_o_b" or "r-o-b": at least three single letters joined by one separator.
        for separator in ["_", "-"] as [Character] where token.contains(separator) {
            let parts = token.split(separator: separator, omittingEmptySubsequences: false)
            if parts.count >= 3 && parts.allSatisfy({ $0.count == 1 && $0.first?.isLetter == true }) { return true }
        }
        return false
    }

    private static func spelledRuns(_ tokens: [Substring]) -> (Set<SpellingStyle>, [String]) {
        var styles = Set<SpellingStyle>()
        var spelled: [String] = []
        var run: [Substring] = []
        var runStyle: SpellingStyle?
        func close() {
            let letters = run.map { $0.filter(\.isLetter).lowercased() }.joined()
            // Two spaced letters that are both words of their own ("a i") are not spelling.
            if let style = runStyle, letters.count >= 2,
               style != .spaced || run.count >= 3 || !letters.allSatisfy({ $0 == "a" || $0 == "i" })
            {
                styles.insert(style)
                spelled.append(letters)
            }
            run = []
            runStyle = nil
        }
        for token in tokens {
            if joinedLetters(token) {
                close()
                run = [token]
                runStyle = .joined
                close()
                continue
            }
            let style: SpellingStyle? = isSpacedLetter(token) ? .spaced : isDottedLetters(token) ? .dotted : nil
            if let style, style == runStyle || runStyle == nil {
                run.append(token)
                runStyle = style
            } else {
                close()
                if let style {
                    run = [token]
                    runStyle = style
                }
            }
        }
        close()
        // A single spaced letter is not a run.
        return (styles, spelled)
    }
}
