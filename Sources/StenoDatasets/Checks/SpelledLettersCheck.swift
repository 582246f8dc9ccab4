/// `mixed-spelled-letters`: spelled-out letters written in different ways ("r o b", "r. o. b.",
/// "r_o_b"), or a word spelled letter by letter in some transcripts and written whole in others.
public struct SpelledLettersCheck: DatasetCheck {
    public init() {}
    public let descriptor = CheckDescriptor(
        id: "mixed-spelled-letters", category: .labels, severity: .warning,
        title: "Spelled letters written inconsistently",
        rationale: "Spoken letters need one written form; \"r o b\" and \"rob\" are different sounds with one spelling.")

    public func run(in context: CheckContext) -> [Finding] {
        var items: [FindingItem] = []
        var flagged = Set<Int>()

        // 1. Different ways of writing spelled letters.
        var tally = ConventionTally<TranscriptProfile.SpellingStyle>()
        for entry in context.entries { if let profile = entry.profile { tally.add(entry, profile.spellingStyles) } }
        var positions: [String: Int] = [:]
        for (offset, entry) in context.entries.enumerated() {
            positions["\(entry.datasetIndex)\u{1}\(entry.utterance.id.rawValue)"] = offset
        }
        if let result = tally.minority() {
            for (entry, styles) in result.items {
                let used = styles.sorted().map(\.rawValue).joined(separator: ", ")
                items.append(context.item(entry, "\(used); \(counted(result.majorityCount, "transcript")) use \(result.majority.rawValue)"))
                if let offset = positions["\(entry.datasetIndex)\u{1}\(entry.utterance.id.rawValue)"] { flagged.insert(offset) }
            }
        }

        // 2. The same word spelled out in some transcripts and written whole in others: flag the rarer form.
        var wordUses: [String: [Int]] = [:]
        var spelledUses: [String: [Int]] = [:]
        for (offset, entry) in context.entries.enumerated() {
            guard let profile = entry.profile else { continue }
            for word in Set(profile.words) where word.count >= 2 { wordUses[word, default: []].append(offset) }
            for word in Set(profile.spelledWords) { spelledUses[word, default: []].append(offset) }
        }
        for word in spelledUses.keys.sorted() {
            guard let spelled = spelledUses[word], let whole = wordUses[word] else { continue }
            let (rare, detail) = spelled.count < whole.count
                ? (spelled, "'\(word)' spelled out here, written whole in \(counted(whole.count, "transcript"))")
                : (whole, "'\(word)' written whole here, spelled out in \(counted(spelled.count, "transcript"))")
            for offset in rare where flagged.insert(offset).inserted {
                items.append(context.item(context.entries[offset], detail))
            }
        }
        guard !items.isEmpty else { return [] }
        return [descriptor.finding(items, summary: counted(items.count, "transcript"))]
    }
}
