import StenoCore

/// Why a preprocessing stage could not run.
///
/// Stages work on `AudioBuffer` (StenoCore) values and know no file names; callers that do
/// (the CLI, dataset checks) attach one with ``withPath(_:)`` so the message names the file.
public struct PreprocessError: StenoError, Equatable {
    /// What kind of failure this is.
    public enum Kind: Sendable, Equatable {
        /// An option is outside its documented range (a ceiling above 0 dBFS, a negative duration, ...).
        case invalidOptions
        /// The loudness meter (libebur128) reported an error.
        case loudnessMeter
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The file the audio came from, when the caller knows it.
    public let path: String?
    /// What went wrong, without the path.
    public let reason: String

    /// An error of `kind`; `path` names the file when there is one.
    public init(_ kind: Kind, reason: String, path: String? = nil) {
        self.kind = kind
        self.reason = reason
        self.path = path
    }

    /// The same error naming `path`.
    public func withPath(_ path: String) -> PreprocessError {
        PreprocessError(kind, reason: reason, path: path)
    }
}
