import StenoCore
import Foundation
import StenoDecoder
import StenoTestSupport
import Testing

@Suite struct NGramLanguageModelTests {
    static let bundledLM = Fixtures.bundledModel.appendingPathComponent("en-us.lm.bin")

    /// Checks every query of a golden file (made by pocketsphinx, see Fixtures/language-model/README.md).
    static func expectGoldenScores(_ model: NGramLanguageModel, golden: String) throws -> Int {
        let text = try String(contentsOf: Fixtures.url("language-model/\(golden)"), encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 6)
            let (word, previous, before) = (fields[0], fields[1], fields[2])
            let histories: [[String]] = [[previous, before], [previous], []].map { $0.filter { !$0.isEmpty } }
            for (history, expected) in zip(histories, fields[3...5]) {
                let score = model.score(word, history: history).score
                #expect(score == Int32(expected), "\(word) | \(history): \(score), pocketsphinx \(expected)")
                checked += 1
            }
        }
        return checked
    }

    @Test func bundledModelHeaderAndVocabulary() throws {
        let lm = try NGramLanguageModel(contentsOf: Self.bundledLM)
        // SPHINX_NOTES §10.1.
        #expect(lm.order == 3)
        #expect(lm.ngramCounts == [72547, 2_051_547, 1_669_625])
        #expect(lm.vocabulary.count == 72547)
        #expect(lm.word(0) == "'bout" || lm.vocabulary.contains("'bout"))
        #expect(lm.contains("<s>") && lm.contains("</s>") && !lm.contains("<UNK>"))
    }

    @Test func bundledModelScoresEqualPocketsphinx() throws {
        let lm = try NGramLanguageModel(contentsOf: Self.bundledLM)
        let checked = try Self.expectGoldenScores(lm, golden: "lm-bin-scores.tsv")
        #expect(checked > 8000)
    }

    @Test func notesWorkedExample() throws {
        let lm = try NGramLanguageModel(contentsOf: Self.bundledLM)
        let the = try #require(lm.wordID(for: "the")), of = try #require(lm.wordID(for: "of"))
        let start = try #require(lm.wordID(for: "<s>"))
        let raw = lm.score(the, previous: of, beforePrevious: start)
        // SPHINX_NOTES §10.2: raw −21915, weighted −146755, shifted −144.
        #expect(raw.score == -21915)
        #expect(lm.score(the, history: [of, start]) == raw)
        let weighted = LanguageModelWeights().apply(toRawScore: raw.score)
        #expect(weighted == -146_755)
        #expect(weighted >> 10 == -144)
        #expect(LanguageModelWeights().logWordInsertionPenalty == -4308)
        #expect(LanguageModelWeights().apply(toRawScore: NGramLanguageModel.unknownWordScore) == -536_870_912)
        // An unknown word, and an unknown history word (which ends the history).
        #expect(lm.score("zzyzzx", history: ["of"]).score == NGramLanguageModel.unknownWordScore)
        #expect(lm.score("the", history: ["zzyzzx", "of"]) == lm.score("the"))
        #expect(lm.score(the, previous: NGramLanguageModel.noWord, beforePrevious: of) == lm.score(the, history: []))
    }

    @Test func arpaScoresEqualPocketsphinx() throws {
        let lm = try NGramLanguageModel(contentsOf: Fixtures.url("language-model/small.arpa"))
        #expect(lm.ngramCounts == [106, 230, 218])
        let checked = try Self.expectGoldenScores(lm, golden: "small-arpa-scores.tsv")
        #expect(checked > 4000)
    }

    @Test func quantisedArpaScoresEqualPocketsphinx() throws {
        // More than 65,536 bigrams and trigrams: the quantiser merges values into shared centres.
        let text = SyntheticARPA.text()
        let lm = try NGramLanguageModel(arpaText: text, name: "synthetic.arpa")
        #expect(lm.ngramCounts[1] > 65536 && lm.ngramCounts[2] > 65536)
        let checked = try Self.expectGoldenScores(lm, golden: "synthetic-arpa-scores.tsv")
        #expect(checked == 15000)
        // Steno's trie binary of this ARPA model is pocketsphinx's, byte for byte.
        let binary = lm.trieBinary()
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in binary { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let expected = try String(contentsOf: Fixtures.url("language-model/synthetic-lm-bin.fnv1a64"), encoding: .utf8)
        #expect(String(format: "%016llx %d", hash, binary.count) == expected.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func arpaRoundTripsThroughTheTrieBinary() throws {
        let lm = try NGramLanguageModel(contentsOf: Fixtures.url("language-model/small.arpa"))
        let reread = try NGramLanguageModel(trieBinary: lm.trieBinary())
        #expect(reread.vocabulary == lm.vocabulary)
        let checked = try Self.expectGoldenScores(reread, golden: "small-arpa-scores.tsv")
        #expect(checked > 4000)
    }

    @Test func dictionaryMapping() throws {
        let lm = try NGramLanguageModel(contentsOf: Self.bundledLM)
        let dictionary = try PronunciationDictionary(
            contentsOf: Fixtures.bundledModel.appendingPathComponent("cmudict-en-us.dict"),
            fillers: Fixtures.bundledModel.appendingPathComponent("acoustic/noisedict"),
            phones: ModelPhones.inventory)
        let mapping = lm.wordIDs(for: dictionary)
        #expect(mapping.count == dictionary.count)
        let a2 = try #require(dictionary.wordID(for: "a(2)"))
        #expect(mapping[a2] == lm.wordID(for: "a"))
        #expect(mapping[dictionary.silenceID] == NGramLanguageModel.noWord)
        #expect(mapping[dictionary.sentenceStartID] == lm.wordID(for: "<s>"))
        // One LM word of the bundled model has no pronunciation (the dictionary has "ngos" only).
        #expect(lm.wordsMissing(from: dictionary) == ["ngo's"])
    }

    // MARK: hostile input

    static func arpaError(_ text: String) -> DecoderError? {
        do {
            _ = try NGramLanguageModel(arpaText: text, name: "test.arpa")
            return nil
        } catch {
            return error as? DecoderError
        }
    }

    @Test(.requiresSharedData) func hostileArpaFilesAreErrorsNamingFileAndLine() throws {
        for (name, line, phrase) in [
            ("not-enough-ngrams.arpa", 4, "no n-gram counts"),
            ("too-many-ngrams.arpa", 8, "above the highest supported order"),
        ] {
            let url = SharedData.data("hostile/\(name)")
            #expect {
                try NGramLanguageModel(contentsOf: url)
            } throws: { error in
                guard let error = error as? DecoderError else { return false }
                return error.path == url.path && error.line == line && error.reason.contains(phrase)
            }
        }
    }

    @Test func malformedArpaLinesAreReported() throws {
        let good = try String(contentsOf: Fixtures.url("language-model/small.arpa"), encoding: .utf8)
        let lines = good.components(separatedBy: "\n")
        func replacing(_ index: Int, with text: String) -> String {
            var copy = lines
            copy[index] = text
            return copy.joined(separator: "\n")
        }
        let firstBigram = try #require(lines.firstIndex(of: "\\2-grams:")) + 1
        let firstUnigram = try #require(lines.firstIndex(of: "\\1-grams:")) + 1
        let cases: [(String, Int, String)] = [
            (replacing(firstBigram, with: "-0.5 nosuchword </s> -0.1"), firstBigram + 1, "not among the unigrams"),
            (replacing(firstBigram, with: "abc <s> a"), firstBigram + 1, "not a number"),
            (replacing(firstBigram, with: "-0.5"), firstBigram + 1, "fields"),
            (replacing(firstUnigram, with: lines[firstUnigram + 1]), firstUnigram + 2, "duplicate unigram"),
            (good.replacingOccurrences(of: "\\end\\", with: ""), lines.count - 1, "missing \\end\\"),
            (good.replacingOccurrences(of: "ngram 2=230", with: "ngram 2=231"), nil, "expected 231 2-grams, found 230"),
            (good.replacingOccurrences(of: "ngram 2=230", with: "ngram 2=229"), nil, "more 2-grams than the 229"),
            (good.replacingOccurrences(of: "ngram 2=230", with: "ngram 3=230"), 5, "out of order"),
            ("", 0, "no \\data\\"),
        ].map { ($0.0, $0.1 ?? -1, $0.2) }
        for (text, line, phrase) in cases {
            let error = try #require(Self.arpaError(text), "expected an error containing \(phrase)")
            #expect(error.path == "test.arpa")
            #expect(error.reason.contains(phrase), "\(error)")
            if line >= 0 { #expect(error.line == line, "\(error)") }
        }
    }

    @Test func missingSuffixAndDuplicateNGramsAreReported() {
        let base = """
            \\data\\
            ngram 1=3
            ngram 2=2

            \\1-grams:
            -1 <s> -0.3
            -0.5 a -0.2
            -0.5 </s>

            \\2-grams:
            -0.3 <s> a
            %@

            \\end\\
            """
        #expect(Self.arpaError(base.replacingOccurrences(of: "%@", with: "-0.3 a </s>")) == nil)
        let duplicate = Self.arpaError(base.replacingOccurrences(of: "%@", with: "-0.2 <s> a"))
        #expect(duplicate?.line == 12 && duplicate?.reason.contains("duplicate 2-gram (first on line 11)") == true)
        let trigram = base.replacingOccurrences(of: "ngram 2=2", with: "ngram 2=2\nngram 3=1")
            .replacingOccurrences(of: "%@", with: "-0.3 a </s>\n\n\\3-grams:\n-0.1 <s> </s> a")
        let missing = Self.arpaError(trigram)
        #expect(missing?.reason.contains("the 3-gram '<s> </s> a' has no 2-gram '</s> a'") == true, "\(String(describing: missing))")
    }

    @Test func truncatedOrCorruptedBinariesAreErrorsNeverCrashes() throws {
        let small = try NGramLanguageModel(contentsOf: Fixtures.url("language-model/small.arpa")).trieBinary()
        var generator = SplitMix64(state: 11)
        // Every truncation is an error naming the file.
        for cut in stride(from: 0, to: small.count, by: max(1, small.count / 300)) {
            #expect(throws: DecoderError.self) { try NGramLanguageModel(trieBinary: Array(small[..<cut]), path: "cut.lm.bin") }
        }
        // Random corruption either loads (values changed) or is an error; scoring stays in bounds.
        for _ in 0..<300 {
            var bytes = small
            for _ in 0..<4 {
                bytes[Int.random(in: 20..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            guard let lm = try? NGramLanguageModel(trieBinary: bytes, path: "bad.lm.bin") else { continue }
            for _ in 0..<20 {
                let ids = (0..<3).map { _ in Int32.random(in: 0..<Int32(lm.vocabulary.count), using: &generator) }
                _ = lm.score(ids[0], previous: ids[1], beforePrevious: ids[2])
            }
        }
    }

    @Test func fuzzedArpaTextNeverCrashes() throws {
        let good = Array(try Data(contentsOf: Fixtures.url("language-model/small.arpa")))
        var generator = SplitMix64(state: 5)
        for _ in 0..<300 {
            var bytes = Array(good[..<Int.random(in: 0...good.count, using: &generator)])
            for _ in 0..<Int.random(in: 0...6, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            if let lm = try? NGramLanguageModel(arpa: bytes) {
                _ = lm.score("a", history: ["<s>"])
            }
        }
    }
}
