/// Options of `WERScorer` beyond normalisation.
public struct ScoringOptions: Sendable, Hashable {
    /// Bootstrap resamples for the confidence interval; 0 turns it off. Default 1000.
    public var bootstrapResamples: Int
    /// Seed of the bootstrap's SplitMix64 generator: the same seed gives the same interval. Default 1.
    public var bootstrapSeed: UInt64
    /// Coverage of the interval, in (0, 1). Default 0.95.
    public var confidenceLevel: Double
    /// How many confusion pairs, deleted and inserted words to list. Default 10.
    public var topCount: Int
    /// How many worst utterances to list. Default 10.
    public var worstCount: Int
    /// Field to break the results down by (`speaker`, a JSONL key, ...); nil for none. Default nil.
    public var breakdownField: String?
    /// Keep each utterance's word alignment in the report (for REF/HYP/EVAL output). Default false.
    public var keepAlignments: Bool

    /// Options with the defaults documented on each property.
    public init(bootstrapResamples: Int = 1000, bootstrapSeed: UInt64 = 1, confidenceLevel: Double = 0.95,
                topCount: Int = 10, worstCount: Int = 10, breakdownField: String? = nil,
                keepAlignments: Bool = false) {
        self.bootstrapResamples = bootstrapResamples
        self.bootstrapSeed = bootstrapSeed
        self.confidenceLevel = confidenceLevel
        self.topCount = topCount
        self.worstCount = worstCount
        self.breakdownField = breakdownField
        self.keepAlignments = keepAlignments
    }
}
