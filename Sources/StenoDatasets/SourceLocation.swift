/// A line in a manifest file, for findings that must name where a problem is.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The manifest file, as given or found (not resolved further).
    public let file: String
    /// 1-based line number (for CSV, the line where the record starts).
    public let line: Int

    /// A place in a manifest; `line` is 1-based.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// "file:line".
    public var description: String { "\(file):\(line)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }
}
