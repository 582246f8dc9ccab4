import StenoCore

/// What ``VolumeNormalizer`` measured and did.
public struct NormalizationResult: Sendable, Equatable {
    /// Why the gain applied differs from the gain the target asked for.
    public enum Limit: Sendable, Equatable {
        /// The target was reached.
        case none
        /// The gain was lowered so that the peak stays under the ceiling.
        case peakCeiling
        /// The gain was capped at the maximum gain.
        case maximumGain
        /// The level could not be measured (silence, or too short or too low a rate for loudness):
        /// the audio was left unchanged, or only attenuated to the peak ceiling if it was over it.
        case unmeasurable
    }

    /// The target.
    public var target: NormalizationTarget
    /// The input's level in the target's unit, or nil when it could not be measured.
    public var measuredLevel: Double?
    /// The gain applied, in dB (negative attenuates).
    public var gainDecibels: Double
    /// What limited the gain, if anything.
    public var limit: Limit
    /// The output's peak in dBFS, or nil for silence.
    public var outputPeakDBFS: Double?
    /// The normalised audio.
    public var normalized: AudioBuffer

    /// A normalisation report; levels in the units of `target`, gains in dB.
    public init(target: NormalizationTarget, measuredLevel: Double?, gainDecibels: Double, limit: Limit,
                outputPeakDBFS: Double?, normalized: AudioBuffer) {
        self.target = target
        self.measuredLevel = measuredLevel
        self.gainDecibels = gainDecibels
        self.limit = limit
        self.outputPeakDBFS = outputPeakDBFS
        self.normalized = normalized
    }

    /// Whether the output is at the target level (no limit applied).
    public var reachedTarget: Bool { limit == .none }
}
