import StenoCore

/// What ``SilenceTrimmer`` found and the trimmed audio.
public struct SilenceTrimResult: Sendable, Equatable {
    /// Silence before the first speech, in seconds (the whole duration when there is no speech).
    public var leadingSilenceSeconds: Double
    /// Silence after the last speech, in seconds (the whole duration when there is no speech).
    public var trailingSilenceSeconds: Double
    /// The speech found, in order, in seconds from the start of the input; empty when there is none.
    public var speechSegments: [SpeechSegment]
    /// The input samples kept (speech plus padding), as indices into the input.
    public var keptSampleRange: Range<Int>
    /// The estimated noise floor of the whole input, in dB relative to full scale (10 ms frame energy).
    public var noiseFloorDBFS: Double
    /// The frame energy above which a frame counted as speech, in dBFS.
    public var thresholdDBFS: Double
    /// The kept samples.
    public var trimmed: AudioBuffer
    /// Samples in the input.
    public var inputFrameCount: Int

    /// A trim report; `keptSampleRange` and `inputFrameCount` count samples of the input.
    public init(leadingSilenceSeconds: Double, trailingSilenceSeconds: Double, speechSegments: [SpeechSegment],
                keptSampleRange: Range<Int>, noiseFloorDBFS: Double, thresholdDBFS: Double, trimmed: AudioBuffer,
                inputFrameCount: Int) {
        self.leadingSilenceSeconds = leadingSilenceSeconds
        self.trailingSilenceSeconds = trailingSilenceSeconds
        self.speechSegments = speechSegments
        self.keptSampleRange = keptSampleRange
        self.noiseFloorDBFS = noiseFloorDBFS
        self.thresholdDBFS = thresholdDBFS
        self.trimmed = trimmed
        self.inputFrameCount = inputFrameCount
    }

    /// Whether any speech was found.
    public var containsSpeech: Bool { !speechSegments.isEmpty }

    /// Seconds cut from the start of the input (the leading silence minus the padding kept).
    public var removedLeadingSeconds: Double {
        Double(keptSampleRange.lowerBound) / Double(trimmed.sampleRate.hertz)
    }

    /// Seconds cut from the end of the input.
    public var removedTrailingSeconds: Double {
        Double(inputFrameCount - keptSampleRange.upperBound) / Double(trimmed.sampleRate.hertz)
    }
}
