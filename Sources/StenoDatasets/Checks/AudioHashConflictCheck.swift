/// `audio-hash-conflict` (same audio content, different transcripts) and `duplicate-audio` (same audio,
/// same transcript) over all datasets given.
public struct AudioHashConflictCheck: DatasetCheck {
    /// Which of the two findings this instance reports.
    public enum Mode: Sendable { case conflictingTranscripts, duplicates }

    /// Which of the two findings this instance reports.
    public let mode: Mode
    public let descriptor: CheckDescriptor

    /// The `audio-hash-conflict` (`.conflictingTranscripts`) or `duplicate-audio` (`.duplicates`) check.
    public init(_ mode: Mode) {
        self.mode = mode
        descriptor = switch mode {
        case .conflictingTranscripts:
            CheckDescriptor(id: "audio-hash-conflict", category: .labels, severity: .error, requirement: .audio,
                            title: "Same audio, different transcripts",
                            rationale: "At most one of the transcripts is right; the model is taught both.")
        case .duplicates:
            CheckDescriptor(id: "duplicate-audio", category: .labels, severity: .info, requirement: .audio,
                            title: "Same audio listed more than once",
                            rationale: "Duplicates weight some clips twice and, across splits, leak test data into training.")
        }
    }

    public func run(in context: CheckContext) -> [Finding] {
        var groups: [UInt64: [CheckEntry]] = [:]
        var order: [UInt64] = []
        for (entry, measurement) in context.measured where !measurement.isAllZero {
            if groups[measurement.contentHash] == nil { order.append(measurement.contentHash) }
            groups[measurement.contentHash, default: []].append(entry)
        }
        var items: [FindingItem] = []
        var groupCount = 0
        for hash in order {
            guard let group = groups[hash], group.count > 1 else { continue }
            let texts = group.map { normalisedText($0) }
            let conflicting = Set(texts).count > 1
            guard conflicting == (mode == .conflictingTranscripts) else { continue }
            groupCount += 1
            for (index, entry) in group.enumerated() {
                let others = group.indices.filter { $0 != index }.map { group[$0].utterance.id.rawValue }
                let detail = conflicting
                    ? "\"\(context.clipped(entry.utterance.transcript ?? "", limit: 60))\"; same audio as \(others.prefix(3).joined(separator: ", "))"
                    : "same audio and transcript as \(others.prefix(3).joined(separator: ", "))"
                items.append(context.item(entry, detail))
            }
        }
        return items.isEmpty ? [] : [descriptor.finding(items, summary: "\(counted(groupCount, "group")), \(counted(items.count, "utterance"))")]
    }

    private func normalisedText(_ entry: CheckEntry) -> String {
        entry.comparableText ?? ""
    }
}
