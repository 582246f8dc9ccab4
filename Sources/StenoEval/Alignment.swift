/// What happened to one position of an alignment.
public enum AlignmentOperation: String, Sendable, Codable, Hashable {
    /// The hypothesis word equals the reference word.
    case match
    /// A reference word was recognised as another word.
    case substitution
    /// A reference word is missing from the hypothesis.
    case deletion
    /// The hypothesis has a word the reference does not.
    case insertion
}

/// One column of an alignment: a reference position, a hypothesis position, or both.
public struct AlignmentStep: Sendable, Hashable {
    /// What this column is.
    public var operation: AlignmentOperation
    /// Index into the reference tokens; nil for an insertion.
    public var referenceIndex: Int?
    /// Index into the hypothesis tokens; nil for a deletion.
    public var hypothesisIndex: Int?

    public init(operation: AlignmentOperation, referenceIndex: Int?, hypothesisIndex: Int?) {
        self.operation = operation
        self.referenceIndex = referenceIndex
        self.hypothesisIndex = hypothesisIndex
    }
}

/// Substitution, deletion, insertion and hit counts of one or more alignments.
public struct EditCounts: Sendable, Hashable, Codable {
    public var substitutions: Int
    public var deletions: Int
    public var insertions: Int
    public var hits: Int

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

    public static func + (lhs: EditCounts, rhs: EditCounts) -> EditCounts {
        EditCounts(substitutions: lhs.substitutions + rhs.substitutions, deletions: lhs.deletions + rhs.deletions,
                   insertions: lhs.insertions + rhs.insertions, hits: lhs.hits + rhs.hits)
    }

    public static func += (lhs: inout EditCounts, rhs: EditCounts) { lhs = lhs + rhs }
}

/// A minimum-edit alignment of a reference and a hypothesis token sequence.
public struct Alignment: Sendable, Hashable {
    /// Columns in order; matches included.
    public var steps: [AlignmentStep]
    /// The counts of `steps`.
    public var counts: EditCounts

    public init(steps: [AlignmentStep], counts: EditCounts) {
        self.steps = steps
        self.counts = counts
    }
}
