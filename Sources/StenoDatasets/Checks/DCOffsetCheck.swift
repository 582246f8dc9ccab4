import Foundation

/// `dc-offset`: clips whose mean sample value is far from zero.
public struct DCOffsetCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "dc-offset", category: .audio, severity: .warning, requirement: .audio, title: "DC offset",
        rationale: "A DC offset wastes headroom and skews energy-based silence detection and the first cepstral coefficient.")

    public func run(in context: CheckContext) -> [Finding] {
        let items = context.measured.filter { abs($0.measurement.dcOffset) > context.options.dcOffsetLimit }.map {
            context.item($0.entry, "mean sample \(formatted($0.measurement.dcOffset, digits: 4)) (limit ±\(formatted(context.options.dcOffsetLimit, digits: 4)))")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "clip"))]
    }
}
