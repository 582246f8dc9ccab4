/// `audio-without-label`: audio listed with no transcript (Kaldi `wav.scp` without `text`, a fileid
/// without a transcription line, a JSONL line without `text`).
public struct AudioWithoutLabelCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "audio-without-label", category: .structure, severity: .error, title: "Audio without a transcript",
        rationale: "Unlabelled audio is dropped by training tools or, worse, trained on as silence.")

    public func run(in context: CheckContext) -> [Finding] {
        let items = context.entries.filter { $0.utterance.transcript == nil && $0.utterance.audio != nil }
            .map { context.item($0, "\($0.utterance.audio?.written ?? "") has no transcript (\($0.utterance.location))") }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "utterance"))]
    }
}
