import StenoCore

/// Why an acoustic model could not be loaded or used.
///
/// Every error names the file and, where it applies, the byte offset (binary files) or the line
/// (text files) at which the problem was found.
public struct AcousticError: StenoError, Equatable {
    /// The model file concerned.
    public let path: String?
    /// What was wrong, without the location.
    public let problem: String
    /// The byte offset in a binary file where the problem was found.
    public let byteOffset: Int?
    /// The 1-based line in a text file where the problem was found.
    public let line: Int?

    public init(path: String?, problem: String, byteOffset: Int? = nil, line: Int? = nil) {
        self.path = path
        self.problem = problem
        self.byteOffset = byteOffset
        self.line = line
    }

    /// The problem with its location ("truncated data at byte 1040").
    public var reason: String {
        if let line { return "line \(line): \(problem)" }
        if let byteOffset { return "\(problem) at byte \(byteOffset)" }
        return problem
    }
}
