/// Results broken down by one field (speaker, set, condition, ...), groups sorted by value.
public struct Breakdown: Sendable, Hashable, Codable {
    /// The field grouped by (`speaker`, a JSONL key, ...).
    public var field: String
    /// One pooled score per distinct value of the field, sorted by value.
    public var groups: [GroupScore]

    /// A breakdown by `field`; `groups` should be sorted by value.
    public init(field: String, groups: [GroupScore]) {
        self.field = field
        self.groups = groups
    }
}
