/// `oov-words`: transcript words missing from the pronunciation dictionary given with `--lexicon`.
public struct LexiconCoverageCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "oov-words", category: .labels, severity: .warning, requirement: .lexicon,
        title: "Words missing from the pronunciation dictionary",
        rationale: "A word without a pronunciation can be neither recognised nor force-aligned; training skips its utterance.")

    public func run(in context: CheckContext) -> [Finding] {
        guard let lexicon = context.lexiconWords else { return [] }
        var counts: [String: Int] = [:]
        var items: [FindingItem] = []
        for entry in context.entries {
            guard let words = entry.profile?.words else { continue }
            let missing = words.filter { !lexicon.contains($0) }
            guard !missing.isEmpty else { continue }
            for word in missing { counts[word, default: 0] += 1 }
            var seen = Set<String>()
            let distinct = missing.filter { seen.insert($0).inserted }
            items.append(context.item(entry, "not in the dictionary: \(distinct.joined(separator: ", "))"))
        }
        guard !items.isEmpty else { return [] }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let listed = ranked.prefix(20).map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        let more = ranked.count > 20 ? ", …" : ""
        return [descriptor.finding(items,
            summary: "\(counted(counts.count, "distinct word")), \(counted(counts.values.reduce(0, +), "occurrence")) in \(counted(items.count, "transcript")) (\(listed)\(more))")]
    }
}
