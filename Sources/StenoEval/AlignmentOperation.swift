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
