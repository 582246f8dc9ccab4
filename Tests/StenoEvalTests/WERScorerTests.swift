import Foundation
import StenoCore
import StenoTestSupport
import Testing

@testable import StenoEval

@Suite struct WERScorerTests {
    let raw = WERScorer(normalizer: TextNormalizer(options: .none))

    private func pair(_ id: String, _ r: String, _ h: String, _ fields: [String: String] = [:]) -> UtterancePair {
        UtterancePair(id: UtteranceID(id), reference: r, hypothesis: h, fields: fields)
    }

    /// Corpus counts over the whole golden corpus equal the sum of jiwer's per-pair counts, and the
    /// pooled WER equals (S+D+I)/(H+S+D) computed from jiwer's numbers.
    @Test func pooledCountsEqualJiwerOnGoldenCorpus() throws {
        let golden = try GoldenCorpus.pairs()
        let report = try raw.score(golden.enumerated().map { pair("p\($0.offset)", $0.element.reference, $0.element.hypothesis) })
        let s: Int = golden.map { $0.wordCounts[0] }.reduce(0, +)
        let d: Int = golden.map { $0.wordCounts[1] }.reduce(0, +)
        let i: Int = golden.map { $0.wordCounts[2] }.reduce(0, +)
        let h: Int = golden.map { $0.wordCounts[3] }.reduce(0, +)
        let ours: [Int] = [report.substitutions, report.deletions, report.insertions, report.hits]
        #expect(ours == [s, d, i, h])
        // Exact: both sides divide the same integers.
        #expect(report.wer == Double(s + d + i) / Double(h + s + d))
        let cs: [Int] = golden.map(\.characterCounts).reduce([0, 0, 0, 0]) { total, next in zip(total, next).map { $0 + $1 } }
        #expect(report.cer == Double(cs[0] + cs[1] + cs[2]) / Double(cs[3] + cs[0] + cs[1]))
        for (score, g) in zip(report.perUtterance, golden) {
            let row: [Int] = [score.substitutions, score.deletions, score.insertions, score.hits]
            #expect(row == g.wordCounts)
        }
    }

    /// `--normalize none` tokenises raw text (capitals, punctuation, runs of spaces) exactly as
    /// jiwer's default transform: per-pair counts equal jiwer's on Fixtures/eval/jiwer-raw.golden.tsv.
    @Test func normalizeNoneEqualsJiwerDefaultTransform() throws {
        let text = try String(contentsOf: Fixtures.url("eval/jiwer-raw.golden.tsv"), encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 300)
        let pairs = rows.enumerated().map { pair("r\($0.offset)", String($0.element[1]), String($0.element[2])) }
        let report = try raw.score(pairs)
        for (score, row) in zip(report.perUtterance, rows) {
            let ours: [Int] = [score.substitutions, score.deletions, score.insertions, score.hits]
            #expect(ours == row[0].split(separator: " ").compactMap { Int($0) }, "\(score.id)")
        }
    }

    @Test func emptyReferenceHypothesisAndBoth() throws {
        let report = try raw.score([
            pair("emptyRef", "", "oh no"), pair("emptyHyp", "a b c", ""), pair("both", "", ""), pair("ok", "x y", "x y"),
        ])
        let byID = Dictionary(uniqueKeysWithValues: report.perUtterance.map { ($0.id.rawValue, $0) })
        #expect(byID["emptyRef"]?.wer == nil && byID["emptyRef"]?.insertions == 2)
        #expect(byID["emptyHyp"]?.wer == 1 && byID["emptyHyp"]?.deletions == 3)
        #expect(byID["both"]?.wer == nil && byID["both"]?.errors == 0)
        #expect(report.referenceWords == 5)
        #expect(report.wer == 5.0 / 5.0)  // the corpus WER counts the empty reference's insertions
        #expect(report.emptyReferences == 2)
        #expect(report.sentenceErrors == 2 && report.ser == 0.5)
        #expect(report.meanUtteranceWER == (1.0 + 0.0) / 2)  // only defined utterance rates
        #expect(report.worstUtterances.first?.id == "emptyRef")  // undefined WER with errors ranks first
        // All-empty references: the corpus WER itself is undefined, not a crash or infinity.
        let allEmpty = try raw.score([pair("a", "", "x"), pair("b", "", "")])
        #expect(allEmpty.wer == nil && allEmpty.insertions == 1)
        let json = String(decoding: try JSONEncoder().encode(allEmpty), as: UTF8.self)
        #expect(json.contains("\"wer\":null"))
    }

