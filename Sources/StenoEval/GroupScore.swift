/// Pooled results of the utterances sharing one value of a breakdown field (one speaker, one set).
public struct GroupScore: Sendable, Hashable, Codable {
    /// The field's value; utterances without the field are grouped under "(none)".
    public var value: String
    /// Utterances in the group.
    public var utterances: Int
    /// Pooled errors / reference words of the group; nil when the group has no reference words.
    public var wer: Double?
    public var substitutions: Int
    public var deletions: Int
    public var insertions: Int
    public var hits: Int
    /// Hits + substitutions + deletions.
    public var referenceWords: Int

    /// The group of utterances whose field is `value`, from their pooled counts.
    public init(value: String, utterances: Int, counts: EditCounts) {
        self.value = value
        self.utterances = utterances
        self.wer = counts.errorRate
        self.substitutions = counts.substitutions
        self.deletions = counts.deletions
        self.insertions = counts.insertions
        self.hits = counts.hits
        self.referenceWords = counts.referenceLength
    }
}
