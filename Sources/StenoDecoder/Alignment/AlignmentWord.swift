/// One word of the text to align, with every pronunciation the aligner may choose from.
public struct AlignmentWord: Sendable, Hashable {
    /// The word as written in the transcript.
    public let text: String
    /// Its pronunciations (at least one), in dictionary order.
    public let pronunciations: [Pronunciation]

    /// A word to align; `pronunciations` must not be empty (a precondition).
    public init(text: String, pronunciations: [Pronunciation]) {
        precondition(!pronunciations.isEmpty, "a word to align needs at least one pronunciation")
        self.text = text
        self.pronunciations = pronunciations
    }
}
