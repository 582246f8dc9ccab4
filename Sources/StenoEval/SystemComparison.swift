import StenoCore

/// Two systems scored on the same references: both WERs and their difference, with a paired
/// bootstrap interval, so a team can tell whether a change helped.
public struct SystemComparison: Sendable, Hashable, Codable {
    /// Name of the baseline (usually its hypothesis file).
    public var baseline: String
    /// Name of the candidate.
    public var candidate: String
    /// Utterances scored by both (the comparison is made on these only).
    public var utterances: Int
    /// The baseline's pooled WER on the common utterances, as a fraction; nil with no reference words.
    public var baselineWER: Double?
    /// The candidate's pooled WER on the common utterances, as a fraction; nil with no reference words.
    public var candidateWER: Double?
    /// candidateWER − baselineWER on the common utterances (negative: the candidate is better).
    public var werDifference: Double?
    /// Paired bootstrap interval of the difference (same resampled utterances for both systems).
    public var confidenceInterval: ConfidenceInterval?
    /// Fraction of resamples in which the candidate had the lower WER.
    public var candidateBetterFraction: Double?

    /// Compares two reports on the utterances both scored (hypotheses present in both).
    public init(baseline: String, baselineReport: WERReport, candidate: String, candidateReport: WERReport,
                options: ScoringOptions = ScoringOptions()) {
        let candidateByID = Dictionary(candidateReport.perUtterance.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var baselineCounts: [EditCounts] = []
        var candidateCounts: [EditCounts] = []
        for score in baselineReport.perUtterance where !score.hypothesisMissing {
            guard let other = candidateByID[score.id], !other.hypothesisMissing else { continue }
            baselineCounts.append(score.counts)
            candidateCounts.append(other.counts)
        }
        let baselineTotal = baselineCounts.reduce(EditCounts(), +)
        let candidateTotal = candidateCounts.reduce(EditCounts(), +)
        self.baseline = baseline
        self.candidate = candidate
        utterances = baselineCounts.count
        baselineWER = baselineTotal.errorRate
        candidateWER = candidateTotal.errorRate
        if let b = baselineWER, let c = candidateWER { werDifference = c - b } else { werDifference = nil }
        let paired = Bootstrap.differenceInterval(baseline: baselineCounts, candidate: candidateCounts, options: options)
        confidenceInterval = paired.interval
        candidateBetterFraction = paired.candidateBetterFraction
    }
}
