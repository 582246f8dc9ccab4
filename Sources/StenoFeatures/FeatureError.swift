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
    /// The 1-based line of a text file (such as `feat.params`) where the problem was found.
    public let line: Int?
    /// What was wrong, without the path or line.
    public let problem: String

    /// A human-readable explanation with the line when known ("line 2: option -upperf has no value"),
    /// without the path.
    public var reason: String {
        if let line { return "line \(line): \(problem)" }
        return problem
    }

    /// An error of `kind`; `path` names the file or utterance and `line` the 1-based line, when known.
    public init(_ kind: Kind, _ problem: String, path: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.problem = problem
        self.path = path
        self.line = line
    }

    /// The same error, naming `path` (used when a caller knows which file the audio came from).
    public func naming(_ path: String) -> FeatureError {
        FeatureError(kind, problem, path: path, line: line)
    }
}
