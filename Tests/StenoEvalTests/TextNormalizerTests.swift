import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoEval

@Suite struct TextNormalizerTests {
    let standard = TextNormalizer(options: .standard)

    @Test func noneSplitsOnWhiteSpaceOnly() {
        let none = TextNormalizer(options: .none)
        #expect(none.words("  Hello,  World!\tuh  ") == ["Hello,", "World!", "uh"])
        #expect(none.words("") == [])
        #expect(none.description.steps == ["whitespace"])
    }

    @Test func defaultSteps() {
        #expect(standard.words("The Cat, sat; on the MAT.") == ["the", "cat", "sat", "on", "the", "mat"])
        #expect(standard.words("a well-known state—of—the art") == ["a", "well", "known", "state", "of", "the", "art"])
        #expect(standard.words("Don't \u{201C}quote\u{201D} it's ’tis") == ["don't", "quote", "it's", "tis"])
        #expect(standard.words("I’m here") == ["i'm", "here"])  // typographic apostrophe becomes U+0027
        #expect(standard.words("um so uh, [NOISE] yes <unk> Hmm.") == ["so", "yes"])
        #expect(standard.words("Straße ÉCOLE naïve 日本語。") == ["straße", "école", "naïve", "日本語"])
        #expect(standard.words("U.S. (test)") == ["u", "s", "test"])
    }

    @Test func fillerListIsConfigurable() {
        var options = NormalizationOptions.standard
        options.fillers = ["like"]
        let n = TextNormalizer(options: options)
        #expect(n.words("um it is like LIKE, fine") == ["um", "it", "is", "fine"])
        options.fillers = []
        #expect(!TextNormalizer(options: options).description.steps.contains("fillerRemoval"))
    }

    @Test func numbersToWords() {
        var options = NormalizationOptions.standard
        options.numbersToWords = true
        let n = TextNormalizer(options: options)
        #expect(n.words("go forward 10 meters") == ["go", "forward", "ten", "meters"])
        #expect(n.words("42, 1,000 and 3.5") == ["forty", "two", "one", "thousand", "and", "three", "point", "five"])
        #expect(n.words("the 1st 2nd 3rd 21st 100th") == ["the", "first", "second", "third", "twenty", "first", "one", "hundredth"])
        #expect(n.words("1990") == ["one", "thousand", "nine", "hundred", "ninety"])
        #expect(n.words("0 7 13 1000000") == ["zero", "seven", "thirteen", "one", "million"])
        #expect(n.words("12ab 1,00") == ["12ab", "1", "00"])  // not numerals: left to the other steps
        #expect(EnglishNumberSpeller.ordinal(12) == ["twelfth"])
        #expect(EnglishNumberSpeller.ordinal(40) == ["fortieth"])
    }

    @Test func mappingRules() throws {
        let mapping = try WordMapping(parsing: """
            ;; spelling variants
            colour => color
            Gonna => going to   # contraction
            can't => can not
            New York => newyork
            you know =>
            """, source: "glm.txt")
        #expect(mapping.rules.count == 5)
        var options = NormalizationOptions.standard
        options.mapping = mapping
        let n = TextNormalizer(options: options)
        #expect(n.words("The colour, I'm gonna see New-York? Can't. you know ok")
            == ["the", "color", "i'm", "going", "to", "see", "newyork", "can", "not", "ok"])
        #expect(n.description.steps.contains("mapping"))
        #expect(n.description.summary.contains("mapping(glm.txt, 5 rules)"))
    }

    @Test func badMappingRulesNameFileAndLine() {
        for (text, line) in [("a => b\nno arrow here\n", 2), (" => b\n", 1), ("a => b => c\n", 1)] {
            do {
                _ = try WordMapping(parsing: text, source: "glm.txt")
                Issue.record("expected an error for \(text)")
            } catch let error as EvalError {
                #expect(error.kind == .invalidMappingRule && error.line == line && error.path == "glm.txt")
            } catch { Issue.record("\(error)") }
        }
    }

    @Test func descriptionIsVersioned() {
        let d = standard.description
        #expect(d.version == TextNormalizer.version)
        #expect(d.name == "default")
        #expect(d.steps == ["caseFolding", "hyphenSplitting", "punctuationRemoval", "whitespace", "fillerRemoval"])
        #expect(d.summary.hasPrefix("default (\(TextNormalizer.version)): caseFolding"))
    }

    /// Property: normalising is idempotent and never yields empty or white-space-holding words.
    @Test func idempotentOnRandomText() {
        var random = SplitMix64(state: 9)
        let pieces = ["Hello", "world", ",", ".", "-", "don't", "’", "日本", "É", " ", "  ", "\t", "42", "um", "[noise]", "(", "x-y"]
        for _ in 0..<300 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let once = standard.words(text)
            #expect(standard.words(once.joined(separator: " ")) == once, "\(text)")
            #expect(once.allSatisfy { !$0.isEmpty && !$0.contains(where: \.isWhitespace) })
        }
    }

    /// The ASCII punctuation table equals Unicode's general category P for every ASCII character.
    @Test func asciiPunctuationTableMatchesUnicode() {
        for value in 0..<128 {
            let scalar = Unicode.Scalar(UInt8(value))
            let isP: Bool
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                isP = true
            default:
                isP = false
            }
            #expect(TextNormalizer.asciiPunctuation[value] == isP, "U+\(String(value, radix: 16))")
        }
    }

    /// Property: the ASCII byte path gives the same words as the Unicode path on the same text
    /// (a non-ASCII word in front forces the Unicode path for that token only, so compare per token).
    @Test func asciiPathEqualsUnicodePath() {
        var random = SplitMix64(state: 11)
        let alphabet = Array("aZ9'-.,!_(x) \"#%&*/:;?@[]{}$+<=>^`|~")
        for _ in 0..<500 {
            let token = String((0..<Int(1 + random.next() % 10)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
                .replacingOccurrences(of: " ", with: "")
            guard !token.isEmpty else { continue }
            let viaASCII = standard.words(token)
            // Appending a non-ASCII symbol (not a letter, not punctuation) routes the token through the Character loop.
            let viaUnicode = standard.words(token + "€")
            var expected = viaUnicode
            if let last = expected.last, last.hasSuffix("€") {
                let stripped = String(last.dropLast())
                expected.removeLast()
                if !stripped.isEmpty { expected.append(stripped) }
            }
            #expect(viaASCII == expected, "\(token)")
        }
    }
}
