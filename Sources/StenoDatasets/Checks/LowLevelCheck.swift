/// `low-level`: clips whose speech is very quiet.
public struct LowLevelCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "low-level", category: .audio, severity: .warning, requirement: .audio, title: "Very low level",
        rationale: "Very quiet speech is close to the noise floor and quantisation; features become noise.")

    public func run(in context: CheckContext) -> [Finding] {
        let items = context.measured.filter {
            !$0.measurement.isAllZero && $0.measurement.speechRMSDecibels < context.options.lowLevelDecibels
        }.map {
            context.item($0.entry, "speech RMS \(formatted($0.measurement.speechRMSDecibels, digits: 1)) dBFS (limit \(formatted(context.options.lowLevelDecibels, digits: 1)) dBFS)")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "clip"))]
    }
}
