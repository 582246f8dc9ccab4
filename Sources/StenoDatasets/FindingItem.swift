/// One utterance (or manifest line) a finding is about.
public struct FindingItem: Sendable, Hashable, Codable {
    /// The manifest's utterance id (for `manifest.tsv`, the path as written); for a line that has no
    /// id, `file:line`.
    public let id: String
    /// What exactly is wrong with this item, in a few words.
    public let detail: String

    /// An item naming an utterance (or a file, for file-level problems) and what is wrong with it.
    public init(id: String, detail: String) {
        self.id = id
        self.detail = detail
    }
}
