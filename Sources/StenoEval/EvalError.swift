import StenoCore

/// Everything that can go wrong while reading transcripts or scoring them.
///
/// Each case names the file (when there is one) and, for parse errors, the 1-based line.
public struct EvalError: StenoError, Equatable {
    /// What kind of problem this is, for callers that branch on it.
    public enum Kind: String, Sendable, Equatable {
        case unreadableFile
        case invalidUTF8
        case malformedLine
        case duplicateID
        case missingHypotheses
        case noUtterances
        case invalidMappingRule
        case invalidOption
    }

    public var kind: Kind
    public var path: String?
    /// The 1-based line the problem is on, when it is about one line.
    public var line: Int?
    public var detail: String

    public init(_ kind: Kind, path: String?, line: Int? = nil, _ detail: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.detail = detail
    }

    public var reason: String {
        if let line { return "line \(line): \(detail)" }
        return detail
    }
}
