import StenoCore

/// A problem a reader met while parsing a manifest; the structure checks turn these into findings.
public struct ManifestIssue: Sendable, Hashable {
    /// What kind of problem.
    public enum Kind: Sendable, Hashable {
        /// The line cannot be parsed (bad JSON, missing column, unbalanced quote); the reason says how.
        case malformedLine(String)
        /// The line was not valid UTF-8; it was read with replacement characters.
        case invalidUTF8
        /// A second entry with an id already seen in the same file; the first one is kept.
        case duplicateID
    }

    /// What kind of problem.
    public let kind: Kind
    /// Where.
    public let location: SourceLocation
    /// The utterance the line belongs to, when the id could be read.
    public let utteranceID: UtteranceID?

    /// An issue at `location`, about `utteranceID` when the id could be read.
    public init(_ kind: Kind, at location: SourceLocation, utteranceID: UtteranceID? = nil) {
        self.kind = kind
        self.location = location
        self.utteranceID = utteranceID
    }
}
