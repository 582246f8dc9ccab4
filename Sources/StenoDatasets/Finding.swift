/// One utterance (or manifest line) a finding is about.
public struct FindingItem: Sendable, Hashable, Codable {
    /// The manifest's utterance id (for `manifest.tsv`, the path as written); for a line that has no
    /// id, `file:line`.
    public let id: String
    /// What exactly is wrong with this item, in a few words.
    public let detail: String

    public init(id: String, detail: String) {
        self.id = id
        self.detail = detail
    }
}

/// The result of one check that found something: its id, severity, a one-line message and every item.
public struct Finding: Sendable, Hashable, Codable {
    /// The check's stable id (see ``CheckCatalog``).
    public let check: String
    public let severity: FindingSeverity
    /// What was found, with the count and the one line on why it matters.
    public let message: String
    /// Every affected utterance, in manifest order.
    public let items: [FindingItem]

    public init(check: String, severity: FindingSeverity, message: String, items: [FindingItem]) {
        self.check = check
        self.severity = severity
        self.message = message
        self.items = items
    }
}
