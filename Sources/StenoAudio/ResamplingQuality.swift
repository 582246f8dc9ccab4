/// libsoxr's quality presets, from fastest to most exact.
public enum ResamplingQuality: Sendable, Hashable, CaseIterable {
    /// 16-bit precision, for previews.
    case low
    /// 20-bit precision, passband to 91 % of Nyquist (libsoxr's `SOXR_HQ`): Steno's default.
    case high
    /// 28-bit precision (libsoxr's `SOXR_VHQ`).
    case veryHigh
}
