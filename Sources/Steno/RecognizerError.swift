import StenoCore

/// Why a recognizer could not be built or an utterance not decoded.
public struct RecognizerError: StenoError, Equatable {
    /// The category of the problem, for callers that branch on it.
    public enum Kind: String, Sendable, Equatable {
        /// No model directory was found.
        case modelNotFound
        /// The grammar names words the dictionary cannot pronounce.
        case unknownWords
        /// The audio cannot be decoded (wrong rate, empty). Reserved: nothing throws it today.
        case unusableAudio
    }

    /// The category of the problem.
    public var kind: Kind
    /// The model file, grammar or audio concerned, when there is one.
    public var path: String?
    /// What went wrong, without the path.
    public var reason: String

    /// An error of `kind` about `path`.
    public init(_ kind: Kind, path: String?, reason: String) {
        self.kind = kind
        self.path = path
        self.reason = reason
    }
}
