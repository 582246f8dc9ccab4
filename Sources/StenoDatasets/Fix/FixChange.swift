/// One thing `--fix-out` dropped or changed.
public struct FixChange: Sendable, Hashable, Codable {
    /// The rule that made the change.
    public let rule: FixRule
    /// The utterance id.
    public let id: String
    /// Why it was dropped, or the transcript before → after.
    public let detail: String
    /// Whether the utterance was left out (true) or its transcript changed (false).
    public let dropped: Bool
}
