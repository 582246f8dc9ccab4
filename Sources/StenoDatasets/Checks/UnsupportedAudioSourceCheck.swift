/// `unsupported-audio-source`: Kaldi `wav.scp` entries that are piped commands or archive offsets.
public struct UnsupportedAudioSourceCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "unsupported-audio-source", category: .structure, severity: .error,
        title: "Audio source not supported (piped command or archive)",
        rationale: "Steno never runs commands from a manifest, so this audio cannot be checked; convert it to files.")

    public func run(in context: CheckContext) -> [Finding] {
        let items = context.entries.compactMap { entry -> FindingItem? in
            guard case .unsupported(let written, let reason)? = entry.utterance.audio else { return nil }
            return context.item(entry, "\(reason): \(written)")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "utterance"))]
    }
}
