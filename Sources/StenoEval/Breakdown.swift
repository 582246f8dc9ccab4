/// Results broken down by one field (speaker, set, condition, ...), groups sorted by value.
public struct Breakdown: Sendable, Hashable, Codable {
    public var field: String
    public var groups: [GroupScore]

    public init(field: String, groups: [GroupScore]) {
        self.field = field
        self.groups = groups
    }
}
