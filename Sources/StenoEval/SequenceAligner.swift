/// Minimum-edit (Levenshtein) alignment of token sequences, with jiwer 4's tie-breaking.
///
/// Equal-cost alignments are resolved exactly as jiwer 4 (through RapidFuzz) resolves them, so the
/// substitution/deletion/insertion split, not just the total, equals jiwer's. Long pairs are split
/// Hirschberg-style, so memory stays linear in the sequence lengths.
///
/// - Complexity: O(⌈m/64⌉·n) time for m reference and n hypothesis tokens.
public struct SequenceAligner {
    private var aligner = LevenshteinAligner()

    /// An aligner with empty scratch buffers (they grow to the longest pair and are reused).
    public init() {}

    /// The largest traceback block this aligner has allocated, in bytes.
    public var peakTracebackBytes: Int { aligner.peakTracebackBytes }

    /// Aligns two sequences of interned symbols (word ids or Unicode scalar values).
    public mutating func align(reference: [Int32], hypothesis: [Int32]) -> Alignment {
        let edits = aligner.edits(reference: reference, hypothesis: hypothesis)
        var steps: [AlignmentStep] = []
        steps.reserveCapacity(max(reference.count, hypothesis.count) + edits.count)
        var counts = EditCounts()
        var i = 0
        var j = 0
        func matchUpTo(referencePosition: Int) {
            while i < referencePosition {
                steps.append(AlignmentStep(operation: .match, referenceIndex: i, hypothesisIndex: j))
                i += 1
                j += 1
                counts.hits += 1
            }
        }
        for edit in edits {
            switch edit.kind {
            case .substitution:
                matchUpTo(referencePosition: edit.referencePosition)
                steps.append(AlignmentStep(operation: .substitution, referenceIndex: i, hypothesisIndex: j))
                i += 1
                j += 1
                counts.substitutions += 1
            case .deletion:
                matchUpTo(referencePosition: edit.referencePosition)
                steps.append(AlignmentStep(operation: .deletion, referenceIndex: i, hypothesisIndex: nil))
                i += 1
                counts.deletions += 1
            case .insertion:
                matchUpTo(referencePosition: edit.referencePosition)
                steps.append(AlignmentStep(operation: .insertion, referenceIndex: nil, hypothesisIndex: j))
                j += 1
                counts.insertions += 1
            }
        }
        matchUpTo(referencePosition: reference.count)
        precondition(j == hypothesis.count, "alignment must consume the whole hypothesis")
        return Alignment(steps: steps, counts: counts)
    }

    /// Counts only (no steps), for callers that need the numbers alone.
    public mutating func counts(reference: [Int32], hypothesis: [Int32]) -> EditCounts {
        let edits = aligner.edits(reference: reference, hypothesis: hypothesis)
        var counts = EditCounts()
        for edit in edits {
            switch edit.kind {
            case .substitution: counts.substitutions += 1
            case .deletion: counts.deletions += 1
            case .insertion: counts.insertions += 1
            }
        }
        counts.hits = reference.count - counts.substitutions - counts.deletions
        return counts
    }

    /// Aligns two word lists (words are compared as Swift strings: canonically equivalent spellings
    /// are equal).
    public mutating func align(referenceWords: [String], hypothesisWords: [String]) -> Alignment {
        var vocabulary = Vocabulary()
        let reference = referenceWords.map { vocabulary.id(for: $0) }
        let hypothesis = hypothesisWords.map { vocabulary.id(for: $0) }
        return align(reference: reference, hypothesis: hypothesis)
    }

    /// The Unicode scalar values of a string, as alignment symbols (for character error rates).
    public static func characterSymbols(_ text: String) -> [Int32] {
        text.unicodeScalars.map { Int32(bitPattern: $0.value) }
    }
}
