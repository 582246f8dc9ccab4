/// One column of an alignment: a reference position, a hypothesis position, or both.
public struct AlignmentStep: Sendable, Hashable {
    /// What this column is.
    public var operation: AlignmentOperation
    /// Index into the reference tokens; nil for an insertion.
    public var referenceIndex: Int?
    /// Index into the hypothesis tokens; nil for a deletion.
    public var hypothesisIndex: Int?

    /// A column; exactly the indices the operation uses are non-nil.
    public init(operation: AlignmentOperation, referenceIndex: Int?, hypothesisIndex: Int?) {
        self.operation = operation
        self.referenceIndex = referenceIndex
        self.hypothesisIndex = hypothesisIndex
    }
}
