/// A dictionary line that was skipped while loading, and why.
///
/// Sphinx dictionaries are loaded leniently (as pocketsphinx does): a bad entry is left out and the
/// rest of the file is used. The skipped lines are kept so tools can report them.
public struct DictionaryIssue: Sendable, Equatable, CustomStringConvertible {
    /// The dictionary file (or the name given to in-memory text).
    public var path: String
    /// The 1-based line number.
    public var line: Int
    /// The word the line defines, when it could be read.
    public var word: String?
    /// Why the line was skipped.
    public var reason: String

    /// `path:line: reason`.
    public var description: String { "\(path):\(line): \(reason)" }
}
