import Foundation

/// `speaking-rate-outlier`: words per second of speech (after trimming silence) far from the set's median.
public struct SpeakingRateOutlierCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "speaking-rate-outlier", category: .labels, severity: .warning, requirement: .audio,
        title: "Speaking rate far from the rest",
        rationale: "A rate far off the set's usually means a transcript missing words, or belonging to other audio.")

    public func run(in context: CheckContext) -> [Finding] {
        let rated = context.measured.compactMap { entry, measurement -> (CheckEntry, Double)? in
            guard let words = entry.profile?.words.count, words > 0, measurement.speechSeconds > 0.05,
                  !measurement.isAllZero else { return nil }
            return (entry, Double(words) / measurement.speechSeconds)
        }
        guard rated.count >= context.options.speakingRateMinimumClips,
              let median = quantile(rated.map(\.1).sorted(), 0.5), median > 0 else { return [] }
        let factor = context.options.speakingRateFactor
        let items = rated.filter { $0.1 > median * factor || $0.1 < median / factor }.map {
            context.item($0.0, "\(formatted($0.1)) words/s (set median \(formatted(median)) words/s)")
        }
        return items.isEmpty ? [] : [descriptor.finding(items,
            summary: "\(counted(items.count, "clip")) beyond ×\(formatted(factor)) of the median \(formatted(median)) words/s")]
    }
}
