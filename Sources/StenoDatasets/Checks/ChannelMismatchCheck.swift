/// `channel-mismatch`: clips whose channel count differs from the set's majority.
public struct ChannelMismatchCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "channel-mismatch", category: .audio, severity: .warning, requirement: .audio,
        title: "Channel count differs",
        rationale: "Mixing stereo down (or picking a channel) changes level and content differently per tool.")

    public func run(in context: CheckContext) -> [Finding] {
        let measured = context.measured
        guard let common = majority(measured.map(\.measurement.channelCount)) else { return [] }
        let items = measured.filter { $0.measurement.channelCount != common.value }.map {
            context.item($0.entry, "\($0.measurement.channelCount) channels; \(common.count) of \(measured.count) clips have \(common.value)")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "clip"))]
    }
}
