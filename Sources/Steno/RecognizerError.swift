import StenoCore

/// Why a recognizer could not be built or an utterance not decoded.
public struct RecognizerError: StenoError, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// No model directory was found.
        case modelNotFound
        /// The grammar or language model names words the dictionary cannot pronounce.
        case unknownWords
        /// The audio cannot be decoded (wrong rate, empty).
        case unusableAudio
    }

    public var kind: Kind
    public var path: String?
    public var reason: String

    public init(_ kind: Kind, path: String?, reason: String) {
        self.kind = kind
        self.path = path
        self.reason = reason
    }
}
