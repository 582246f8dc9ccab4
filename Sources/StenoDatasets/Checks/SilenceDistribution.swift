/// Median and 95th percentile of leading and trailing silence over the measured clips.
public struct SilenceDistribution: Sendable, Hashable, Codable {
    /// Clips the distribution is over (those that are not all zero).
    public let clipCount: Int
    public let leadingMedianSeconds: Double
    /// 95th percentile of leading silence, in seconds (median: `leadingMedianSeconds`).
    public let leadingP95Seconds: Double
    public let trailingMedianSeconds: Double
    /// 95th percentile of trailing silence, in seconds (median: `trailingMedianSeconds`).
    public let trailingP95Seconds: Double

    /// Over the clips that are not all zero; nil when there are none.
    init?(_ measurements: [AudioMeasurement]) {
        let clips = measurements.filter { !$0.isAllZero }
        let leading = clips.map(\.leadingSilenceSeconds).sorted()
        let trailing = clips.map(\.trailingSilenceSeconds).sorted()
        guard let leadingMedian = quantile(leading, 0.5), let leadingP95 = quantile(leading, 0.95),
              let trailingMedian = quantile(trailing, 0.5), let trailingP95 = quantile(trailing, 0.95)
        else { return nil }
        clipCount = clips.count
        leadingMedianSeconds = leadingMedian
        leadingP95Seconds = leadingP95
        trailingMedianSeconds = trailingMedian
        trailingP95Seconds = trailingP95
    }
}
