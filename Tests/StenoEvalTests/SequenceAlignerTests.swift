import StenoCore
import Foundation
import StenoTestSupport
import Testing

@testable import StenoEval

@Suite struct SequenceAlignerTests {
    @Test func wordCountsEqualJiwerOnTheGoldenCorpus() throws {
        let pairs = try GoldenCorpus.pairs()
        #expect(pairs.count >= 4000)
        var aligner = SequenceAligner()
        var mismatches: [String] = []
        for pair in pairs {
            let reference = pair.reference.split(separator: " ").map(String.init)
            let hypothesis = pair.hypothesis.split(separator: " ").map(String.init)
            let counts = aligner.align(referenceWords: reference, hypothesisWords: hypothesis).counts
            let ours = [counts.substitutions, counts.deletions, counts.insertions, counts.hits]
            if ours != pair.wordCounts { mismatches.append("line \(pair.line): jiwer \(pair.wordCounts) steno \(ours)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test func characterCountsEqualJiwerOnTheGoldenCorpus() throws {
        var aligner = SequenceAligner()
        var mismatches: [String] = []
        for pair in try GoldenCorpus.pairs() {
            let counts = aligner.counts(
                reference: SequenceAligner.characterSymbols(pair.reference),
                hypothesis: SequenceAligner.characterSymbols(pair.hypothesis))
            let ours = [counts.substitutions, counts.deletions, counts.insertions, counts.hits]
            if ours != pair.characterCounts { mismatches.append("line \(pair.line): jiwer \(pair.characterCounts) steno \(ours)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    /// 20,000-word pairs: counts equal jiwer's and the traceback stays far below an n×m matrix
    /// (a bit-packed 20,000² matrix would be 100 MB; we allow 16 MB, the aligner's cap).
    @Test(arguments: try GoldenCorpus.longCases())
    func longPairsEqualJiwerInBoundedMemory(_ c: GoldenCorpus.LongCase) {
        let (reference, hypothesis) = GoldenCorpus.longPair(c)
        #expect(reference.count == c.referenceWords && hypothesis.count == c.hypothesisWords)
        var aligner = SequenceAligner()
        let counts = aligner.counts(reference: reference, hypothesis: hypothesis)
        #expect(counts == EditCounts(substitutions: c.substitutions, deletions: c.deletions,
                                     insertions: c.insertions, hits: c.hits), "seed \(c.seed)")
        let fullMatrixBytes = reference.count * hypothesis.count / 4
        #expect(aligner.peakTracebackBytes <= LevenshteinAligner.tracebackBytesLimit)
        #expect(aligner.peakTracebackBytes < fullMatrixBytes / 4)
    }

    /// Property: the bit-parallel aligner equals a plain dynamic-programming reference that applies
    /// the same traceback preferences, on random short and medium sequences (several 64-bit blocks).
    @Test func bitParallelEqualsPlainDynamicProgramming() {
        var random = SplitMix64(state: 77)
        var aligner = SequenceAligner()
        for trial in 0..<400 {
            let alphabet = Int32(1 + random.next() % 6)
            let m = Int(random.next() % (trial < 200 ? 20 : 300))
            let n = Int(random.next() % (trial < 200 ? 20 : 300))
            let reference = (0..<m).map { _ in Int32(random.next() % UInt64(alphabet)) }
            let hypothesis = (0..<n).map { _ in Int32(random.next() % UInt64(alphabet)) }
            let ours = aligner.align(reference: reference, hypothesis: hypothesis)
            let expected = PlainAligner.counts(reference, hypothesis)
            #expect(ours.counts == expected, "trial \(trial)")
            // The steps reproduce both sequences.
            #expect(ours.steps.compactMap(\.referenceIndex) == Array(0..<m))
            #expect(ours.steps.compactMap(\.hypothesisIndex) == Array(0..<n))
            for step in ours.steps where step.operation == .match {
                #expect(reference[step.referenceIndex ?? -1] == hypothesis[step.hypothesisIndex ?? -1])
            }
        }
    }

    @Test func edgeCases() {
        var aligner = SequenceAligner()
        func counts(_ r: [String], _ h: [String]) -> EditCounts {
            aligner.align(referenceWords: r, hypothesisWords: h).counts
        }
        #expect(counts([], []) == EditCounts())
        #expect(counts([], ["a", "b"]) == EditCounts(insertions: 2))
        #expect(counts(["a", "b"], []) == EditCounts(deletions: 2))
        #expect(counts(["a"], ["b"]) == EditCounts(substitutions: 1))
        #expect(counts(["é", "日本"], ["e\u{301}", "日本"]) == EditCounts(hits: 2))  // canonical equivalence
        #expect(counts(["the", "cat", "sat"], ["the", "sat"]) == EditCounts(deletions: 1, hits: 2))
    }
}

/// A textbook O(n·m) Levenshtein matrix with the same traceback order as RapidFuzz
/// (deletion, then insertion, then diagonal) after removing the common prefix and suffix.
enum PlainAligner {
    static func counts(_ fullReference: [Int32], _ fullHypothesis: [Int32]) -> EditCounts {
        var reference = fullReference[...]
        var hypothesis = fullHypothesis[...]
        var hits = 0
        while let r = reference.first, r == hypothesis.first { reference = reference.dropFirst(); hypothesis = hypothesis.dropFirst(); hits += 1 }
        while let r = reference.last, r == hypothesis.last { reference = reference.dropLast(); hypothesis = hypothesis.dropLast(); hits += 1 }
        let a = Array(reference)
        let b = Array(hypothesis)
        let m = a.count
        let n = b.count
        var d = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: m + 1)
        for i in 0...m { d[i][0] = i }
        for j in 0...n { d[0][j] = j }
        if m > 0 && n > 0 {
            for i in 1...m {
                for j in 1...n {
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
            }
        }
        var counts = EditCounts(hits: hits)
        var i = m
        var j = n
        while i > 0 && j > 0 {
            if d[i][j] == d[i - 1][j] + 1 {
                counts.deletions += 1; i -= 1
            } else {
                j -= 1
                if j > 0 && d[i - 1][j] == d[i][j] + 1 {
                    counts.insertions += 1
                } else {
                    i -= 1
                    if a[i] == b[j] { counts.hits += 1 } else { counts.substitutions += 1 }
                }
            }
        }
        counts.deletions += i
        counts.insertions += j
        return counts
    }
}
