import StenoCore

/// One utterance to score: its id, reference text and hypothesis text (both not yet normalised).
public struct UtterancePair: Sendable, Hashable {
    public var id: UtteranceID
    /// Reference text as read, before normalisation.
    public var reference: String
    /// Hypothesis text as read, before normalisation; empty when `hypothesisMissing`.
    public var hypothesis: String
    /// Fields for breakdowns (speaker, set, condition, ...).
    public var fields: [String: String]
    /// True when the hypothesis file had no entry for this id and it is scored as empty.
    public var hypothesisMissing: Bool

    /// A pair to score; `fields` feed breakdowns.
    public init(id: UtteranceID, reference: String, hypothesis: String, fields: [String: String] = [:],
                hypothesisMissing: Bool = false) {
        self.id = id
        self.reference = reference
        self.hypothesis = hypothesis
        self.fields = fields
        self.hypothesisMissing = hypothesisMissing
    }
}
