/// `declared-duration-mismatch`: the manifest's duration (NeMo `duration`, Kaldi segment) differs from the audio.
public struct DeclaredDurationMismatchCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "declared-duration-mismatch", category: .audio, severity: .warning, requirement: .audio,
        title: "Declared duration differs from the audio",
        rationale: "Tools that batch or filter by the declared duration cut or pad the audio wrongly.")

    public func run(in context: CheckContext) -> [Finding] {
        let items = context.measured.compactMap { entry, measurement -> FindingItem? in
            guard let declared = entry.utterance.declaredDurationSeconds,
                  abs(declared - measurement.durationSeconds) > context.options.declaredDurationToleranceSeconds
            else { return nil }
            return context.item(entry, "declared \(formatted(declared, digits: 3)) s, audio \(formatted(measurement.durationSeconds, digits: 3)) s")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "utterance"))]
    }
}
