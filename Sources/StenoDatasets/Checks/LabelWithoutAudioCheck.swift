/// `label-without-audio`: a transcript whose id has no audio entry, or whose audio file does not exist.
public struct LabelWithoutAudioCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "label-without-audio", category: .structure, severity: .error, title: "Transcript without audio",
        rationale: "A transcript with no audio cannot be trained on or scored; it usually means a broken path.")

    public func run(in context: CheckContext) -> [Finding] {
        var items: [FindingItem] = []
        for entry in context.entries {
            if entry.utterance.audio == nil {
                items.append(context.item(entry, "no audio entry for this id (\(entry.utterance.location))"))
            } else if entry.audio == .missingFile, let audio = entry.utterance.audio {
                items.append(context.item(entry, "audio file not found: \(audio.written)"))
            }
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "utterance"))]
    }
}
