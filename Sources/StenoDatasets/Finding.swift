
/// The result of one check that found something: its id, severity, a one-line message and every item.
public struct Finding: Sendable, Hashable, Codable {
    /// The check's stable id (see ``CheckCatalog``).
    public let check: String
    /// The severity of the check that found it.
    public let severity: FindingSeverity
    /// What was found, with the count and the one line on why it matters.
    public let message: String
    /// Every affected utterance, in manifest order.
    public let items: [FindingItem]

    /// A finding of check `check` over `items`.
    public init(check: String, severity: FindingSeverity, message: String, items: [FindingItem]) {
        self.check = check
        self.severity = severity
        self.message = message
        self.items = items
    }
}
