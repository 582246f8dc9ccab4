

/// A minimum-edit alignment of a reference and a hypothesis token sequence.
public struct Alignment: Sendable, Hashable {
    /// Columns in order; matches included.
    public var steps: [AlignmentStep]
    /// The counts of `steps`.
    public var counts: EditCounts

    /// Wraps alignment columns and their counts; `counts` must be the tally of `steps`.
    public init(steps: [AlignmentStep], counts: EditCounts) {
        self.steps = steps
        self.counts = counts
    }
}
