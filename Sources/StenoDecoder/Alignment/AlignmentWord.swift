/// One word of the text to align, with every pronunciation the aligner may choose from.
public struct AlignmentWord: Sendable, Hashable {
    /// The word as written in the transcript.
    public let text: String
    /// Its pronunciations (at least one), in dictionary order.
    public let pronunciations: [Pronunciation]

    public init(text: String, pronunciations: [Pronunciation]) {
        precondition(!pronunciations.isEmpty, "a word to align needs at least one pronunciation")
        self.text = text
        self.pronunciations = pronunciations
    }
}

/// One way to say a word: its dictionary spelling ("and(2)" for an alternate) and phones.
public struct Pronunciation: Sendable, Hashable {
    /// The dictionary entry, e.g. "and" or "and(2)".
    public let spelling: String
    /// Phone names, e.g. ["AE", "N", "D"].
    public let phones: [String]

    public init(spelling: String, phones: [String]) {
        precondition(!phones.isEmpty, "a pronunciation needs at least one phone")
        self.spelling = spelling
        self.phones = phones
    }
}
