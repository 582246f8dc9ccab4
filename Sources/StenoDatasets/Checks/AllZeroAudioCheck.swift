/// `all-zero-audio`: clips whose every sample is zero.
public struct AllZeroAudioCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "all-zero-audio", category: .audio, severity: .error, requirement: .audio, title: "All-zero audio",
        rationale: "Digital silence with a transcript is a broken recording or conversion; it teaches nothing.")

    public func run(in context: CheckContext) -> [Finding] {
        let items = context.measured.filter { $0.measurement.isAllZero }.map {
            context.item($0.entry, "\($0.measurement.sampleCount) samples, all zero")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "clip"))]
    }
}
