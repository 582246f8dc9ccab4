import StenoCore

/// The result of scoring a set of utterances: pooled rates, counts, analysis and per-utterance rows.
///
/// JSON (`Codable`) keys are stable, scripts read them: `wer`, `cer`, `ser`, `substitutions`,
/// `deletions`, `insertions`, `hits`, `referenceWords`, `hypothesisWords`, `errors`, `utterances`,
/// `sentenceErrors`, `meanUtteranceWER`, `confidenceInterval`, `characters`, `normalization`,
/// `missingPolicy`, `missingIDs`, `extraIDs`, `partial`, `emptyReferences`, `topConfusions`,
/// `topDeletions`, `topInsertions`, `worstUtterances`, `breakdown`, `perUtterance`, `alignments`,
/// and, when a decoder filled them, `audioSeconds`, `decodeSeconds`, `realTimeFactor`.
/// Rates are fractions (0.125), not percentages; an undefined rate is `null`.
public struct WERReport: Sendable, Codable {
    /// Pooled word error rate: all errors / all reference words. Nil only when there are no reference
    /// words at all. Empty references add their insertions here.
    public var wer: Double?
    /// Pooled character error rate over the normalised words joined by single spaces.
    public var cer: Double?
    /// Sentence error rate: utterances with at least one word error / utterances scored.
    public var ser: Double?
    public var substitutions: Int
    public var deletions: Int
    public var insertions: Int
    public var hits: Int
    /// Hits + substitutions + deletions over all scored utterances.
    public var referenceWords: Int
    /// Hits + substitutions + insertions over all scored utterances.
    public var hypothesisWords: Int
    /// Substitutions + deletions + insertions: the numerator of `wer`.
    public var errors: Int
    /// Utterances scored.
    public var utterances: Int
    /// Utterances with at least one error.
    public var sentenceErrors: Int
    /// The mean of the per-utterance WERs (utterances with a non-empty reference only). This is not
    /// the corpus WER: short utterances weigh as much as long ones.
    public var meanUtteranceWER: Double?
    /// Bootstrap interval of the pooled WER (resampling utterances); nil when turned off or with
    /// fewer than two utterances.
    public var confidenceInterval: ConfidenceInterval?
    /// Character-level counts behind `cer`.
    public var characters: EditCounts
    /// The normalisation applied to both sides.
    public var normalization: NormalizationDescription
    /// How reference ids without a hypothesis were treated.
    public var missingPolicy: MissingPolicy
    /// Reference ids without a hypothesis.
    public var missingIDs: [UtteranceID]
    /// Hypothesis ids without a reference (not scored).
    public var extraIDs: [UtteranceID]
    /// True when some reference utterances had no hypothesis (skipped or scored as empty), like
    /// Kaldi compute-wer's [PARTIAL] marker.
    public var partial: Bool
    /// Utterances whose normalised reference is empty.
    public var emptyReferences: Int
    /// The most frequent substitution pairs, most frequent first (`ScoringOptions.topCount`).
    public var topConfusions: [WordConfusion]
    /// The most often deleted reference words, most frequent first.
    public var topDeletions: [WordCount]
    /// The most often inserted hypothesis words, most frequent first.
    public var topInsertions: [WordCount]
    /// The utterances with the highest WER (undefined-WER utterances with errors first), then most errors.
    public var worstUtterances: [UtteranceScore]
    /// Results per value of `ScoringOptions.breakdownField`; nil when none was asked for.
    public var breakdown: Breakdown?
    /// Every scored utterance, in reference file order.
    public var perUtterance: [UtteranceScore]
    /// Word alignments, when asked for.
    public var alignments: [UtteranceAlignment]?
    /// Total audio duration in seconds (filled by `steno eval`).
    public var audioSeconds: Double?
    /// Total decoding wall time in seconds (filled by `steno eval`).
    public var decodeSeconds: Double?
    /// decodeSeconds / audioSeconds (filled by `steno eval`).
    public var realTimeFactor: Double?

    /// The pooled word counts.
    public var counts: EditCounts {
        EditCounts(substitutions: substitutions, deletions: deletions, insertions: insertions, hits: hits)
    }

    enum CodingKeys: String, CodingKey {
        case wer, cer, ser, substitutions, deletions, insertions, hits, referenceWords, hypothesisWords, errors
        case utterances, sentenceErrors, meanUtteranceWER, confidenceInterval, characters, normalization
        case missingPolicy, missingIDs, extraIDs, partial, emptyReferences, topConfusions, topDeletions
        case topInsertions, worstUtterances, breakdown, perUtterance, alignments
        case audioSeconds, decodeSeconds, realTimeFactor
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        // Rates are always present (null when undefined) so scripts can rely on the keys.
        try c.encode(wer, forKey: .wer)
        try c.encode(cer, forKey: .cer)
        try c.encode(ser, forKey: .ser)
        try c.encode(substitutions, forKey: .substitutions)
        try c.encode(deletions, forKey: .deletions)
        try c.encode(insertions, forKey: .insertions)
        try c.encode(hits, forKey: .hits)
        try c.encode(referenceWords, forKey: .referenceWords)
        try c.encode(hypothesisWords, forKey: .hypothesisWords)
        try c.encode(errors, forKey: .errors)
        try c.encode(utterances, forKey: .utterances)
        try c.encode(sentenceErrors, forKey: .sentenceErrors)
        try c.encode(meanUtteranceWER, forKey: .meanUtteranceWER)
        try c.encode(confidenceInterval, forKey: .confidenceInterval)
        try c.encode(characters, forKey: .characters)
        try c.encode(normalization, forKey: .normalization)
        try c.encode(missingPolicy, forKey: .missingPolicy)
        try c.encode(missingIDs, forKey: .missingIDs)
        try c.encode(extraIDs, forKey: .extraIDs)
        try c.encode(partial, forKey: .partial)
        try c.encode(emptyReferences, forKey: .emptyReferences)
        try c.encode(topConfusions, forKey: .topConfusions)
        try c.encode(topDeletions, forKey: .topDeletions)
        try c.encode(topInsertions, forKey: .topInsertions)
        try c.encode(worstUtterances, forKey: .worstUtterances)
        try c.encodeIfPresent(breakdown, forKey: .breakdown)
        try c.encode(perUtterance, forKey: .perUtterance)
        try c.encodeIfPresent(alignments, forKey: .alignments)
        try c.encodeIfPresent(audioSeconds, forKey: .audioSeconds)
        try c.encodeIfPresent(decodeSeconds, forKey: .decodeSeconds)
        try c.encodeIfPresent(realTimeFactor, forKey: .realTimeFactor)
    }
}
