/// A bootstrap percentile interval.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// Coverage, e.g. 0.95.
    public var level: Double
    /// Lower bound, as a fraction like the rate it bounds (0.10 = 10 %).
    public var lower: Double
    /// Upper bound, as a fraction.
    public var upper: Double
    /// Number of resamples it was computed from.
    public var resamples: Int
    /// The generator seed (the same seed reproduces the interval).
    public var seed: UInt64

    /// An interval of coverage `level` in (0, 1) with bounds as fractions, from `resamples` resamples drawn with `seed`.
    public init(level: Double, lower: Double, upper: Double, resamples: Int, seed: UInt64) {
        self.level = level
        self.lower = lower
        self.upper = upper
        self.resamples = resamples
        self.seed = seed
    }
}
