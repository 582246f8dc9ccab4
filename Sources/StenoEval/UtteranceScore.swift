import StenoCore

/// One utterance's result. JSON keys: `id`, `wer`, `substitutions`, `deletions`, `insertions`,
/// `hits`, `referenceWords`, `hypothesisWords`, `hypothesisMissing`.
public struct UtteranceScore: Sendable, Hashable, Codable {
    public var id: UtteranceID
    /// Errors / reference words; nil (JSON null) when the reference is empty: an empty reference's
    /// errors are all insertions and its own rate is undefined (the corpus rate still counts them).
    public var wer: Double?
    public var substitutions: Int
    public var deletions: Int
    public var insertions: Int
    public var hits: Int
    /// Hits + substitutions + deletions.
    public var referenceWords: Int
    /// Hits + substitutions + insertions.
    public var hypothesisWords: Int
    /// True when the hypothesis was absent and scored as empty (`--missing empty`).
    public var hypothesisMissing: Bool

    /// One utterance's score from its edit counts.
    public init(id: UtteranceID, counts: EditCounts, hypothesisMissing: Bool = false) {
        self.id = id
        self.wer = counts.errorRate
        self.substitutions = counts.substitutions
        self.deletions = counts.deletions
        self.insertions = counts.insertions
        self.hits = counts.hits
        self.referenceWords = counts.referenceLength
        self.hypothesisWords = counts.hypothesisLength
        self.hypothesisMissing = hypothesisMissing
    }

    /// The counts as `EditCounts`.
    public var counts: EditCounts {
        EditCounts(substitutions: substitutions, deletions: deletions, insertions: insertions, hits: hits)
    }

    /// Substitutions + deletions + insertions.
    public var errors: Int { substitutions + deletions + insertions }

    private enum CodingKeys: String, CodingKey {
        case id, wer, substitutions, deletions, insertions, hits, referenceWords, hypothesisWords, hypothesisMissing
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(wer, forKey: .wer)  // explicit null when undefined
        try container.encode(substitutions, forKey: .substitutions)
        try container.encode(deletions, forKey: .deletions)
        try container.encode(insertions, forKey: .insertions)
        try container.encode(hits, forKey: .hits)
        try container.encode(referenceWords, forKey: .referenceWords)
        try container.encode(hypothesisWords, forKey: .hypothesisWords)
        try container.encode(hypothesisMissing, forKey: .hypothesisMissing)
    }
}
