/// `level-inconsistent`: clips whose speech level is far from the set's median: the set is not normalised.
public struct LevelInconsistentCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "level-inconsistent", category: .audio, severity: .info, requirement: .audio,
        title: "Speech level far from the set's median",
        rationale: "Unnormalised levels make the model learn loudness; normalise if inference audio is normalised.")

    public func run(in context: CheckContext) -> [Finding] {
        let levels = context.measured.filter { !$0.measurement.isAllZero && $0.measurement.speechRMSDecibels.isFinite }
        guard levels.count >= 3, let median = quantile(levels.map(\.measurement.speechRMSDecibels).sorted(), 0.5) else { return [] }
        let items = levels.filter { abs($0.measurement.speechRMSDecibels - median) > context.options.levelSpreadDecibels }.map {
            context.item($0.entry, "speech RMS \(formatted($0.measurement.speechRMSDecibels, digits: 1)) dBFS; set median \(formatted(median, digits: 1)) dBFS")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: "\(counted(items.count, "clip")) more than \(formatted(context.options.levelSpreadDecibels)) dB from the median \(formatted(median, digits: 1)) dBFS")]
    }
}
