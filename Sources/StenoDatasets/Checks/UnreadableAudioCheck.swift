/// `unreadable-audio`: audio files that exist but cannot be decoded.
public struct UnreadableAudioCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "unreadable-audio", category: .structure, severity: .error, requirement: .audio,
        title: "Unreadable audio", rationale: "Training and decoding tools fail or skip these files.")

    public func run(in context: CheckContext) -> [Finding] {
        let items = context.entries.compactMap { entry -> FindingItem? in
            guard case .unreadable(let reason) = entry.audio else { return nil }
            return context.item(entry, reason)
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "file"))]
    }
}