    @Test func oneLetterWordsAndNonASCII() throws {
        let report = try raw.score([pair("1", "a b c d", "a x c"), pair("2", "日本 語 ü", "日本 go ü ü")])
        #expect(report.counts == EditCounts(substitutions: 2, deletions: 1, insertions: 1, hits: 4))
        #expect(report.topConfusions.map { "\($0.reference)>\($0.hypothesis)" }.sorted() == ["b>x", "語>ü"])  // jiwer: 日本 ** 語 ü / 日本 go ü ü
    }

    @Test func noUtterancesIsAnError() {
        #expect(throws: EvalError.self) { try raw.score([]) }
    }

    @Test func analysisListsConfusionsDeletionsInsertionsAndWorst() throws {
        let report = try raw.score([
            pair("u1", "the cat sat", "the hat sat"), pair("u2", "the cat ran", "the hat ran away"),
            pair("u3", "a dog", "dog"), pair("u4", "a b c d e f g h i j", "a b c d e f g h i j"),
        ])
        #expect(report.topConfusions == [WordConfusion(reference: "cat", hypothesis: "hat", count: 2)])
        #expect(report.topDeletions == [WordCount(word: "a", count: 1)])
        #expect(report.topInsertions == [WordCount(word: "away", count: 1)])
        #expect(report.worstUtterances.map(\.id) == ["u2", "u3", "u1"])  // 2/3, then 1/2, then 1/3
        #expect(report.sentenceErrors == 3)
    }

    @Test func breakdownGroupsAddUp() throws {
        let options = ScoringOptions(breakdownField: "speaker")
        let report = try WERScorer(normalizer: TextNormalizer(options: .none), options: options).score([
            pair("1", "a b", "a c", ["speaker": "s1"]), pair("2", "a b c", "a b c", ["speaker": "s2"]),
            pair("3", "d", "", ["speaker": "s1"]), pair("4", "e", "e"),
        ])
        let groups = try #require(report.breakdown).groups
        #expect(groups.map(\.value) == ["(none)", "s1", "s2"])
        #expect(groups[1].wer == 2.0 / 3.0 && groups[1].utterances == 2)
        #expect(groups.map(\.referenceWords).reduce(0, +) == report.referenceWords)
    }

    @Test func bootstrapIsSeededAndBracketsTheWER() throws {
        var random = SplitMix64(state: 3)
        let pairs = (0..<200).map { index -> UtterancePair in
            let words = (0..<8).map { _ in "w\(random.next() % 5)" }
            let hyp = words.map { random.next() % 5 == 0 ? "x" : $0 }
            return pair("u\(index)", words.joined(separator: " "), hyp.joined(separator: " "))
        }
        let a = try raw.score(pairs)
        let b = try raw.score(pairs)
        let otherSeed = try WERScorer(normalizer: TextNormalizer(options: .none),
                                      options: ScoringOptions(bootstrapSeed: 99)).score(pairs)
        let interval = try #require(a.confidenceInterval)
        let wer = try #require(a.wer)
        #expect(interval == b.confidenceInterval)
        #expect(interval != otherSeed.confidenceInterval)
        #expect(interval.lower < wer && wer < interval.upper)
        #expect(interval.resamples == 1000 && interval.level == 0.95)
        // The 95% interval of a ~20% WER over 1,600 words is a few points wide, not zero, not huge.
        #expect(interval.upper - interval.lower > 0.01 && interval.upper - interval.lower < 0.1)
    }

    @Test func pairedComparisonDetectsABetterSystem() throws {
        var random = SplitMix64(state: 4)
        var baseline: [UtterancePair] = []
        var candidate: [UtterancePair] = []
        for index in 0..<300 {
            let words = (0..<10).map { _ in "w\(random.next() % 50)" }
            let worse = words.map { random.next() % 4 == 0 ? "x" : $0 }
            let better = zip(words, worse).map { random.next() % 2 == 0 ? $0.0 : $0.1 }
            baseline.append(pair("u\(index)", words.joined(separator: " "), worse.joined(separator: " ")))
            candidate.append(pair("u\(index)", words.joined(separator: " "), better.joined(separator: " ")))
        }
        let a = try raw.score(baseline)
        let b = try raw.score(candidate)
        let comparison = SystemComparison(baseline: "A", baselineReport: a, candidate: "B", candidateReport: b)
        let difference = try #require(comparison.werDifference)
        #expect(abs(difference - ((b.wer ?? 0) - (a.wer ?? 0))) < 1e-12)  // same utterances: plain difference
        #expect(difference < 0)
        #expect(try #require(comparison.confidenceInterval).upper < 0)
        #expect(try #require(comparison.candidateBetterFraction) > 0.99)
        // A system compared with itself: zero difference, interval [0, 0].
        let same = SystemComparison(baseline: "A", baselineReport: a, candidate: "A", candidateReport: a)
        #expect(same.werDifference == 0 && same.confidenceInterval?.lower == 0 && same.confidenceInterval?.upper == 0)
        #expect(same.textSummary.contains("+0.00 points"))
    }

