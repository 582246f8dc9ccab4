import StenoCore

/// The preprocessing a recogniser applies to loaded audio: stages run in order on an `AudioBuffer`.
///
/// Resampling and channel mixing are not stages here: StenoAudio does them while loading, so the
/// chain always sees mono audio at the rate the model wants.
///
/// ```swift
/// let chain = try PreprocessingChain.recognizer(trim: true, loudnessLUFS: -23)
/// let result = try chain.run(buffer)
/// ```
public struct PreprocessingChain: Sendable {
    /// The stages, in the order they run.
    public let stages: [PreprocessingStage]
    private let steps: [Step]

    private enum Step: Sendable {
        case trim(SilenceTrimmer)
        case normalize(VolumeNormalizer)
    }

    /// A chain of `stages`. Throws ``PreprocessError`` when a stage's options are out of range.
    public init(stages: [PreprocessingStage]) throws {
        self.stages = stages
        steps = try stages.map { stage in
            switch stage {
            case .trimSilence(let options): .trim(try SilenceTrimmer(options: options))
            case .normalizeVolume(let options): .normalize(try VolumeNormalizer(options: options))
            }
        }
    }

    /// The recogniser's chain: trim silence (when `trim`), then normalise loudness to `loudnessLUFS`
    /// (when given), each with its default options otherwise.
    public static func recognizer(trim: Bool, loudnessLUFS: Double?) throws -> PreprocessingChain {
        var stages: [PreprocessingStage] = []
        if trim { stages.append(.trimSilence(SilenceTrimmer.Options())) }
        if let loudnessLUFS {
            stages.append(.normalizeVolume(VolumeNormalizer.Options(target: .loudness(lufs: loudnessLUFS))))
        }
        return try PreprocessingChain(stages: stages)
    }

    /// Runs every stage on `buffer`. Throws ``PreprocessError`` only when libebur128 fails.
    public func run(_ buffer: AudioBuffer) throws -> PreprocessingResult {
        var result = PreprocessingResult(output: buffer)
        for step in steps {
            switch step {
            case .trim(let trimmer):
                let trimmed = trimmer.trim(result.output)
                result.trim = trimmed
                result.output = trimmed.trimmed
            case .normalize(let normalizer):
                let normalized = try normalizer.normalize(result.output)
                result.normalization = normalized
                result.output = normalized.normalized
            }
        }
        return result
    }
}
