import StenoCore

/// What went wrong while loading or using a dictionary, language model, grammar or search.
///
/// Parse errors carry the file and the 1-based line, so the CLI prints `path:line: reason`.
public struct DecoderError: StenoError, Equatable {
    /// The kind of failure, for callers that react differently to them.
    public enum Kind: Sendable, Equatable {
        /// The file could not be read at all.
        case unreadable
        /// The file's content does not follow its format.
        case malformed
        /// A word the caller asked about is not in the dictionary or language model.
        case unknownWord
        /// A combination of inputs that cannot work together (for example a grammar rule that does not exist).
        case inconsistent
    }

    /// The kind of failure.
    public var kind: Kind
    /// The file the error is about, when there is one.
    public var path: String?
    /// The 1-based line in `path`, when the error is about one line.
    public var line: Int?
    /// What went wrong, without the path.
    public var reason: String

    /// Creates an error.
    public init(_ kind: Kind, path: String?, line: Int? = nil, reason: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// `path:line: reason`, `path: reason`, or the reason alone.
    public var description: String {
        switch (path, line) {
        case let (path?, line?): return "\(path):\(line): \(reason)"
        case let (path?, nil): return "\(path): \(reason)"
        case let (nil, line?): return "line \(line): \(reason)"
        case (nil, nil): return reason
        }
    }
}
