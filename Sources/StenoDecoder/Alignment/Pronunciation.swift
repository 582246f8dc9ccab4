/// One way to say a word: its dictionary spelling ("and(2)" for an alternate) and phones.
public struct Pronunciation: Sendable, Hashable {
    /// The dictionary entry, e.g. "and" or "and(2)".
    public let spelling: String
    /// Phone names, e.g. ["AE", "N", "D"].
    public let phones: [String]

    /// A pronunciation; `phones` must not be empty (a precondition).
    public init(spelling: String, phones: [String]) {
        precondition(!phones.isEmpty, "a pronunciation needs at least one phone")
        self.spelling = spelling
        self.phones = phones
    }
}
