/// A substitution pair: the reference word, what was recognised instead, and how often.
public struct WordConfusion: Sendable, Hashable, Codable {
    public var reference: String
    public var hypothesis: String
    /// Times `reference` was recognised as `hypothesis`.
    public var count: Int

    /// A confusion pair seen `count` times.
    public init(reference: String, hypothesis: String, count: Int) {
        self.reference = reference
        self.hypothesis = hypothesis
        self.count = count
    }
}
