/// A word and how often something happened to it (deleted, inserted).
public struct WordCount: Sendable, Hashable, Codable {
    public var word: String
    public var count: Int

    /// A word and its count.
    public init(word: String, count: Int) {
        self.word = word
        self.count = count
    }
}
