import StenoCore

/// Why a dataset could not be read at all.
///
/// Problems inside a readable dataset (a bad line, a missing audio file) are not errors: they become
/// ``Finding``s so that every other utterance is still checked. This error is for a dataset that cannot
/// be opened or whose format cannot be told.
public struct DatasetError: StenoError, Equatable {
    /// What kind of failure this is.
    public enum Kind: Sendable, Equatable {
        /// The path does not exist or cannot be read.
        case unreadable
        /// No supported dataset format was recognised at the path.
        case unknownFormat
        /// The format was given or detected, but a file it requires is missing.
        case missingFile(String)
        /// A file exists but its structure makes it unusable as a whole (for example a CSV without header).
        case invalidStructure
        /// Writing an output file failed.
        case writeFailed
    }

    /// What went wrong.
    public let kind: Kind
    /// The file or folder the error is about.
    public let path: String?
    /// A one-line reason, without the path.
    public let reason: String

    /// An error of `kind` about `path`.
    public init(_ kind: Kind, path: String?, reason: String) {
        self.kind = kind
        self.path = path
        self.reason = reason
    }
}
