/// `encoding-mismatch`: clips whose container or sample encoding differs from the set's majority.
public struct EncodingMismatchCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "encoding-mismatch", category: .audio, severity: .warning, requirement: .audio,
        title: "Audio encoding differs",
        rationale: "A different encoding (8-bit, µ-law, float, lossy) changes noise floor and dynamics the model sees.")

    public func run(in context: CheckContext) -> [Finding] {
        let measured = context.measured
        guard let common = majority(measured.map(\.measurement.encoding)) else { return [] }
        let items = measured.filter { $0.measurement.encoding != common.value }.map {
            context.item($0.entry, "\($0.measurement.encoding); \(common.count) of \(measured.count) clips are \(common.value)")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "clip"))]
    }
}
