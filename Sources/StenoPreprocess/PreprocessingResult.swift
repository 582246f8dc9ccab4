import StenoCore

/// The output of a ``PreprocessingChain`` and what each stage reported.
public struct PreprocessingResult: Sendable, Equatable {
    /// The audio after every stage.
    public var output: AudioBuffer
    /// The trimmer's report, when the chain trims (the last one, if it trims more than once).
    public var trim: SilenceTrimResult?
    /// The normaliser's report, when the chain normalises (the last one).
    public var normalization: NormalizationResult?

    /// The chain's output with the reports of its trim and normalise stages (nil when absent).
    public init(output: AudioBuffer, trim: SilenceTrimResult? = nil, normalization: NormalizationResult? = nil) {
        self.output = output
        self.trim = trim
        self.normalization = normalization
    }
}
