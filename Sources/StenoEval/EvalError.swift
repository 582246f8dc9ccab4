import StenoCore

/// Everything that can go wrong while reading transcripts or scoring them.
///
/// Each case names the file (when there is one) and, for parse errors, the 1-based line.
public struct EvalError: StenoError, Equatable {
    /// What kind of problem this is, for callers that branch on it.
    public enum Kind: String, Sendable, Equatable {
        /// The file could not be read (missing, unreadable, a directory).
        case unreadableFile
        /// A line is not valid UTF-8.
        case invalidUTF8
        /// A line does not have the shape its format needs.
        case malformedLine
        /// An utterance id appears twice in one file.
        case duplicateID
        /// Reference ids without a hypothesis under `MissingPolicy.strict`.
        case missingHypotheses
        /// Nothing was left to score.
        case noUtterances
        /// A `WordMapping` line is not `from => to`.
        case invalidMappingRule
        /// An option value is out of its range (reserved: nothing in StenoEval throws it today).
        case invalidOption
    }

    /// The category of the problem.
    public var kind: Kind
    /// The file concerned; nil for in-memory input.
    public var path: String?
    /// The 1-based line the problem is on, when it is about one line.
    public var line: Int?
    /// What went wrong, without path or line.
    public var detail: String

    /// An error of `kind` about `path` (and `line`, 1-based, when it is about one line).
    public init(_ kind: Kind, path: String?, line: Int? = nil, _ detail: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.detail = detail
    }

    /// "line N: detail", or the detail alone.
    public var reason: String {
        if let line { return "line \(line): \(detail)" }
        return detail
    }
}