    @Test func jsonHasTheStableTopLevelKeys() throws {
        let report = try WERScorer().score([pair("u1", "Hello world", "hello word"), pair("u2", "", "")])
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        for key in ["wer", "cer", "ser", "substitutions", "deletions", "insertions", "hits", "referenceWords",
                    "utterances", "normalization", "perUtterance", "meanUtteranceWER", "confidenceInterval"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        let rows = try #require(object["perUtterance"] as? [[String: Any]])
        #expect(rows.count == 2)
        for key in ["id", "wer", "substitutions", "deletions", "insertions", "hits", "referenceWords"] {
            #expect(rows.allSatisfy { $0.keys.contains(key) }, "perUtterance missing \(key)")
        }
        #expect(rows[1]["wer"] is NSNull)
        // Round trip through Decodable keeps the numbers.
        let decoded = try JSONDecoder().decode(WERReport.self, from: JSONEncoder().encode(report))
        #expect(decoded.counts == report.counts && decoded.perUtterance == report.perUtterance)
    }

    @Test func alignmentLinesAreScliteStyle() throws {
        let options = ScoringOptions(keepAlignments: true)
        let report = try WERScorer(normalizer: TextNormalizer(options: .none), options: options)
            .score([pair("u1", "the cat sat on the mat", "the cat sit on mat"), pair("u2", "a b", "a b c")])
        let alignments = try #require(report.alignments)
        #expect(alignments[0].scliteLines == [
            "id: (u1)",
            "REF:  the cat SAT on THE mat",
            "HYP:  the cat SIT on *** mat",
            "EVAL:         S      D",
        ])
        #expect(alignments[1].scliteLines == ["id: (u2)", "REF:  a b ***", "HYP:  a b C", "EVAL:     I"])
        #expect(report.textReport.contains("REF:  the cat SAT on THE mat"))
    }

    /// Kaldi compute-wer's --mode behaviour on a case with missing and extra ids: the expected lines
    /// come from Fixtures/eval/make_kaldi_golden.py (compute-wer's loop with Kaldi's edit distance).
    @Test func missingModesMatchKaldiComputeWER() throws {
        let golden = try String(contentsOf: Fixtures.url("eval/kaldi-modes.golden.txt"), encoding: .utf8)
        var expected: [String: [String]] = [:]
        var mode = ""
        for line in golden.split(separator: "\n") {
            if line.hasPrefix("== ") { mode = String(line.dropFirst(3)) } else { expected[mode, default: []].append(String(line)) }
        }
        let reference = try TranscriptReader().read(contentsOf: Fixtures.url("eval/kaldi-ref.txt"))
        let hypothesis = try TranscriptReader().read(contentsOf: Fixtures.url("eval/kaldi-hyp.txt"))

        do {
            _ = try PairedUtterances(reference: reference, hypothesis: hypothesis, policy: .strict)
            Issue.record("strict mode must fail")
        } catch let error as EvalError {
            #expect(error.kind == .missingHypotheses)
            #expect(expected["strict"]?.first?.contains("spk1-utt2") == true)
            #expect(error.reason.contains("spk1-utt2") && error.reason.contains("spk3-utt2"))
            #expect(error.path?.hasSuffix("kaldi-hyp.txt") == true)
        }
        for (policy, kaldiMode) in [(MissingPolicy.present, "present"), (.empty, "all")] {
            let paired = try PairedUtterances(reference: reference, hypothesis: hypothesis, policy: policy)
            #expect(paired.missingIDs == ["spk1-utt2", "spk3-utt2"])
            #expect(paired.extraIDs == ["spk9-utt1"])
            let report = try raw.score(paired)
            let ours = Array(report.textReport.split(separator: "\n").prefix(3).map(String.init))
            #expect(ours == expected[kaldiMode], "mode \(kaldiMode)")
        }
    }
}
