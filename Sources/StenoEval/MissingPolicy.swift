/// What to do with reference utterances that have no hypothesis (Kaldi compute-wer's `--mode`).
public enum MissingPolicy: String, Sendable, CaseIterable, Codable {
    /// Fail, naming the missing ids (Kaldi's `strict`, its default).
    case strict
    /// Score only the utterances present in both (Kaldi's `present`); the report is marked partial.
    case present
    /// Score a missing hypothesis as empty, so all its words are deletions (Kaldi's `all`).
    case empty
}
