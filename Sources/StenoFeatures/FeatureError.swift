import StenoCore

/// Why features could not be computed, or a feature file could not be read or written.
///
/// Every case names what went wrong; ``path`` names the file or utterance when there is one.
public struct FeatureError: StenoError, Equatable {
    /// What kind of failure this is.
    public enum Kind: Sendable, Equatable {
        /// The audio has no samples.
        case emptyAudio
        /// The audio is shorter than the shortest input the options accept (one frame for
        /// frame-snipping presets such as Kaldi's).
        case tooShort
        /// A sample is NaN or infinite.
        case nonFiniteSample
        /// The audio's sample rate is not the one the options were built for.
        case sampleRateMismatch
        /// The options contradict each other or are out of range.
        case invalidOptions
        /// A `feat.params` file could not be read or holds a value Steno cannot use.
        case invalidFeatureParameters
        /// A feature file is malformed or truncated.
        case malformedFile
        /// Reading or writing a file failed.
        case io
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The file or utterance concerned, when known.
    public let path: String?
    /// A human-readable explanation, without the path.
    public let reason: String

    public init(_ kind: Kind, _ reason: String, path: String? = nil) {
        self.kind = kind
        self.reason = reason
        self.path = path
    }

    /// The same error, naming `path` (used when a caller knows which file the audio came from).
    public func naming(_ path: String) -> FeatureError {
        FeatureError(kind, reason, path: path)
    }
}
