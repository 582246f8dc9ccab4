import Foundation

/// `clipping`: clips with many samples at full scale, or flattened runs of them.
public struct ClippingCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "clipping", category: .audio, severity: .warning, requirement: .audio, title: "Clipping",
        rationale: "Clipped audio adds distortion that is absent at inference time and hides the true waveform.")

    public func run(in context: CheckContext) -> [Finding] {
        let options = context.options
        let items = context.measured.compactMap { entry, measurement -> FindingItem? in
            let fraction = Double(measurement.clippedSampleCount) / Double(max(1, measurement.sampleCount))
            guard !measurement.isAllZero,
                  fraction >= options.clippedFractionLimit || measurement.longestClippedRun >= options.clippedRunLimit
            else { return nil }
            return context.item(entry, "\(measurement.clippedSampleCount) samples clipped (\(formatted(fraction * 100, digits: 3)) %), longest run \(measurement.longestClippedRun)")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "clip"))]
    }
}
