import StenoCore

/// Thresholds of the checks. Every default is the documented one the CLI uses.
public struct CheckOptions: Sendable {
    /// The sample rate every clip must have; nil: the set's majority rate. Default nil.
    public var expectedSampleRate: SampleRate?
    /// |sample| at or above this counts as clipped (linear, 0...1). Default 0.999 (−0.009 dBFS), which
    /// 16-bit full scale (32767/32768) reaches.
    public var clippingThreshold: Float = 0.999
    /// A clip is flagged when this fraction of its samples is clipped. Default 0.001 (0.1 %).
    public var clippedFractionLimit: Double = 0.001
    /// ... or when this many consecutive samples are clipped (a flattened peak). Default 5.
    public var clippedRunLimit: Int = 5
    /// |mean sample| above this is a DC offset (linear). Default 0.01 (−40 dBFS).
    public var dcOffsetLimit: Double = 0.01
    /// Speech RMS below this is "very low level", dBFS. Default −40.
    public var lowLevelDecibels: Double = -40
    /// Speech RMS further than this from the set's median is flagged as inconsistent, dB. Default 15.
    public var levelSpreadDecibels: Double = 15
    /// Leading or trailing silence longer than max(this, ``longSilenceMedianFactor`` × the set's median)
    /// is flagged, seconds. Default 1.0.
    public var longSilenceMinimumSeconds: Double = 1.0
    /// See ``longSilenceMinimumSeconds``. Default 4.
    public var longSilenceMedianFactor: Double = 4
    /// Where the set's median leading (or trailing) silence is at least ``edgeSilenceTypicalSeconds``,
    /// a clip with less than this at that edge is flagged as speech cut at the edge, seconds. Default 0.02.
    public var edgeSilenceMinimumSeconds: Double = 0.02
    /// See ``edgeSilenceMinimumSeconds``. Default 0.1 s.
    public var edgeSilenceTypicalSeconds: Double = 0.1
    /// More letters and digits per second of audio than this cannot all have been spoken. Default 25.
    public var maximumCharactersPerSecond: Double = 25
    /// Speech longer than `durationSlackSeconds + maximumSecondsPerWord × words` is too long for its
    /// text. Default 1.5 s per word.
    public var maximumSecondsPerWord: Double = 1.5
    /// See ``maximumSecondsPerWord``. Default 2.0 s.
    public var durationSlackSeconds: Double = 2.0
    /// A declared duration (NeMo `duration`, Kaldi segment) further than this from the measured one is
    /// flagged, seconds. Default 0.1.
    public var declaredDurationToleranceSeconds: Double = 0.1
    /// A speaking rate (words per second of speech) above median × this or below median ÷ this is an
    /// outlier. Default 3.
    public var speakingRateFactor: Double = 3
    /// Speaking-rate outliers are looked for only among at least this many clips. Default 5.
    public var speakingRateMinimumClips: Int = 5
    /// A word is "frequent" for the near-duplicate spelling check from this many occurrences. Default 3.
    public var frequentWordMinimumCount: Int = 3
    /// A rare word (at most two occurrences, six letters or more) one letter away from a word this
    /// many times as frequent is reported as a likely misspelling of it. Default 4.
    public var typoFrequencyRatio: Double = 4

    /// Options with the defaults documented on each property; `expectedSampleRate` nil means
    /// "the majority rate of the set".
    public init(expectedSampleRate: SampleRate? = nil) {
        self.expectedSampleRate = expectedSampleRate
    }
}
