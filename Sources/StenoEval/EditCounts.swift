/// Substitution, deletion, insertion and hit counts of one or more alignments.
public struct EditCounts: Sendable, Hashable, Codable {
    public var substitutions: Int
    public var deletions: Int
    public var insertions: Int
    public var hits: Int

    /// Counts, all zero by default.
    public init(substitutions: Int = 0, deletions: Int = 0, insertions: Int = 0, hits: Int = 0) {
        self.substitutions = substitutions
        self.deletions = deletions
        self.insertions = insertions
        self.hits = hits
    }

    /// Substitutions + deletions + insertions.
    public var errors: Int { substitutions + deletions + insertions }
    /// Hits + substitutions + deletions: the number of reference tokens.
    public var referenceLength: Int { hits + substitutions + deletions }
    /// Hits + substitutions + insertions: the number of hypothesis tokens.
    public var hypothesisLength: Int { hits + substitutions + insertions }

    /// errors / reference tokens; nil when the reference is empty (the rate is undefined there).
    public var errorRate: Double? {
        referenceLength == 0 ? nil : Double(errors) / Double(referenceLength)
    }

    /// The sum, field by field (pooling).
    public static func + (lhs: EditCounts, rhs: EditCounts) -> EditCounts {
        EditCounts(substitutions: lhs.substitutions + rhs.substitutions, deletions: lhs.deletions + rhs.deletions,
                   insertions: lhs.insertions + rhs.insertions, hits: lhs.hits + rhs.hits)
    }

    /// Adds `rhs` field by field.
    public static func += (lhs: inout EditCounts, rhs: EditCounts) { lhs = lhs + rhs }
}
