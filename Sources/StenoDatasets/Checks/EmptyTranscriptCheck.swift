/// `empty-transcript`: a transcript with no words (empty, spaces, or only `<s> </s>`).
public struct EmptyTranscriptCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "empty-transcript", category: .structure, severity: .error, title: "Empty transcripts",
        rationale: "An empty label teaches the model that speech is silence and makes WER undefined.")

    public func run(in context: CheckContext) -> [Finding] {
        let items = context.entries.compactMap { entry -> FindingItem? in
            guard let text = entry.utterance.transcript,
                  text.allSatisfy({ $0.isWhitespace || $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } })
            else { return nil }
            return context.item(entry, text.isEmpty ? "empty" : "only whitespace or control characters")
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: counted(items.count, "utterance"))]
    }
}
