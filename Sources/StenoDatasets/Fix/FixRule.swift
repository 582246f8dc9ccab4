/// What `--fix-out` does about one kind of finding.
public enum FixRule: String, Sendable, CaseIterable, Codable {
    /// Utterances with an error-level structure or audio finding (missing or unreadable audio, no
    /// transcript, empty transcript, invalid UTF-8, unsupported source, all-zero audio, wrong sample
    /// rate, conflicting transcripts for the same audio) are left out.
    case dropUnusable = "drop-unusable"
    /// Control characters become spaces; runs of whitespace become one space; ends are trimmed.
    case normaliseWhitespace = "normalise-whitespace"
    /// Where the set mixes letter case, transcripts are put in the majority case (lower or upper).
    case normaliseCase = "normalise-case"
    /// Where most transcripts have no punctuation, it is removed from the others (inner apostrophes and
    /// hyphens stay; tags like `[noise]` stay).
    case removePunctuation = "remove-punctuation"
    /// Utterances the output format cannot express (a segment of a file in `manifest.tsv`) are left out.
    case dropUnrepresentable = "drop-unrepresentable"

    /// The checks whose error-level items ``dropUnusable`` drops.
    static let droppingChecks: Set<String> = [
        "audio-without-label", "label-without-audio", "unsupported-audio-source", "unreadable-audio",
        "empty-transcript", "invalid-utf8", "all-zero-audio", "sample-rate-mismatch", "audio-hash-conflict",
    ]
}
