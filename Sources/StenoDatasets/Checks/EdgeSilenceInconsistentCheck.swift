/// `edge-silence-inconsistent`: clips with (almost) no silence at an edge where the set normally has
/// some: the speech was probably cut off by the recording or a previous trim.
public struct EdgeSilenceInconsistentCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "edge-silence-inconsistent", category: .audio, severity: .warning, requirement: .audio,
        title: "Speech touches the clip edge where the set has silence",
        rationale: "Speech cut at the edge loses phones the transcript still claims; padding is inconsistent across the set.")

    public func run(in context: CheckContext) -> [Finding] {
        let measured = context.measured.filter { !$0.measurement.isAllZero && $0.measurement.speechSeconds > 0 }
        guard measured.count >= 3, let distribution = SilenceDistribution(measured.map(\.measurement)) else { return [] }
        let options = context.options
        let checkLeading = distribution.leadingMedianSeconds >= options.edgeSilenceTypicalSeconds
        let checkTrailing = distribution.trailingMedianSeconds >= options.edgeSilenceTypicalSeconds
        guard checkLeading || checkTrailing else { return [] }
        let items = measured.compactMap { entry, measurement -> FindingItem? in
            var edges: [String] = []
            if checkLeading && measurement.leadingSilenceSeconds < options.edgeSilenceMinimumSeconds {
                edges.append("starts with speech (\(formatted(measurement.leadingSilenceSeconds, digits: 3)) s silence; median \(formatted(distribution.leadingMedianSeconds)) s)")
            }
            if checkTrailing && measurement.trailingSilenceSeconds < options.edgeSilenceMinimumSeconds {
                edges.append("ends in speech (\(formatted(measurement.trailingSilenceSeconds, digits: 3)) s silence; median \(formatted(distribution.trailingMedianSeconds)) s)")
            }
            return edges.isEmpty ? nil : context.item(entry, edges.joined(separator: "; "))
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "clip"))]
    }
}
