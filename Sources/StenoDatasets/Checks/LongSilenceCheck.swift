/// `long-leading-silence` and `long-trailing-silence`: silence at one edge far longer than the set's usual.
///
/// A clip is flagged when its silence exceeds max(``CheckOptions/longSilenceMinimumSeconds``,
/// ``CheckOptions/longSilenceMedianFactor`` × the set's median); the message gives the median and p95.
public struct LongSilenceCheck: DatasetCheck {
    /// Which edge of the clip.
    public enum Edge: Sendable { case leading, trailing }

    /// Which end of the clip this instance checks.
    public let edge: Edge
    public let descriptor: CheckDescriptor

    /// The `long-leading-silence` or `long-trailing-silence` check.
    public init(_ edge: Edge) {
        self.edge = edge
        descriptor = switch edge {
        case .leading:
            CheckDescriptor(id: "long-leading-silence", category: .audio, severity: .warning, requirement: .audio,
                            title: "Long leading silence",
                            rationale: "Long silence before speech wastes compute and teaches silence-to-word alignments; trim it consistently.")
        case .trailing:
            CheckDescriptor(id: "long-trailing-silence", category: .audio, severity: .warning, requirement: .audio,
                            title: "Long trailing silence",
                            rationale: "Long silence after speech invites insertions and skews endpointing; trim it consistently.")
        }
    }

    public func run(in context: CheckContext) -> [Finding] {
        let measured = context.measured.filter { !$0.measurement.isAllZero }
        guard let distribution = SilenceDistribution(measured.map(\.measurement)) else { return [] }
        let median = edge == .leading ? distribution.leadingMedianSeconds : distribution.trailingMedianSeconds
        let p95 = edge == .leading ? distribution.leadingP95Seconds : distribution.trailingP95Seconds
        let limit = max(context.options.longSilenceMinimumSeconds, context.options.longSilenceMedianFactor * median)
        let items = measured.compactMap { entry, measurement -> FindingItem? in
            let silence = edge == .leading ? measurement.leadingSilenceSeconds : measurement.trailingSilenceSeconds
            guard silence > limit else { return nil }
            return context.item(entry, "\(formatted(silence)) s (set median \(formatted(median)) s, p95 \(formatted(p95)) s)")
        }
        return items.isEmpty ? [] : [descriptor.finding(items,
            summary: "\(counted(items.count, "clip")) over \(formatted(limit)) s; median \(formatted(median)) s, p95 \(formatted(p95)) s over \(distribution.clipCount) clips")]
    }
}
