/// A substitution pair: the reference word, what was recognised instead, and how often.
public struct WordConfusion: Sendable, Hashable, Codable {
    public var reference: String
    public var hypothesis: String
    public var count: Int

    public init(reference: String, hypothesis: String, count: Int) {
        self.reference = reference
        self.hypothesis = hypothesis
        self.count = count
    }
}
