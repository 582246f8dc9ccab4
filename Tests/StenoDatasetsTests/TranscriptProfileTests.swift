import Testing

@testable import StenoDatasets

/// How one transcript's conventions are read.
@Suite struct TranscriptProfileTests {
    @Test func caseAndPunctuation() {
        #expect(TranscriptProfile("hello world").letterCase == .lower)
        #expect(TranscriptProfile("HELLO WORLD").letterCase == .upper)
        #expect(TranscriptProfile("Hello world").letterCase == .mixed)
        #expect(TranscriptProfile("a").letterCase == nil)  // one letter says nothing
        #expect(!TranscriptProfile("don't stop well-known").hasPunctuation)
        #expect(TranscriptProfile("stop.").hasPunctuation)
        #expect(TranscriptProfile("'quoted'").hasPunctuation)
        #expect(!TranscriptProfile("r. o. b.").hasPunctuation)  // spelled letters, not punctuation
        #expect(!TranscriptProfile("[noise] yes").hasPunctuation)  // tags are not punctuation
    }

    @Test func numbers() {
        #expect(TranscriptProfile("call 911").numberStyle == .digits)
        #expect(TranscriptProfile("call nine one one").numberStyle == .words)
        #expect(TranscriptProfile("oh no").numberStyle == nil)  // "oh" alone is not a number
        #expect(TranscriptProfile("hello").numberStyle == nil)
    }

    @Test func spelledLetters() {
        let spaced = TranscriptProfile("my name is r o b")
        #expect(spaced.spellingStyles == [.spaced] && spaced.spelledWords == ["rob"])
        let dotted = TranscriptProfile("R. O. B. smith")
        #expect(dotted.spellingStyles == [.dotted] && dotted.spelledWords == ["rob"])
        #expect(TranscriptProfile("r_o_b").spellingStyles == [.joined])
        #expect(TranscriptProfile("i saw a cat").spellingStyles.isEmpty)
        #expect(TranscriptProfile("a i").spellingStyles.isEmpty)  // two words of their own
        #expect(TranscriptProfile("x-ray").spellingStyles.isEmpty)
    }

    @Test func fillersAndTags() {
        #expect(TranscriptProfile("um yes").fillerMarkings == [.bare])
        #expect(TranscriptProfile("[noise] yes <unk>").fillerMarkings == [.square, .angle])
        #expect(TranscriptProfile("++LAUGH++ ok").fillerMarkings == [.plus])
        #expect(TranscriptProfile("(um) yes").fillerMarkings == [.paren])
        #expect(TranscriptProfile("[side speech] yes").fillerMarkings == [.square])
        #expect(TranscriptProfile("[side speech] yes").words == ["yes"])
        #expect(TranscriptProfile("<s> yes </s>").fillerMarkings.isEmpty)
        #expect(TranscriptProfile("(parenthetical remark)").fillerMarkings.isEmpty)
    }

    @Test func spellingVariantRules() {
        #expect(NearDuplicateSpellingCheck.ruleVariants(of: "colour").contains("color"))
        #expect(NearDuplicateSpellingCheck.ruleVariants(of: "realize").contains("realise"))
        #expect(NearDuplicateSpellingCheck.ruleVariants(of: "e-mail").contains("email"))
        #expect(NearDuplicateSpellingCheck.withinOneEdit("marvin", "marvyn"))
        #expect(NearDuplicateSpellingCheck.withinOneEdit("colour", "color"))
        #expect(!NearDuplicateSpellingCheck.withinOneEdit("marvin", "melvin"))
        #expect(NearDuplicateSpellingCheck.isInflection("house", "houses"))
        #expect(!NearDuplicateSpellingCheck.isInflection("marvin", "marvyn"))
    }
}
