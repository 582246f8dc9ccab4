/// `missing-speaker`: in a dataset that records speakers, utterances without one.
public struct MissingSpeakerCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "missing-speaker", category: .structure, severity: .warning, title: "Utterances without a speaker",
        rationale: "Speaker adaptation and speaker-disjoint splits need every utterance's speaker.")

    public func run(in context: CheckContext) -> [Finding] {
        let datasetsWithSpeakers = Set(context.entries.filter { $0.utterance.speaker != nil }.map(\.datasetIndex))
        let items = context.entries.filter {
            datasetsWithSpeakers.contains($0.datasetIndex) && $0.utterance.speaker == nil && $0.utterance.audio != nil
                && $0.utterance.transcript != nil
        }.map { context.item($0, "no speaker (others in this dataset have one)") }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "utterance"))]
    }
}
