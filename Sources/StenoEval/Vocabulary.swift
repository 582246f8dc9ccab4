/// Interns words as dense `Int32` ids, so alignment compares integers, not strings.
public struct Vocabulary: Sendable {
    private var ids: [String: Int32] = [:]
    private(set) public var words: [String] = []

    /// An empty vocabulary; ids start at 0.
    public init() {}

    /// The id of `word`, assigning the next free id on first sight.
    public mutating func id(for word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(words.count)
        ids[word] = id
        words.append(word)
        return id
    }

    /// The word with this id.
    public func word(_ id: Int32) -> String { words[Int(id)] }
}
