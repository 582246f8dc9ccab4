/// `split-speaker-overlap` and `split-text-overlap`: with several datasets (train/dev/test), speakers or
/// identical transcripts that appear in more than one of them.
public struct SplitOverlapCheck: DatasetCheck {
    /// What is compared across the datasets.
    public enum Key: Sendable { case speaker, text }

    /// What is compared across splits: speakers or transcript texts.
    public let key: Key
    public let descriptor: CheckDescriptor

    /// The `split-speaker-overlap` or `split-text-overlap` check.
    public init(_ key: Key) {
        self.key = key
        descriptor = switch key {
        case .speaker:
            CheckDescriptor(id: "split-speaker-overlap", category: .splits, severity: .warning, requirement: .severalDatasets,
                            title: "Speakers shared between datasets",
                            rationale: "A test set with training speakers measures memorised voices, not generalisation.")
        case .text:
            CheckDescriptor(id: "split-text-overlap", category: .splits, severity: .warning, requirement: .severalDatasets,
                            title: "Identical transcripts shared between datasets",
                            rationale: "Sentences seen in training make a test set's WER optimistic, especially with a language model.")
        }
    }

    public func run(in context: CheckContext) -> [Finding] {
        guard context.datasets.count > 1 else { return [] }
        // Where each value is first seen, per dataset.
        var firstDataset: [String: Int] = [:]
        var datasetsByValue: [String: Set<Int>] = [:]
        for entry in context.entries {
            guard let value = value(of: entry) else { continue }
            if firstDataset[value] == nil { firstDataset[value] = entry.datasetIndex }
            datasetsByValue[value, default: []].insert(entry.datasetIndex)
        }
        var shared = 0
        var items: [FindingItem] = []
        var seenValues = Set<String>()
        for entry in context.entries {
            guard let value = value(of: entry), let datasets = datasetsByValue[value], datasets.count > 1,
                  let first = firstDataset[value], first != entry.datasetIndex else { continue }
            if seenValues.insert(value).inserted { shared += 1 }
            let label = key == .speaker ? "speaker \(value)" : "\"\(context.clipped(value, limit: 60))\""
            items.append(context.item(entry, "\(label) also in \(context.datasets[first].name)"))
        }
        guard !items.isEmpty else { return [] }
        let what = key == .speaker ? "speaker" : "transcript"
        return [descriptor.finding(items, summary: "\(counted(shared, what)) in more than one dataset, \(counted(items.count, "utterance"))")]
    }

    private func value(of entry: CheckEntry) -> String? {
        switch key {
        case .speaker:
            return entry.utterance.speaker
        case .text:
            guard let text = entry.comparableText, !text.isEmpty else { return nil }
            return text
        }
    }
}
