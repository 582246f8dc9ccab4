/// One step of a ``PreprocessingChain``.
public enum PreprocessingStage: Sendable, Equatable {
    /// Cut the silence around the speech (``SilenceTrimmer``).
    case trimSilence(SilenceTrimmer.Options)
    /// Bring the level to a target (``VolumeNormalizer``).
    case normalizeVolume(VolumeNormalizer.Options)
}
