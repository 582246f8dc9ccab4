import StenoCore

/// Builds `WERReport`s: normalises both sides, aligns every utterance, pools the counts and
/// analyses the errors.
///
/// ```swift
/// let scorer = WERScorer(normalizer: TextNormalizer(options: .standard))
/// let reference = try TranscriptReader().read(contentsOf: refURL)
/// let hypothesis = try TranscriptReader().read(contentsOf: hypURL)
/// let paired = try PairedUtterances(reference: reference, hypothesis: hypothesis, policy: .strict)
/// let report = try scorer.score(paired)
/// print(report.kaldiSummaryLine)   // %WER 12.50 [ 5 / 40, 1 ins, 2 del, 2 sub ]
/// ```
public struct WERScorer: Sendable {
    /// Applied to reference and hypothesis alike before alignment.
    public var normalizer: TextNormalizer
    /// Bootstrap, analysis and breakdown options.
    public var options: ScoringOptions

    /// A scorer; the defaults are the standard normalisation and `ScoringOptions()`.
    public init(normalizer: TextNormalizer = TextNormalizer(), options: ScoringOptions = ScoringOptions()) {
        self.normalizer = normalizer
        self.options = options
    }

    /// Scores (id, reference, hypothesis) triples, e.g. from a decoder run.
    public func score(_ pairs: [UtterancePair]) throws -> WERReport {
        try score(PairedUtterances(pairs: pairs))
    }

    /// Scores utterances paired by id.
    ///
    /// - Throws: `EvalError.noUtterances` when there is nothing to score.
    public func score(_ paired: PairedUtterances) throws -> WERReport {
        guard !paired.pairs.isEmpty else {
            throw EvalError(.noUtterances, path: nil, "no utterances to score")
        }
        var vocabulary = Vocabulary()
        var aligner = SequenceAligner()
        var perUtterance: [UtteranceScore] = []
        perUtterance.reserveCapacity(paired.pairs.count)
        var totals = EditCounts()
        var characterTotals = EditCounts()
        var confusions: [PairKey: Int] = [:]
        var deletions: [Int32: Int] = [:]
        var insertions: [Int32: Int] = [:]
        var alignments: [UtteranceAlignment] = []
        var groups: [String: (utterances: Int, counts: EditCounts)] = [:]
        var sentenceErrors = 0
        var emptyReferences = 0

        for pair in paired.pairs {
            let referenceWords = normalizer.words(pair.reference)
            let hypothesisWords = normalizer.words(pair.hypothesis)
            let reference = referenceWords.map { vocabulary.id(for: $0) }
            let hypothesis = hypothesisWords.map { vocabulary.id(for: $0) }
            let alignment = aligner.align(reference: reference, hypothesis: hypothesis)
            let counts = alignment.counts
            for step in alignment.steps {
                switch step.operation {
                case .match: break
                case .substitution:
                    if let i = step.referenceIndex, let j = step.hypothesisIndex {
                        confusions[PairKey(reference: reference[i], hypothesis: hypothesis[j]), default: 0] += 1
                    }
                case .deletion:
                    if let i = step.referenceIndex { deletions[reference[i], default: 0] += 1 }
                case .insertion:
                    if let j = step.hypothesisIndex { insertions[hypothesis[j], default: 0] += 1 }
                }
            }
            characterTotals += aligner.counts(
                reference: SequenceAligner.characterSymbols(referenceWords.joined(separator: " ")),
                hypothesis: SequenceAligner.characterSymbols(hypothesisWords.joined(separator: " ")))
            totals += counts
            if counts.errors > 0 { sentenceErrors += 1 }
            if reference.isEmpty { emptyReferences += 1 }
            perUtterance.append(UtteranceScore(id: pair.id, counts: counts, hypothesisMissing: pair.hypothesisMissing))
            if let field = options.breakdownField {
                let value = pair.fields[field] ?? "(none)"
                var group = groups[value] ?? (0, EditCounts())
                group.utterances += 1
                group.counts += counts
                groups[value] = group
            }
            if options.keepAlignments {
                alignments.append(UtteranceAlignment(
                    id: pair.id, reference: referenceWords, hypothesis: hypothesisWords,
                    operations: alignment.steps.map(\.operation)))
            }
        }

        let definedRates = perUtterance.compactMap(\.wer)
        let breakdown = options.breakdownField.map { field in
            Breakdown(field: field, groups: groups.sorted { $0.key < $1.key }.map {
                GroupScore(value: $0.key, utterances: $0.value.utterances, counts: $0.value.counts)
            })
        }
        return WERReport(
            wer: totals.errorRate, cer: characterTotals.errorRate,
            ser: Double(sentenceErrors) / Double(perUtterance.count),
            substitutions: totals.substitutions, deletions: totals.deletions, insertions: totals.insertions,
            hits: totals.hits, referenceWords: totals.referenceLength, hypothesisWords: totals.hypothesisLength,
            errors: totals.errors, utterances: perUtterance.count, sentenceErrors: sentenceErrors,
            meanUtteranceWER: definedRates.isEmpty ? nil : definedRates.reduce(0, +) / Double(definedRates.count),
            confidenceInterval: Bootstrap.interval(of: perUtterance.map(\.counts), options: options),
            characters: characterTotals, normalization: normalizer.description,
            missingPolicy: paired.policy, missingIDs: paired.missingIDs, extraIDs: paired.extraIDs,
            partial: !paired.missingIDs.isEmpty, emptyReferences: emptyReferences,
            topConfusions: Self.top(confusions, options.topCount).map {
                WordConfusion(reference: vocabulary.word($0.key.reference), hypothesis: vocabulary.word($0.key.hypothesis),
                              count: $0.value)
            },
            topDeletions: Self.top(deletions, options.topCount).map { WordCount(word: vocabulary.word($0.key), count: $0.value) },
            topInsertions: Self.top(insertions, options.topCount).map { WordCount(word: vocabulary.word($0.key), count: $0.value) },
            worstUtterances: Self.worst(perUtterance, options.worstCount), breakdown: breakdown,
            perUtterance: perUtterance, alignments: options.keepAlignments ? alignments : nil,
            audioSeconds: nil, decodeSeconds: nil, realTimeFactor: nil)
    }

    struct PairKey: Hashable, Comparable {
        var reference: Int32
        var hypothesis: Int32
        static func < (a: PairKey, b: PairKey) -> Bool { (a.reference, a.hypothesis) < (b.reference, b.hypothesis) }
    }

    /// The `count` most frequent keys; ties broken by first appearance (interned id order), so the
    /// list is deterministic.
    static func top<Key: Comparable>(_ counts: [Key: Int], _ count: Int) -> [(key: Key, value: Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(count).map { $0 }
    }

    /// Highest WER first; an utterance with errors but an empty reference (undefined WER) ranks
    /// above all; then more errors; then id.
    static func worst(_ scores: [UtteranceScore], _ count: Int) -> [UtteranceScore] {
        func rank(_ s: UtteranceScore) -> Double { s.wer ?? (s.errors > 0 ? .infinity : 0) }
        return scores.filter { $0.errors > 0 }.sorted {
            let (a, b) = (rank($0), rank($1))
            if a != b { return a > b }
            if $0.errors != $1.errors { return $0.errors > $1.errors }
            return $0.id < $1.id
        }.prefix(count).map { $0 }
    }
}
